import { clipWords } from "./clip-words";
import type { DocsSearchEntry } from "./compile";

export type DocsSearchResult = { href: string; title: string; snippet: string };

/** About 160 characters of whole words around the first match. */
function snippetAround(text: string, term: string): string {
  const at = text.toLowerCase().indexOf(term);
  if (at < 0) return clipWords(text, 140);
  // Back to the start of a word about 60 characters before the match.
  const space = text.lastIndexOf(" ", Math.max(0, at - 60));
  const start = at <= 60 ? 0 : space + 1;
  return `${start > 0 ? "…" : ""}${clipWords(text.slice(start), at - start + 100)}`;
}

/**
 * Pages matching every word of the query, best first: a word in the title counts most, then in
 * a heading, then in the text. Used by the browser (instant results) and the server (/docs?q=).
 */
export function searchDocs(index: DocsSearchEntry[], query: string, limit = 8): DocsSearchResult[] {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length > 1)
    .slice(0, 8);
  if (terms.length === 0) return [];
  return index
    .map((entry) => {
      const title = entry.title.toLowerCase();
      const headings = entry.headings.join(" ").toLowerCase();
      const text = entry.text.toLowerCase();
      let score = 0;
      for (const term of terms) {
        const found =
          (title.includes(term) ? 10 : 0) + (headings.includes(term) ? 4 : 0) + (text.includes(term) ? 1 : 0);
        if (found === 0) return null;
        score += found;
      }
      return { entry, score };
    })
    .filter((match) => match !== null)
    .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title))
    .slice(0, limit)
    .map(({ entry }) => ({ href: entry.href, title: entry.title, snippet: snippetAround(entry.text, terms[0]!) }));
}
