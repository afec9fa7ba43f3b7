import type { Locale } from "./locales";

/**
 * One area's messages in every locale. English is the source: the other locales must have
 * exactly its keys, which the type checks, so a missing translation fails `npm run typecheck`
 * (an extra key fails app/i18n/completeness.test.ts). English and German live in the area's
 * file; every other locale in `<locale>/<area>.ts` beside it.
 */
export function defineMessages<const Keys extends string>(
  messages: { en: Record<Keys, string> } & { [L in Exclude<Locale, "en">]: Record<NoInfer<Keys>, string> },
) {
  return messages;
}
