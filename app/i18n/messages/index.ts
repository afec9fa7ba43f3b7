import { LOCALES, type Locale } from "../locales";
import { common } from "./common";
import { hosted } from "./hosted";
import { phone } from "./phone";
import { social } from "./social";
import { passkeys } from "./passkeys";
import { twoFactor } from "./two-factor";
import { organizations } from "./organizations";
import { sessions } from "./sessions";
import { username } from "./username";
import { theme } from "./theme";
import { emails } from "./emails";
import { emailMethods } from "./email-methods";
import { widgets } from "./widgets";
import { privacy } from "./privacy";
import { signInProtection } from "./sign-in-protection";
import { oauth } from "./oauth";
import { authErrors } from "./auth-errors";
import { sso } from "./sso";

/**
 * Every area's messages. Each area (hosted pages, emails, a sign-in method, …) keeps its own
 * file, with keys prefixed by the area, so areas never edit each other's strings.
 */
const AREAS = [
  common,
  hosted,
  passkeys,
  twoFactor,
  social,
  phone,
  organizations,
  sessions,
  username,
  theme,
  emails,
  emailMethods,
  widgets,
  privacy,
  signInProtection,
  oauth,
  authErrors,
  sso,
] as const;

type AreaKeys<Area> = Area extends { en: Record<infer Key, string> } ? Key : never;
export type MessageKey = AreaKeys<(typeof AREAS)[number]>;

export const MESSAGES = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...AREAS.map((area) => area[locale]))]),
) as Record<Locale, Record<MessageKey, string>>;
