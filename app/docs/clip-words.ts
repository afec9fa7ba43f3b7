/** At most `max` characters, cut after a whole word (with "…" when cut): summaries and search snippets. */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return `${text.slice(0, cut > max / 2 ? cut : max).trimEnd()}…`;
}
