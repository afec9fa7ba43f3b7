import { describe, expect, it } from "vitest";
import { hostedLocale, languageCookie, languageSignals } from "./locale";
import { ThemeSchema } from "./theme";

const theme = ThemeSchema.parse({ locale: { default: "en", offered: ["en", "de", "ja", "ar"], followBrowser: true } });
const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("hostedLocale", () => {
  it("lets ?lang= beat the remembered choice and Accept-Language", () => {
    const signals = languageSignals(
      request("https://auth.test/t/acme/sign-in?lang=ja", { "accept-language": "de", cookie: "portico_lang=ar" }),
    );
    expect(hostedLocale(theme, signals)).toBe("ja");
  });
  it("uses the remembered choice over Accept-Language when no ?lang= is given", () => {
    const signals = languageSignals(
      request("https://auth.test/t/acme/sign-in", { "accept-language": "de", cookie: "a=b; portico_lang=ar" }),
    );
    expect(hostedLocale(theme, signals)).toBe("ar");
  });
  it("ignores a language the tenant does not offer, or one that does not exist, instead of failing", () => {
    for (const lang of ["fr", "xx", "", "<script>"]) {
      const signals = languageSignals(
        request(`https://auth.test/t/acme/sign-in?lang=${encodeURIComponent(lang)}`, { "accept-language": "de" }),
      );
      expect(hostedLocale(theme, signals)).toBe("de");
    }
  });
  it("puts a user's stored language after their choice on the page but before the browser's", () => {
    const signals = languageSignals(request("https://auth.test/t/acme/forgot-password", { "accept-language": "de" }));
    expect(hostedLocale(theme, { ...signals, stored: "ja" })).toBe("ja");
    expect(hostedLocale(theme, { ...signals, stored: "fr" })).toBe("de");
    expect(hostedLocale(theme, { ...signals, remembered: "ar", stored: "ja" })).toBe("ar");
    expect(hostedLocale(theme, { requested: null, remembered: null, acceptLanguage: null, stored: "ja" })).toBe("ja");
  });
  it("reads a cookie it cannot decode as no choice, never as an error", () => {
    const signals = languageSignals(
      request("https://auth.test/x", { cookie: "portico_lang=%E0%A4%A", "accept-language": "ja" }),
    );
    expect(hostedLocale(theme, signals)).toBe("ja");
  });
  it("keeps the tenant's default when it does not follow the browser, but still honours an explicit choice", () => {
    const fixed = ThemeSchema.parse({ locale: { default: "de", offered: ["en", "de"], followBrowser: false } });
    expect(hostedLocale(fixed, languageSignals(request("https://auth.test/x", { "accept-language": "en" })))).toBe(
      "de",
    );
    expect(hostedLocale(fixed, languageSignals(request("https://auth.test/x?lang=en")))).toBe("en");
  });
});

describe("languageCookie", () => {
  it("is scoped to the tenant's pages, lax, a year long, and secure on https", () => {
    expect(languageCookie("pt-BR", "/t/acme", true)).toBe(
      "portico_lang=pt-BR; Path=/t/acme; Max-Age=31536000; SameSite=Lax; Secure",
    );
    expect(languageCookie("ja", "", false)).toBe("portico_lang=ja; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
