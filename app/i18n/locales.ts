/**
 * The languages Portico's own copy ships in. A tenant picks its default and which are offered.
 * Tags are BCP 47 with a region or script only where the written language differs by it
 * (decision 0027): Brazilian Portuguese and Simplified Chinese.
 */
export const LOCALES = [
  "en",
  "de",
  "fr",
  "es",
  "pt-BR",
  "it",
  "nl",
  "pl",
  "tr",
  "ja",
  "ko",
  "zh-CN",
  "ar",
  "he",
] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own name, as a switcher lists it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  it: "Italiano",
  nl: "Nederlands",
  pl: "Polski",
  tr: "Türkçe",
  ja: "日本語",
  ko: "한국어",
  "zh-CN": "简体中文",
  ar: "العربية",
  he: "עברית",
};

const RIGHT_TO_LEFT: readonly Locale[] = ["ar", "he"];

/** The writing direction of a locale, for `dir` on the page, the widget host or the email root. */
export function localeDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.includes(locale) ? "rtl" : "ltr";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Chinese written in Traditional characters: never answered with Simplified (decision 0027). */
const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)(-|$)/;

/**
 * The shipped locale a language tag means, if any: the exact tag, else its primary language
 * ("pt-PT" → pt-BR, "zh-Hans-SG" → zh-CN, "iw" → he), except Traditional Chinese, which has none.
 */
export function localeForTag(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (!lower) return undefined;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  if (TRADITIONAL_CHINESE.test(lower)) return undefined;
  const primary = lower.split("-")[0] === "iw" ? "he" : lower.split("-")[0];
  return LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === primary);
}

/**
 * The best of `offered` for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"), by
 * quality then order, each tag mapped by `localeForTag`; `fallback` when none matches.
 */
export function pickLocale(acceptLanguage: string | null, offered: readonly Locale[], fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { locale: localeForTag(tag), quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ quality }) => Number.isFinite(quality) && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map(({ locale }) => locale).find((l): l is Locale => !!l && offered.includes(l)) ?? fallback;
}
