import { describe, expect, it } from "vitest";
import { placeholderNames } from "./format";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

/** Every widget locale module, keyed by its file name ("fr", "pt-BR", …). */
const WIDGET_MESSAGES = Object.fromEntries(
  Object.entries(
    import.meta.glob<{ messages: Record<string, string> }>("../../widgets/src/internal/messages/*.ts", { eager: true }),
  ).map(([path, module]) => [path.split("/").pop()!.replace(/\.ts$/, ""), module.messages]),
);

/** The plural categories integers from 0 to 200 fall in; "zero" falls back to "other" acceptably. */
function neededCategories(locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  const categories = new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)));
  categories.delete("zero");
  return [...categories].sort();
}

/** Each `{name, plural, …}` block of a template: its name and the branch selectors it offers. */
function pluralBlocks(template: string): { name: string; branches: string[] }[] {
  return [...template.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((match) => {
    let depth = 1;
    let index = (match.index ?? 0) + match[0].length;
    const branches: string[] = [];
    let selector = "";
    for (; index < template.length && depth > 0; index++) {
      const char = template[index];
      if (char === "{") {
        if (depth === 1) branches.push(selector.trim());
        depth++;
      } else if (char === "}") {
        depth--;
        selector = "";
      } else if (depth === 1) selector += char;
    }
    return { name: match[1] ?? "", branches };
  });
}

/** The translations of one catalogue that break against English: missing, empty, extra or with other placeholders. */
function problems(locale: string, english: Record<string, string>, translated: Record<string, string> | undefined) {
  const found: string[] = [];
  if (!translated) return [`${locale}: no messages at all`];
  for (const [key, source] of Object.entries(english)) {
    const text = translated[key];
    if (typeof text !== "string" || !text.trim()) {
      found.push(`${locale} ${key}: missing or empty`);
      continue;
    }
    if (placeholderNames(text).join() !== placeholderNames(source).join())
      found.push(`${locale} ${key}: placeholders ${placeholderNames(text)} instead of ${placeholderNames(source)}`);
    for (const block of pluralBlocks(text)) {
      const needed = neededCategories(locale).filter((category) => !block.branches.includes(category));
      if (!block.branches.includes("other") || needed.length > 0)
        found.push(`${locale} ${key}: plural {${block.name}} lacks ${needed.join(", ") || "other"}`);
    }
  }
  for (const key of Object.keys(translated))
    if (!Object.hasOwn(english, key)) found.push(`${locale} ${key}: not in English`);
  return found;
}

describe("translations", () => {
  it("every locale of the hosted pages and emails has every English key, non-empty, with the same placeholders", () => {
    expect(LOCALES.flatMap((locale) => problems(locale, MESSAGES.en, MESSAGES[locale]))).toEqual([]);
  });

  it("the widgets ship exactly the same locales, each complete against their English", () => {
    expect(Object.keys(WIDGET_MESSAGES).sort()).toEqual([...LOCALES].sort());
    const english = WIDGET_MESSAGES.en ?? {};
    expect(LOCALES.flatMap((locale) => problems(locale, english, WIDGET_MESSAGES[locale]))).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const english = { greet: "Hi {name}", wait: "{minutes, plural, one {# minute} other {# minutes}}" };
    expect(
      problems("pl", english, {
        greet: "Cześć {imie}",
        wait: "{minutes, plural, one {# minuta} other {# minuty}}",
        x: "y",
      }),
    ).toEqual([
      "pl greet: placeholders imie instead of name",
      "pl wait: plural {minutes} lacks few, many",
      "pl x: not in English",
    ]);
    expect(problems("de", english, { greet: " ", wait: "{minutes} Minuten" })).toEqual(["de greet: missing or empty"]);
  });
});
