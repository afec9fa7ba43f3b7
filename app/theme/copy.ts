import type { Locale } from "~/i18n/locales";
import type { CopyOverrides } from "~/i18n/translate";
import type { Theme } from "./theme";

/**
 * Which tenant text a page in one language shows (decision 0029): the tenant's text for that
 * language, else its text for the default language, else (left to the translator) Portico's
 * built-in message for the language. Email texts (`emails.*`) never borrow the default
 * language's text: an email mixing two languages reads worse than Portico's translation.
 */
export function copyForLocale(theme: Pick<Theme, "copy" | "locale">, locale: Locale): CopyOverrides {
  const own = theme.copy[locale] ?? {};
  if (locale === theme.locale.default) return { [locale]: own };
  const borrowed = Object.entries(theme.copy[theme.locale.default] ?? {}).filter(([key]) => !isEmailKey(key));
  return { [locale]: { ...Object.fromEntries(borrowed), ...own } };
}

/** The text a copy field falls back to when the tenant leaves it empty in `locale`. */
export function copyFallback(
  theme: Pick<Theme, "copy" | "locale">,
  locale: Locale,
  key: string,
  builtIn: string,
): { text: string; source: "default-language" | "portico" } {
  const borrowed = isEmailKey(key) || locale === theme.locale.default ? "" : theme.copy[theme.locale.default]?.[key];
  return borrowed ? { text: borrowed, source: "default-language" } : { text: builtIn, source: "portico" };
}

export function isEmailKey(key: string): boolean {
  return key.startsWith("emails.");
}
