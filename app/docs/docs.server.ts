import docs from "virtual:portico-docs/pages";
import type { DocPage, DocsSearchEntry, DocsSidebar } from "./compile";

/** The compiled docs (vite-plugin.ts): the sidebar, and pages by slug. */
const bySlug = new Map(docs.pages.map((page) => [page.slug, page]));

export function docsSidebar(): DocsSidebar {
  return docs.sidebar;
}

/** The address the docs are written for (`npm start` on a laptop). */
const WRITTEN_FOR = "http://localhost:3000";

/**
 * A docs page as this deployment serves it: links and examples written for
 * http://localhost:3000 point at the deployment's own address instead.
 */
export function getDocPage(slug: string, deploymentOrigin: string): DocPage | null {
  const page = bySlug.get(slug);
  if (!page || deploymentOrigin === WRITTEN_FOR) return page ?? null;
  return { ...page, html: page.html.replaceAll(WRITTEN_FOR, deploymentOrigin) };
}

/** The pages before and after `slug` in sidebar order, for the links under a page. */
export function neighbours(slug: string) {
  const links = docs.sidebar.flatMap((section) => section.links);
  const index = links.findIndex((link) => link.slug === slug);
  return {
    previous: index > 0 ? links[index - 1]! : null,
    next: index >= 0 && index < links.length - 1 ? links[index + 1]! : null,
  };
}

/** Every docs URL, for the sitemap. */
export function docsPaths(): string[] {
  return ["/docs", ...docs.sidebar.flatMap((section) => section.links.map((link) => link.href))];
}

/** The search index, for /docs?q= without JavaScript. */
export function docsSearch(): DocsSearchEntry[] {
  return docs.search;
}
