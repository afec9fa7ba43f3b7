import { describe, expect, it } from "vitest";
import { formatMessage } from "./format";
import { localeDirection, localeForTag, pickLocale } from "./locales";
import { createTranslator } from "./translate";

describe("pickLocale", () => {
  it("takes the highest-quality offered language, matching on the primary subtag", () => {
    expect(pickLocale("fr-FR,de-CH;q=0.9,en;q=0.8", ["en", "de"], "en")).toBe("de");
    expect(pickLocale("en;q=0.5,de;q=0.7", ["en", "de"], "en")).toBe("de");
    expect(pickLocale("fr-CA,en;q=0.5", ["en", "fr"], "en")).toBe("fr");
  });
  it("falls back when nothing offered matches or the header is missing", () => {
    expect(pickLocale("fr,es;q=0.5", ["en", "de"], "en")).toBe("en");
    expect(pickLocale(null, ["en", "de"], "de")).toBe("de");
    expect(pickLocale("de", ["en"], "en")).toBe("en");
  });
  it("answers any Portuguese with Brazilian Portuguese and Simplified Chinese only to Simplified Chinese", () => {
    const offered = ["en", "pt-BR", "zh-CN", "ja"] as const;
    expect(pickLocale("pt-PT,pt;q=0.9", offered, "en")).toBe("pt-BR");
    expect(pickLocale("pt", offered, "en")).toBe("pt-BR");
    expect(pickLocale("zh", offered, "en")).toBe("zh-CN");
    expect(pickLocale("zh-Hans-SG", offered, "en")).toBe("zh-CN");
    // Traditional Chinese readers get their next choice, not Simplified characters.
    expect(pickLocale("zh-TW,ja;q=0.5", offered, "en")).toBe("ja");
    expect(pickLocale("zh-Hant,zh-HK;q=0.9", offered, "en")).toBe("en");
  });
});

describe("localeForTag", () => {
  it("maps exact tags case-insensitively, regional variants to their language, and the old Hebrew code", () => {
    expect(localeForTag("PT-br")).toBe("pt-BR");
    expect(localeForTag("ar-EG")).toBe("ar");
    expect(localeForTag("iw")).toBe("he");
    expect(localeForTag("zh_CN")).toBe("zh-CN");
    expect(localeForTag("zh-MO")).toBeUndefined();
    expect(localeForTag("xx")).toBeUndefined();
    expect(localeForTag("")).toBeUndefined();
  });
  it("knows which languages are written right to left", () => {
    expect([localeDirection("ar"), localeDirection("he"), localeDirection("ja"), localeDirection("en")]).toEqual([
      "rtl",
      "rtl",
      "ltr",
      "ltr",
    ]);
  });
});

describe("plurals", () => {
  it("picks Polish one, few and many forms by Intl.PluralRules", () => {
    const t = createTranslator("pl");
    const expiry = (minutes: number) => t("emails.magicLink.expiry", { minutes });
    expect(expiry(1)).toContain("za 1 minutę");
    expect(expiry(3)).toContain("za 3 minuty");
    expect(expiry(5)).toContain("za 5 minut");
    expect(expiry(22)).toContain("za 22 minuty");
    expect(expiry(25)).toContain("za 25 minut");
  });
  it("picks Arabic one, two, few and many forms", () => {
    const t = createTranslator("ar");
    const expiry = (hours: number) => t("emails.verifyEmail.expiry", { hours });
    expect(expiry(1)).toContain("ساعة واحدة");
    expect(expiry(2)).toContain("ساعتين");
    expect(expiry(3)).toContain("3 ساعات");
    expect(expiry(11)).toContain("11 ساعة");
  });
  it("uses English singular and plural, and formats the number for the locale", () => {
    expect(createTranslator("en")("twoFactor.challenge.trustDevice", { days: 1 })).toBe("Trust this device for 1 day");
    expect(createTranslator("en")("twoFactor.challenge.trustDevice", { days: 30 })).toBe(
      "Trust this device for 30 days",
    );
    expect(formatMessage("de", "{n, plural, one {# Tag} other {# Tage}}", { n: 1500 })).toBe("1.500 Tage");
    expect(formatMessage("en", "{n, plural, =0 {none} one {# item} other {# items}}", { n: 0 })).toBe("none");
  });
  it("leaves an unknown placeholder as written and fills nested ones inside a branch", () => {
    expect(formatMessage("en", "Hi {name}, {n, plural, one {# note for {name}} other {# notes}}", { n: 1 })).toBe(
      "Hi {name}, 1 note for {name}",
    );
    expect(formatMessage("fr", "{n, plural, one {# note pour {name}} other {# notes}}", { n: 1, name: "Zoé" })).toBe(
      "1 note pour Zoé",
    );
  });
});

describe("dates", () => {
  it("writes {until, datetime} as the locale writes a date and time, in UTC", () => {
    const until = "2026-03-12T14:05:00.000Z";
    expect(createTranslator("en")("errors.accountSuspendedUntil", { until })).toBe(
      "Your account is suspended until Mar 12, 2026, 2:05 PM UTC.",
    );
    expect(createTranslator("de")("errors.accountSuspendedUntil", { until })).toContain("12.03.2026, 14:05 UTC");
    expect(createTranslator("ja")("errors.accountSuspendedUntil", { until })).toContain("2026/03/12 14:05 UTC");
    expect(formatMessage("en", "{when, datetime}", { when: "not a date" })).toBe("not a date");
  });
});

describe("createTranslator", () => {
  it("uses the tenant's override, then the locale, and fills placeholders", () => {
    expect(createTranslator("de")("common.continue")).toBe("Weiter");
    expect(createTranslator("de", { de: { "common.continue": "Los geht's" } })("common.continue")).toBe("Los geht's");
    expect(createTranslator("en")("common.poweredBy", { name: "Portico" })).toBe("Powered by Portico");
    expect(createTranslator("ja")("signIn.title")).toBe("ログイン");
  });
});
