import { localeForTag, pickLocale, type Locale } from "~/i18n/locales";
import type { Theme } from "./theme";

/** Remembers the language a visitor chose with `?lang=` (or the switcher) on a tenant's pages. */
export const LANGUAGE_COOKIE = "portico_lang";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * What a request says about its language: `?lang=`, the remembered choice, the browser's list;
 * for an email to a known user, also the language they signed up in (`stored`).
 */
export type LanguageSignals = {
  requested: string | null;
  remembered: string | null;
  acceptLanguage: string | null;
  stored?: string | null;
};

/**
 * The language of a hosted page (or of an email answering a request): `?lang=` when the tenant
 * offers it, else the language the visitor chose before (cookie), else the recipient's stored
 * language, else the browser's Accept-Language among the offered ones when the tenant follows
 * the browser, else its default. A language the tenant does not offer, or a tag that names
 * none, is ignored rather than refused.
 */
export function hostedLocale(theme: Theme, signals: LanguageSignals): Locale {
  const { default: fallback, offered, followBrowser } = theme.locale;
  const chosen =
    offeredLocale(theme, signals.requested) ??
    offeredLocale(theme, signals.remembered) ??
    offeredLocale(theme, signals.stored ?? null);
  if (chosen) return chosen;
  return followBrowser ? pickLocale(signals.acceptLanguage, offered, fallback) : fallback;
}

/** The offered locale a `?lang=` value or cookie names, if any. */
export function offeredLocale(theme: Theme, tag: string | null): Locale | undefined {
  const locale = tag ? localeForTag(tag) : undefined;
  return locale && theme.locale.offered.includes(locale) ? locale : undefined;
}

/** The request's language signals: `?lang=` and the `portico_lang` cookie, beside Accept-Language. */
export function languageSignals(request: Request): LanguageSignals {
  return { ...headerSignals(request.headers), requested: new URL(request.url).searchParams.get("lang") };
}

/**
 * The signals in a request's headers alone (the cookie and Accept-Language), for auth calls
 * that carry the hosted page's headers but not its URL.
 */
export function headerSignals(headers: Headers): LanguageSignals {
  const remembered = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1];
  return {
    requested: null,
    // Tags are plain ASCII; an undecodable value is simply not a tag (no decodeURIComponent to throw).
    remembered: remembered ?? null,
    acceptLanguage: headers.get("accept-language"),
  };
}

/**
 * The cookie remembering a chosen language for a year, scoped to the tenant's pages (`basePath`,
 * "/" on its custom domain). Not HttpOnly: it holds nothing secret, only a language tag.
 */
export function languageCookie(locale: Locale, basePath: string, secure: boolean): string {
  const attributes = [`Path=${basePath || "/"}`, `Max-Age=${ONE_YEAR_SECONDS}`, "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return [`${LANGUAGE_COOKIE}=${locale}`, ...attributes].join("; ");
}
