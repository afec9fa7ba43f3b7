/**
 * The widgets' own copy, English and German like the hosted pages (English built in from
 * messages.en.ts, German in messages.de.ts, loaded on demand). Kept here rather than imported from app/i18n so the
 * module stays within its size budget.
 */
import { en, type MessageKey } from "./messages.en";

export type { MessageKey };

const LOCALES = ["en", "de"] as const;
export type WidgetLocale = (typeof LOCALES)[number];
const loaded: Partial<Record<WidgetLocale, Record<MessageKey, string>>> = { en };

/** Loads a locale's copy (English is built in); resolves once `translate` can use it. */
export async function loadLocale(locale: WidgetLocale): Promise<void> {
  if (locale === "de" && !loaded.de) loaded.de = (await import("./messages.de")).de;
}

/** The element's `lang`, else the page's, else the browser's; English when none is offered. */
export function pickWidgetLocale(element: HTMLElement, offered?: readonly string[]): WidgetLocale {
  const candidates = [element.lang, document.documentElement.lang, ...navigator.languages];
  for (const candidate of candidates) {
    const language = candidate?.toLowerCase().split("-")[0];
    if (language && (LOCALES as readonly string[]).includes(language) && (!offered || offered.includes(language)))
      return language as WidgetLocale;
  }
  return "en";
}

export function translate(locale: WidgetLocale, key: MessageKey, params: Record<string, string> = {}): string {
  return (loaded[locale] ?? en)[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}
