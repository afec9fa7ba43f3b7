import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocsLayout } from "~/docs/docs-layout";
import { getPortico } from "~/context.server";
import { docsSidebar, getDocPage } from "~/docs/docs.server";
import docsStyles from "~/docs/docs.css?url";
import { ApiReference, type OpenApiDocument } from "~/management-api/api-reference";
import { openApiDocumentJson } from "~/management-api/openapi.server";
import { siteMeta } from "~/marketing/site";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: docsStyles }];

/** docs/api.md, then the reference rendered from the same OpenAPI document the API serves. */
export function loader() {
  return {
    document: JSON.parse(openApiDocumentJson()) as OpenApiDocument,
    guideHtml: getDocPage("api", getPortico().env.publicUrl.origin)?.html ?? null,
    sidebar: docsSidebar(),
  };
}

export const meta: MetaFunction = ({ matches }) =>
  siteMeta(matches, {
    title: "Management API reference – {name} docs",
    description:
      "Every endpoint of the {name} management API: scopes, parameters, schemas, errors and examples, and the webhook events.",
    path: "/docs/api",
    type: "article",
  });

export default function ApiReferencePage() {
  const { document, guideHtml, sidebar } = useLoaderData<typeof loader>();
  return (
    <DocsLayout sidebar={sidebar}>
      <ApiReference document={document} guideHtml={guideHtml} />
    </DocsLayout>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
