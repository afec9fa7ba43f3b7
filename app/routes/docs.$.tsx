import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocsLayout, useCopyButtons } from "~/docs/docs-layout";
import { getPortico } from "~/context.server";
import { docsSidebar, getDocPage, neighbours } from "~/docs/docs.server";
import docsStyles from "~/docs/docs.css?url";
import { siteMeta } from "~/marketing/site";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: docsStyles }];

export function loader({ params }: LoaderFunctionArgs) {
  const slug = (params["*"] ?? "").replace(/\/+$/, "");
  const page = getDocPage(slug, getPortico().env.publicUrl.origin);
  if (!page) throw new Response("There is no docs page at this address.", { status: 404 });
  return { page, sidebar: docsSidebar(), ...neighbours(slug) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? siteMeta(matches, {
        title: `${data.page.title} – {name} docs`,
        description: data.page.description || `${data.page.title}, in the {name} documentation.`,
        path: `/docs/${data.page.slug}`,
        type: "article",
      })
    : [{ title: "Page not found" }];

/** One docs page: the compiled Markdown, its table of contents, and previous/next links. */
export default function DocsPage() {
  const { page, sidebar, previous, next } = useLoaderData<typeof loader>();
  const article = useRef<HTMLElement>(null);
  useCopyButtons(article, page.slug);
  const toc = page.headings.filter((heading) => heading.depth === 2);
  return (
    <DocsLayout sidebar={sidebar}>
      <div className="flex gap-10">
        <main className="min-w-0 flex-1">
          <article ref={article} className="docs-prose" dangerouslySetInnerHTML={{ __html: page.html }} />
          <nav
            aria-label="Previous and next page"
            className="mt-12 grid gap-4 border-t border-border pt-6 sm:grid-cols-2"
          >
            {previous ? (
              <Link
                to={previous.href}
                rel="prev"
                className="rounded-theme border border-border p-4 hover:border-primary"
              >
                <span className="block text-xs text-muted">Previous</span>
                <span className="font-semibold">{previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link
                to={next.href}
                rel="next"
                className="rounded-theme border border-border p-4 text-right hover:border-primary"
              >
                <span className="block text-xs text-muted">Next</span>
                <span className="font-semibold">{next.title}</span>
              </Link>
            ) : null}
          </nav>
        </main>
        {toc.length > 1 ? (
          <nav aria-label="On this page" className="hidden w-52 shrink-0 xl:block">
            <div className="sticky top-6">
              <p className="text-xs font-semibold tracking-wide text-muted uppercase">On this page</p>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {toc.map((heading) => (
                  <li key={heading.id}>
                    <a href={`#${heading.id}`} className="text-muted hover:text-foreground">
                      {heading.text}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </div>
    </DocsLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
