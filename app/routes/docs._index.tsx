import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocsLayout } from "~/docs/docs-layout";
import { getPortico } from "~/context.server";
import { docsSidebar, docsSearch, getDocPage } from "~/docs/docs.server";
import docsStyles from "~/docs/docs.css?url";
import { searchDocs } from "~/docs/search";
import { siteMeta, useSite } from "~/marketing/site";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: docsStyles }];

export function loader({ request }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200).trim();
  const sidebar = docsSidebar().map((section) => ({
    ...section,
    links: section.links.map((link) => ({
      ...link,
      description: getDocPage(link.slug, getPortico().env.publicUrl.origin)?.description ?? "",
    })),
  }));
  return { sidebar, query, results: query ? searchDocs(docsSearch(), query, 20) : null };
}

export const meta: MetaFunction = ({ matches }) =>
  siteMeta(matches, {
    title: "{name} documentation",
    description:
      "Install, configure and integrate {name}: quickstart, configuration, self-hosting, tenants, sign-in methods, widgets, webhooks and the API.",
    path: "/docs",
  });

/** The docs' home: every section and page with its summary, or search results for ?q=. */
export default function DocsIndex() {
  const { sidebar, query, results } = useLoaderData<typeof loader>();
  const { branding } = useSite();
  return (
    <DocsLayout sidebar={sidebar}>
      <main className="docs-prose">
        <h1>{branding.name} documentation</h1>
        {results ? (
          <section aria-labelledby="search-results">
            <h2 id="search-results">Results for “{query}”</h2>
            {results.length ? (
              <ul>
                {results.map((result) => (
                  <li key={result.href}>
                    <Link to={result.href}>{result.title}</Link>: {result.snippet}
                  </li>
                ))}
              </ul>
            ) : (
              <p>No page matches. Try fewer or different words.</p>
            )}
          </section>
        ) : (
          <p>
            Everything to run {branding.name} and integrate it with your apps. New here? Start with the{" "}
            <Link to="/docs/quickstart">quickstart</Link>.
          </p>
        )}
        {sidebar.map((section) => (
          <section key={section.title} aria-label={section.title}>
            <h2>{section.title}</h2>
            <ul>
              {section.links.map((link) => (
                <li key={link.href}>
                  <Link to={link.href}>{link.title}</Link>
                  {link.description ? <span className="text-muted"> – {link.description}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </main>
    </DocsLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
