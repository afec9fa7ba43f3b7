import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Marked, type Tokens } from "marked";
import { clipWords } from "./clip-words";
import { DOCS_NAV, type DocsNavSection } from "./nav";

/**
 * Turns the Markdown files under docs/ into pages at build time (see vite-plugin.ts): HTML with
 * anchored headings and copyable code blocks, links between docs rewritten to /docs/<slug>, the
 * sidebar (nav.ts order, then any other file), and the search index. Runs in Node only.
 */
export type DocHeading = { id: string; text: string; depth: number };

export type DocPage = {
  slug: string;
  title: string;
  /** The first paragraph as plain text, for the meta description and the docs index. */
  description: string;
  html: string;
  headings: DocHeading[];
};

export type DocsSidebar = { title: string; links: { slug: string; title: string; href: string }[] }[];

export type DocsSearchEntry = { slug: string; href: string; title: string; headings: string[]; text: string };

export type CompiledDocs = { pages: DocPage[]; sidebar: DocsSidebar; search: DocsSearchEntry[] };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Heading text → a URL fragment: "Custom domains (DNS)" → "custom-domains-dns". */
export function slugifyHeading(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/<[^>]+>/g, "")
      .replace(/&[a-z]+;|&#\d+;/g, "")
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .trim()
      .replace(/\s+/g, "-") || "section"
  );
}

/**
 * Markdown as the words a reader sees. Emphasis underscores go, but not those inside a word
 * (`PORTICO_WEBHOOKS_ALLOW_PRIVATE`, `user.created_at` stay whole).
 */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*#>|]/g, " ")
    .replace(/(^|[^\p{L}\p{N}_])_+|_+(?=[^\p{L}\p{N}_]|$)/gu, (_, before: string | undefined) => before ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Where a Markdown link goes on the docs site: another doc becomes /docs/<slug>; a file outside
 * docs/ (source code, the README) has no page, so the link is dropped and its text kept.
 */
export function rewriteDocLink(href: string, fromSlug: string, knownSlugs: Set<string>): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("/")) return href;
  const [target = "", fragment] = href.split("#");
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromSlug), target));
  const slug = resolved.replace(/\.md$/, "").replace(/\/$/, "");
  if (!target.endsWith(".md") && !target.endsWith("/")) return null;
  if (!knownSlugs.has(slug)) return null;
  return `/docs/${slug}${fragment ? `#${fragment}` : ""}`;
}

function renderPage(slug: string, markdown: string, knownSlugs: Set<string>): DocPage {
  const headings: DocHeading[] = [];
  const used = new Map<string, number>();
  let title = "";
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(token) {
        const inner = this.parser.parseInline(token.tokens);
        const text = token.text.replace(/`/g, "");
        if (token.depth === 1 && !title) {
          title = text;
          return `<h1>${inner}</h1>\n`;
        }
        const base = slugifyHeading(text);
        const count = used.get(base) ?? 0;
        used.set(base, count + 1);
        const id = count ? `${base}-${count}` : base;
        headings.push({ id, text, depth: token.depth });
        return `<h${token.depth} id="${id}"><a class="docs-anchor" href="#${id}" aria-label="Link to this section: ${escapeHtml(text)}">#</a>${inner}</h${token.depth}>\n`;
      },
      code(token) {
        const language = (token.lang ?? "").split(/\s/)[0] ?? "";
        const label = language ? ` data-language="${escapeHtml(language)}"` : "";
        return `<div class="docs-code"${label}><button type="button" class="docs-copy" hidden>Copy</button><pre tabindex="0"><code>${escapeHtml(token.text)}</code></pre></div>\n`;
      },
      link(token) {
        const inner = this.parser.parseInline(token.tokens);
        const href = rewriteDocLink(token.href, slug, knownSlugs);
        if (href === null) return inner;
        const external = /^https?:/i.test(href);
        return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener"' : ""}>${inner}</a>`;
      },
      // Docs are the project's own files, but raw HTML in them is still shown, never run.
      html(token) {
        return escapeHtml(token.text);
      },
    },
  });
  // Wide tables scroll inside their own box on a phone instead of widening the page; the box is
  // focusable so a keyboard scrolls it too.
  const html = marked
    .parse(markdown, { async: false })
    .replace(/<table>/g, '<div class="docs-table" tabindex="0"><table>')
    .replace(/<\/table>/g, "</table></div>");
  const firstParagraph = marked.lexer(markdown).find((token) => token.type === "paragraph") as
    Tokens.Paragraph | undefined;
  return {
    slug,
    title: title || slug,
    description: firstParagraph ? clipWords(plainText(firstParagraph.text), 300) : "",
    html,
    headings,
  };
}

/** Every .md file under `dir`, as slugs relative to it ("quickstart", "decisions/0001-…"). */
function markdownSlugs(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) return markdownSlugs(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      return entry.name.endsWith(".md") && entry.name !== "README.md" ? [`${prefix}${entry.name.slice(0, -3)}`] : [];
    })
    .sort();
}

/**
 * The sidebar: nav.ts's sections with the pages that exist, in its order; pages it does not
 * list appear under "More" (decisions under "Decisions"), so a new doc shows up by itself.
 */
function buildSidebar(pages: Map<string, DocPage>, nav: DocsNavSection[], extraLinks: Set<string>): DocsSidebar {
  const listed = new Set(nav.flatMap((section) => section.items.map((item) => item.slug)));
  const sidebar: DocsSidebar = nav
    .map((section) => ({
      title: section.title,
      links: section.items.flatMap((item) => {
        const page = pages.get(item.slug);
        if (page) return [{ slug: item.slug, title: item.title ?? page.title, href: `/docs/${item.slug}` }];
        return extraLinks.has(item.slug)
          ? [{ slug: item.slug, title: item.title ?? item.slug, href: `/docs/${item.slug}` }]
          : [];
      }),
    }))
    .filter((section) => section.links.length > 0);
  const unlisted = [...pages.values()].filter((page) => !listed.has(page.slug));
  const more = unlisted.filter((page) => !page.slug.startsWith("decisions/"));
  const decisions = unlisted.filter((page) => page.slug.startsWith("decisions/"));
  for (const [title, group] of [
    ["More", more],
    ["Decisions", decisions],
  ] as const) {
    if (group.length)
      sidebar.push({
        title,
        links: group.map((page) => ({ slug: page.slug, title: page.title, href: `/docs/${page.slug}` })),
      });
  }
  return sidebar;
}

/**
 * Compiles docs/ (`docsDir`). `extraLinks` are slugs served by their own routes (the API
 * reference at /docs/api) that the sidebar lists even without a Markdown file.
 */
export function compileDocs(docsDir: string, extraLinks: Set<string> = new Set()): CompiledDocs {
  const slugs = markdownSlugs(docsDir);
  const known = new Set([...slugs, ...extraLinks]);
  const pages = new Map(
    slugs.map((slug) => [slug, renderPage(slug, readFileSync(path.join(docsDir, `${slug}.md`), "utf8"), known)]),
  );
  const sidebar = buildSidebar(pages, DOCS_NAV, extraLinks);
  const search = [...pages.values()].map((page) => ({
    slug: page.slug,
    href: `/docs/${page.slug}`,
    title: page.title,
    headings: page.headings.map((heading) => heading.text),
    text: plainText(readFileSync(path.join(docsDir, `${page.slug}.md`), "utf8")).slice(0, 4000),
  }));
  return { pages: [...pages.values()], sidebar, search };
}
