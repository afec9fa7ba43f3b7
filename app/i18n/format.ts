/**
 * Fills a message template: `{name}` takes a value, `{when, datetime}` an ISO timestamp written
 * as a date and time, and `{count, plural, one {# day} other {# days}}`
 * (a subset of ICU MessageFormat) picks the branch `Intl.PluralRules` names for the locale —
 * `zero`, `one`, `two`, `few`, `many`, `other` or an exact `=N` — with `#` as the number
 * formatted by `Intl.NumberFormat`. A missing value leaves its placeholder as written.
 */
export function formatMessage(locale: string, template: string, values: Record<string, string | number> = {}): string {
  const { groups, rest } = braceGroups(template);
  const filled = groups.map(({ before, inner }) => before + (fillPlaceholder(locale, inner, values) ?? `{${inner}}`));
  return filled.join("") + rest;
}

function fillPlaceholder(locale: string, body: string, values: Record<string, string | number>): string | undefined {
  const [name = "", kind, ...rest] = body.split(",");
  const key = name.trim();
  if (!Object.hasOwn(values, key)) return undefined;
  const value = values[key];
  if (kind?.trim() === "datetime") return formatDateTime(locale, value);
  if (kind?.trim() !== "plural") return String(value);
  const count = Number(value);
  // ` one {# day} other {# days}`: each group's selector is the text before it.
  const branches = new Map(braceGroups(rest.join(",")).groups.map(({ before, inner }) => [before.trim(), inner]));
  const branch =
    branches.get(`=${count}`) ?? branches.get(new Intl.PluralRules(locale).select(count)) ?? branches.get("other");
  if (branch === undefined) return String(value);
  return formatMessage(locale, branch.replace(/#/g, new Intl.NumberFormat(locale).format(count)), values);
}

/**
 * `{when, datetime}`: an ISO timestamp (or epoch milliseconds) as the locale writes a date and
 * time, in UTC and saying so, because a server-rendered page cannot know the reader's time zone.
 */
function formatDateTime(locale: string, value: string | number | undefined): string {
  const date = new Date(value ?? Number.NaN);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
    date,
  );
  return `${text} UTC`;
}

/** The top-level `{…}` groups of a text, each with the text before it, and the text after the last. */
function braceGroups(text: string): { groups: { before: string; inner: string }[]; rest: string } {
  const groups: { before: string; inner: string }[] = [];
  let index = 0;
  for (let open = text.indexOf("{"); open !== -1; open = text.indexOf("{", index)) {
    const close = matchingBrace(text, open);
    if (close === -1) break;
    groups.push({ before: text.slice(index, open), inner: text.slice(open + 1, close) });
    index = close + 1;
  }
  return { groups, rest: text.slice(index) };
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "{") depth++;
    else if (text[index] === "}" && --depth === 0) return index;
  }
  return -1;
}

/** The placeholders a template uses (`{name}`, `{count, plural, …}`, `{when, datetime}`), for comparing translations. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  // A date must stay a date in every language; a count may drop its plural forms (Japanese has none).
  for (const match of template.matchAll(/\{\s*(\w+)\s*(?:,\s*plural\s*,|,\s*(datetime)\s*\}|\})/g))
    names.add(match[2] ? `${match[1]}, datetime` : (match[1] ?? ""));
  return [...names].sort();
}
