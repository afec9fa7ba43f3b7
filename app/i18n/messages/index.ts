import { common } from "./common";

/**
 * Every area's messages. Each area (hosted pages, emails, a sign-in method, …) keeps its own
 * file, with keys prefixed by the area, so areas never edit each other's strings.
 */
const AREAS = [common] as const;

type AreaKeys<Area> = Area extends { en: Record<infer Key, string> } ? Key : never;
export type MessageKey = AreaKeys<(typeof AREAS)[number]>;

export const MESSAGES = {
  en: Object.assign({}, ...AREAS.map((area) => area.en)),
  de: Object.assign({}, ...AREAS.map((area) => area.de)),
} as Record<"en" | "de", Record<MessageKey, string>>;
