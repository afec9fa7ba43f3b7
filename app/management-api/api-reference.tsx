import { Fragment, type ReactNode } from "react";
import type { JsonSchema as Schema, OpenApiDocument, OpenApiOperation } from "./openapi-document";

/**
 * The readable management API reference (/docs/api), rendered from the OpenAPI document
 * itself: operations grouped by tag with their scope, parameters, body and answer schemas,
 * examples and errors, then the webhook event catalog.
 */
export type { OpenApiDocument };

const anchor = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** `code` spans and paragraphs from the document's Markdown-ish descriptions, as elements (no HTML). */
function Prose({ text, className = "" }: { text?: string; className?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n\n+/).map((paragraph, index) => (
        <p key={index} className={`text-sm leading-relaxed text-muted ${className}`}>
          {paragraph.split(/(`[^`]+`)/).map((part, i) =>
            part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
              <code key={i} className="rounded bg-background px-1 py-0.5 font-mono text-[0.85em] text-foreground">
                {part.slice(1, -1)}
              </code>
            ) : (
              <Fragment key={i}>{part}</Fragment>
            ),
          )}
        </p>
      ))}
    </>
  );
}

function resolve(schema: Schema | undefined, components: Record<string, Schema>): { schema: Schema; name?: string } {
  if (schema?.$ref) {
    const name = String(schema.$ref).split("/").pop()!;
    return { schema: components[name] ?? {}, name };
  }
  return { schema: schema ?? {} };
}

/** A short type label: `string`, `User[]`, `"open" | "closed"`, `integer (1–100)`. */
function typeLabel(schema: Schema, components: Record<string, Schema>): string {
  if (schema.$ref) return String(schema.$ref).split("/").pop()!;
  if ("const" in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((member) => typeLabel(member, components)).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return `${typeLabel(schema.items ?? {}, components)}[]`;
  const range =
    schema.minimum !== undefined || schema.maximum !== undefined
      ? ` (${schema.minimum ?? "…"}–${schema.maximum ?? "…"})`
      : "";
  const format = schema.format ? ` (${schema.format})` : "";
  return `${schema.type ?? "any"}${range}${format}`;
}

/** An object's fields as a definition list, nested objects indented (to a few levels). */
function SchemaFields({
  schema,
  components,
  depth = 0,
  request = false,
}: {
  schema: Schema;
  components: Record<string, Schema>;
  depth?: number;
  /** A request body: say that fields beyond these are refused. */
  request?: boolean;
}) {
  const resolved = resolve(schema, components).schema;
  const target = resolved.type === "array" ? resolve(resolved.items, components).schema : resolved;
  const properties = Object.entries(target.properties ?? {});
  if (properties.length === 0 || depth > 3) return null;
  const required = new Set<string>(target.required ?? []);
  return (
    <>
      <dl className={depth > 0 ? "mt-2 border-l border-border pl-4" : "divide-y divide-border"}>
        {properties.map(([name, property]) => {
          const inner = resolve(property, components).schema;
          const nested =
            inner.type === "object" || (inner.type === "array" && resolve(inner.items, components).schema.properties);
          return (
            <div key={name} className="py-2">
              <dt className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <code className="font-mono font-semibold">{name}</code>
                <span className="font-mono text-xs text-muted">{typeLabel(property, components)}</span>
                {required.has(name) ? <span className="text-xs font-medium text-danger">required</span> : null}
                {property.default !== undefined ? (
                  <span className="text-xs text-muted [overflow-wrap:anywhere]">
                    default {JSON.stringify(property.default)}
                  </span>
                ) : null}
              </dt>
              <dd>
                <Prose text={property.description ?? inner.description} />
                {nested ? (
                  <SchemaFields schema={property} components={components} depth={depth + 1} request={request} />
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {/* After the list, not in it: a <dl> holds only its terms and definitions. */}
      {request && target.additionalProperties === false && depth === 0 ? (
        <p className="py-2 text-xs text-muted">Other fields are refused (422).</p>
      ) : null}
    </>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-4">
      <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">{title}</h4>
      <div className="mt-1">{children}</div>
    </div>
  );
}

const METHOD_STYLES: Record<string, string> = {
  get: "bg-primary/10 text-primary",
  post: "bg-primary text-primary-foreground",
  patch: "border border-border text-foreground",
  delete: "bg-danger/10 text-danger",
};

function OperationCard({
  path,
  method,
  operation,
  components,
  server,
}: {
  path: string;
  method: string;
  operation: OpenApiOperation;
  components: Record<string, Schema>;
  server: string;
}) {
  const parameters = operation.parameters ?? [];
  const body = operation.requestBody?.content?.["application/json"];
  const [status, success] = Object.entries(operation.responses).find(([code]) => code.startsWith("2"))!;
  const errors = Object.entries(operation.responses).filter(([code]) => !code.startsWith("2"));
  const curl = [
    `curl -X ${method.toUpperCase()} '${server}${path}'`,
    `  -H "Authorization: Bearer $PORTICO_API_KEY"`,
    ...(body?.example !== undefined
      ? [`  -H 'Content-Type: application/json'`, `  -d '${JSON.stringify(body.example)}'`]
      : []),
  ].join(" \\\n");
  return (
    <article
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="scroll-mt-6 rounded-theme border border-border bg-card p-5"
    >
      <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-center gap-3">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLES[method] ?? ""}`}>
          {method}
        </span>
        <code className="font-mono text-sm font-semibold break-all">{path}</code>
        <span className="text-base font-semibold">{operation.summary}</span>
      </h3>
      <div className="mt-2">
        <Prose text={operation.description} />
      </div>
      {parameters.length > 0 ? (
        <Block title="Parameters">
          {/* Long names and types break anywhere, so the table fits a phone instead of widening the page. */}
          <table className="w-full text-left text-sm [overflow-wrap:anywhere]">
            <thead className="sr-only">
              <tr>
                <th>Name</th>
                <th>In</th>
                <th>Type</th>
                <th>Description</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <td className="py-1.5 pr-3 align-top">
                    <code className="font-mono font-semibold">{parameter.name}</code>
                    {parameter.required ? <span className="ml-2 text-xs text-danger">required</span> : null}
                  </td>
                  <td className="py-1.5 pr-3 align-top text-xs text-muted">{parameter.in}</td>
                  <td className="py-1.5 pr-3 align-top font-mono text-xs text-muted">
                    {typeLabel(parameter.schema ?? {}, components)}
                  </td>
                  <td className="py-1.5 align-top">
                    <Prose text={parameter.description} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Block>
      ) : null}
      {body ? (
        <Block title={`Request body (${typeLabel(body.schema, components)})`}>
          <SchemaFields schema={body.schema} components={components} request />
        </Block>
      ) : null}
      <Block title={`Answer ${status}`}>
        <Prose text={success.description} />
        {success.content?.["application/json"] ? (
          <SchemaFields schema={success.content["application/json"].schema} components={components} />
        ) : null}
      </Block>
      <Block title="Errors">
        <ul className="text-sm">
          {errors.map(([code, response]) => (
            <li key={code} className="flex gap-2">
              <span className="font-mono text-sm font-semibold">{code}</span>
              <Prose text={response.description} />
            </li>
          ))}
        </ul>
      </Block>
      <Block title="Example">
        {/* Focusable, so a keyboard scrolls its long lines too. */}
        <pre tabIndex={0} className="overflow-x-auto rounded-theme bg-background p-3 font-mono text-xs">
          {curl}
        </pre>
      </Block>
    </article>
  );
}

/**
 * `guideHtml` is docs/api.md as the docs site compiled it (authentication, errors, idempotency,
 * import formats, …); it replaces the document's own short introduction.
 */
export function ApiReference({ document, guideHtml }: { document: OpenApiDocument; guideHtml?: string | null }) {
  const components = document.components.schemas;
  const server = document.servers[0]?.url ?? "/api/v1";
  const byTag = new Map<string, { path: string; method: string; operation: OpenApiOperation }[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, operation }]);
    }
  }
  const tags = document.tags.filter((tag) => byTag.has(tag.name));
  const security = Object.values(document.components.securitySchemes)[0];
  return (
    <div className="flex gap-10">
      <main className="min-w-0 flex-1">
        {guideHtml ? (
          // Compiled at build time from the repository's own docs/api.md, not from user input.
          <article className="docs-prose" dangerouslySetInnerHTML={{ __html: guideHtml }} />
        ) : (
          <>
            <h1 className="text-3xl font-extrabold tracking-tight">{document.info.title}</h1>
            <div className="mt-3 flex flex-col gap-2">
              <Prose text={document.info.description} />
            </div>
          </>
        )}
        <section id="authentication" aria-labelledby="authentication-title" className="mt-10 scroll-mt-6">
          <h2 id="authentication-title" className="text-2xl font-bold tracking-tight">
            Authentication
          </h2>
          <div className="mt-2 flex flex-col gap-2">
            <Prose text={`Base URL: \`${server}\`. Send \`Authorization: Bearer <api key>\` with every call.`} />
            <Prose text={security?.description} />
          </div>
        </section>
        {tags.map((tag) => (
          <section
            key={tag.name}
            id={anchor(tag.name)}
            aria-labelledby={`${anchor(tag.name)}-title`}
            className="mt-12 scroll-mt-6"
          >
            <h2 id={`${anchor(tag.name)}-title`} className="text-2xl font-bold tracking-tight">
              {tag.name}
            </h2>
            <Prose text={tag.description} className="mt-1" />
            <div className="mt-4 flex flex-col gap-4">
              {byTag.get(tag.name)!.map(({ path, method, operation }) => (
                <OperationCard
                  key={operation.operationId}
                  path={path}
                  method={method}
                  operation={operation}
                  components={components}
                  server={server}
                />
              ))}
            </div>
          </section>
        ))}
        <section id="webhook-events" aria-labelledby="webhook-events-title" className="mt-12 scroll-mt-6">
          <h2 id="webhook-events-title" className="text-2xl font-bold tracking-tight">
            Webhook events
          </h2>
          <Prose
            className="mt-1"
            text="Each event is posted as `{ type, timestamp, data }` with Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`). `data` holds:"
          />
          <div className="mt-4 flex flex-col gap-3">
            {Object.entries(document.webhooks).map(([type, item]) => (
              <article
                key={type}
                id={`event-${anchor(type)}`}
                className="rounded-theme border border-border bg-card p-4"
              >
                <h3 className="font-mono text-sm font-semibold">{type}</h3>
                <SchemaFields
                  schema={item.post.requestBody?.content["application/json"]?.schema.properties?.data ?? {}}
                  components={components}
                />
              </article>
            ))}
          </div>
        </section>
      </main>
      <nav aria-label="API reference" className="hidden w-56 shrink-0 text-sm xl:block">
        <div className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto">
          <ul className="flex flex-col gap-1">
            <li>
              <a href="#authentication" className="font-medium hover:text-primary hover:underline">
                Authentication
              </a>
            </li>
            {tags.map((tag) => (
              <li key={tag.name}>
                <a href={`#${anchor(tag.name)}`} className="font-medium hover:text-primary hover:underline">
                  {tag.name}
                </a>
                <ul className="mt-1 mb-2 ml-3 flex flex-col gap-0.5">
                  {byTag.get(tag.name)!.map(({ operation }) => (
                    <li key={operation.operationId}>
                      <a
                        href={`#${operation.operationId}`}
                        // py-0.5: a target at least 24 px high (WCAG 2.2 target size), in a tight list.
                        className="inline-block py-0.5 text-muted hover:text-primary hover:underline"
                      >
                        {operation.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#webhook-events" className="font-medium hover:text-primary hover:underline">
                Webhook events
              </a>
            </li>
            <li>
              <a href="/api/v1/openapi.json" className="text-muted hover:text-primary hover:underline">
                OpenAPI document (JSON)
              </a>
            </li>
          </ul>
        </div>
      </nav>
    </div>
  );
}
