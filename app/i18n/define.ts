import type { Locale } from "./locales";

/**
 * One area's messages in every locale. English is the source: the other locales must have
 * exactly its keys, which the type checks, so a missing translation fails `npm run typecheck`.
 */
export function defineMessages<const Keys extends string>(
  messages: { en: Record<Keys, string> } & { [L in Exclude<Locale, "en">]: Record<Keys, string> },
) {
  return messages;
}
