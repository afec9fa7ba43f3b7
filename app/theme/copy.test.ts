import { describe, expect, it } from "vitest";
import { copyFallback, copyForLocale } from "./copy";
import { ThemeSchema } from "./theme";

const theme = ThemeSchema.parse({
  locale: { default: "en", offered: ["en", "fr", "de"] },
  copy: {
    en: { "signIn.title": "Welcome to Acme", "emails.welcome.subject": "Hello from Acme" },
    fr: { "signIn.submit": "C'est parti" },
  },
});

describe("a tenant's texts per language", () => {
  it("uses the language's own text, else the default language's page text, never its email text", () => {
    expect(copyForLocale(theme, "fr")).toEqual({
      fr: { "signIn.title": "Welcome to Acme", "signIn.submit": "C'est parti" },
    });
    expect(copyForLocale(theme, "en")).toEqual({ en: theme.copy.en });
    expect(copyForLocale(theme, "de")).toEqual({ de: { "signIn.title": "Welcome to Acme" } });
  });

  it("tells the editor what an empty field falls back to", () => {
    expect(copyFallback(theme, "de", "signIn.title", "Anmelden")).toEqual({
      text: "Welcome to Acme",
      source: "default-language",
    });
    expect(copyFallback(theme, "de", "signIn.submit", "Anmelden")).toEqual({ text: "Anmelden", source: "portico" });
    expect(copyFallback(theme, "en", "signIn.title", "Sign in")).toEqual({ text: "Sign in", source: "portico" });
    expect(copyFallback(theme, "de", "emails.welcome.subject", "Willkommen")).toEqual({
      text: "Willkommen",
      source: "portico",
    });
  });
});
