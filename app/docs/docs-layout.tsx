import { Link, NavLink } from "@remix-run/react";
import { useEffect, useId, useState, type ReactNode, type RefObject } from "react";
import { SiteFooter, SiteHeader } from "~/marketing/site-chrome";
import type { DocsSearchEntry, DocsSidebar } from "./compile";
import { searchDocs, type DocsSearchResult } from "./search";

function SidebarLinks({ sidebar }: { sidebar: DocsSidebar }) {
  return (
    <div className="flex flex-col gap-6">
      {sidebar.map((section) => (
        <div key={section.title}>
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">{section.title}</p>
          <ul className="mt-2 flex flex-col gap-0.5 text-sm">
            {section.links.map((link) => (
              <li key={link.href}>
                <NavLink
                  to={link.href}
                  end
                  className={({ isActive }) =>
                    `block rounded-theme px-2 py-1 ${isActive ? "bg-primary font-semibold text-primary-foreground" : "hover:bg-card"}`
                  }
                >
                  {link.title}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

let searchIndex: Promise<DocsSearchEntry[]> | undefined;

/** The search index is a separate chunk, fetched the first time someone types. */
function loadSearchIndex(): Promise<DocsSearchEntry[]> {
  searchIndex ??= import("virtual:portico-docs/search").then((module) => module.default);
  return searchIndex;
}

/**
 * Docs search: a GET form to /docs?q=… (works without JavaScript), with results as you type
 * once the page is interactive.
 */
function DocsSearch() {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<DocsSearchResult[] | null>(null);
  useEffect(() => {
    if (query.trim().length < 2) {
      setResults(null);
      return;
    }
    let current = true;
    loadSearchIndex().then((index) => {
      if (current) setResults(searchDocs(index, query));
    });
    return () => {
      current = false;
    };
  }, [query]);
  return (
    <div className="relative">
      <form action="/docs" method="get" role="search" aria-label="Docs">
        <label htmlFor={id} className="sr-only">
          Search the docs
        </label>
        <input
          id={id}
          type="search"
          name="q"
          placeholder="Search the docs"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-controls={`${id}-results`}
          className="w-full rounded-theme border border-border bg-card px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary"
        />
      </form>
      <div id={`${id}-results`} aria-live="polite">
        {results ? (
          results.length ? (
            <ul
              aria-label="Search results"
              className="absolute z-10 mt-1 w-full overflow-hidden rounded-theme border border-border bg-card shadow-lg"
            >
              {results.map((result) => (
                <li key={result.href} className="border-b border-border last:border-0">
                  <Link
                    to={result.href}
                    onClick={() => setQuery("")}
                    className="block px-3 py-2 hover:bg-background focus-visible:bg-background"
                  >
                    <span className="block text-sm font-semibold">{result.title}</span>
                    <span className="block truncate text-xs text-muted">{result.snippet}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="absolute z-10 mt-1 w-full rounded-theme border border-border bg-card px-3 py-2 text-sm text-muted shadow-lg">
              No page matches “{query}”.
            </p>
          )
        ) : null}
      </div>
    </div>
  );
}

/** Shows each code block's copy button (hidden without JavaScript) and copies on click. */
export function useCopyButtons(container: RefObject<HTMLElement | null>, key: string) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const button of root.querySelectorAll<HTMLButtonElement>(".docs-copy")) {
      button.hidden = false;
      button.setAttribute("aria-label", "Copy code to the clipboard");
    }
    const onClick = async (event: MouseEvent) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>(".docs-copy");
      const code = button?.parentElement?.querySelector("code")?.textContent;
      if (!button || code === undefined || code === null) return;
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Press Ctrl+C";
        const range = document.createRange();
        range.selectNodeContents(button.parentElement!.querySelector("code")!);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [container, key]);
}

/**
 * The docs' frame: site header, sidebar with search (a disclosure on a phone), the page, and
 * the site footer. The API reference (routes/docs.api.tsx) can use it too.
 */
export function DocsLayout({ sidebar, children }: { sidebar: DocsSidebar; children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <div className="mx-auto flex max-w-7xl flex-col gap-8 px-4 py-8 lg:flex-row">
        <aside className="lg:w-60 lg:shrink-0" aria-label="Docs">
          <div className="flex flex-col gap-6 lg:sticky lg:top-6">
            <DocsSearch />
            <nav aria-label="Docs pages" className="hidden lg:block">
              <SidebarLinks sidebar={sidebar} />
            </nav>
            <details className="rounded-theme border border-border bg-card lg:hidden">
              <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">All docs pages</summary>
              <nav aria-label="Docs pages (menu)" className="px-3 pb-3">
                <SidebarLinks sidebar={sidebar} />
              </nav>
            </details>
          </div>
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
      <SiteFooter />
    </>
  );
}
