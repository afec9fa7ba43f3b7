import { describe, expect, it } from "vitest";
import { pickLocale } from "./locales";
import { createTranslator } from "./translate";

describe("pickLocale", () => {
  it("takes the highest-quality offered language, matching on the primary subtag", () => {
    expect(pickLocale("fr-FR,de-CH;q=0.9,en;q=0.8", ["en", "de"], "en")).toBe("de");
    expect(pickLocale("en;q=0.5,de;q=0.7", ["en", "de"], "en")).toBe("de");
  });
  it("falls back when nothing offered matches or the header is missing", () => {
    expect(pickLocale("fr,es;q=0.5", ["en", "de"], "en")).toBe("en");
    expect(pickLocale(null, ["en", "de"], "de")).toBe("de");
    expect(pickLocale("de", ["en"], "en")).toBe("en");
  });
});

describe("createTranslator", () => {
  it("uses the tenant's override, then the locale, and fills placeholders", () => {
    expect(createTranslator("de")("common.continue")).toBe("Weiter");
    expect(createTranslator("de", { de: { "common.continue": "Los geht's" } })("common.continue")).toBe("Los geht's");
    expect(createTranslator("en")("common.poweredBy", { name: "Portico" })).toBe("Powered by Portico");
  });
});
