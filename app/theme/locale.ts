import { pickLocale, type Locale } from "~/i18n/locales";
import type { Theme } from "./theme";

/**
 * The language of a hosted page: the browser's Accept-Language among the languages the
 * tenant offers when it follows the browser, otherwise (or when none matches) its default.
 */
export function hostedLocale(theme: Theme, acceptLanguage: string | null): Locale {
  const { default: fallback, offered, followBrowser } = theme.locale;
  return followBrowser ? pickLocale(acceptLanguage, offered, fallback) : fallback;
}
