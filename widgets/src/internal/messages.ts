/**
 * The widgets' own copy in the same languages as the hosted pages, one module per locale in
 * messages/, each loaded on demand (English too) so the initial module stays within its size
 * budget. Kept here rather than imported from app/i18n for the same reason; the tag matching
 * mirrors app/i18n/locales.ts `localeForTag` (decision 0027).
 */
import type { MessageKey } from "./messages/en";

export type { MessageKey };

const LOCALES = ["en", "de", "fr", "es", "pt-BR", "it", "nl", "pl", "tr", "ja", "ko", "zh-CN", "ar", "he"] as const;
export type WidgetLocale = (typeof LOCALES)[number];
const loaded: Partial<Record<WidgetLocale, Record<MessageKey, string>>> = {};
/** What the copy is filled with (copy-tools.ts), loaded with the first copy, off the initial module. */
let tools: typeof import("./copy-tools") | undefined;

/** Loads a locale's copy; resolves once `translate` can use it. */
export async function loadLocale(locale: WidgetLocale): Promise<void> {
  const [copy, copyTools] = await Promise.all([
    import(`./messages/${locale}.ts`) as Promise<{ messages: Record<MessageKey, string> }>,
    import("./copy-tools"),
  ]);
  loaded[locale] ??= copy.messages;
  tools = copyTools;
}

/** The shipped locale a language tag means ("pt-PT" → pt-BR); none for Traditional Chinese. */
function localeFor(tag: string | undefined): WidgetLocale | undefined {
  const lower = tag?.toLowerCase() ?? "";
  if (!lower || /^zh-(hant|tw|hk|mo)/.test(lower)) return undefined;
  const primary = lower.split("-")[0] === "iw" ? "he" : lower.split("-")[0];
  return (
    LOCALES.find((locale) => locale.toLowerCase() === lower) ??
    LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === primary)
  );
}

/** The element's `lang`, else the page's, else the browser's; English when none is offered. */
export function pickWidgetLocale(element: HTMLElement, offered?: readonly string[]): WidgetLocale {
  for (const candidate of [element.lang, document.documentElement.lang, ...navigator.languages]) {
    const locale = localeFor(candidate);
    if (locale && (!offered || offered.includes(locale))) return locale;
  }
  return "en";
}

/** Arabic and Hebrew are written right to left; the element's host takes this as its `dir`. */
export function widgetDirection(locale: WidgetLocale): "ltr" | "rtl" {
  return locale === "ar" || locale === "he" ? "rtl" : "ltr";
}

/** The key's text in a loaded locale, else English once loaded; empty before any copy arrives. */
export function translate(locale: WidgetLocale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (loaded[locale] ?? loaded.en)?.[key] ?? "";
  return tools ? tools.formatMessage(locale, template, params) : template;
}

/**
 * The hosted pages' sentence for a refusal they show too (app/i18n/auth-errors.ts), in
 * `locale`; undefined for other errors, or before any copy has loaded.
 */
export function sharedErrorText(
  locale: WidgetLocale,
  error: { code: string; status: number; retryAfter?: unknown },
): string | undefined {
  const shared = tools?.authErrorMessage(error.code, error.status, error.retryAfter);
  return shared && translate(locale, shared.key, shared.values);
}
