import { z } from "zod";
import { API_KEY_SCOPE_DESCRIPTIONS, API_KEY_SCOPES, DEFAULT_RATE_LIMIT_PER_MINUTE } from "~/api-keys/scopes";
import { getPortico } from "~/context.server";
import { webhookEventCatalog } from "~/events/catalog";
import { API_PREFIX, MAX_BODY_BYTES } from "./handler.server";
import type { Operation } from "./operation.server";
import { OPERATIONS } from "./operations.server";

/**
 * The OpenAPI 3.1 document, generated from the operations' own Zod schemas (z.toJSONSchema):
 * what the handlers validate is what the document says. Named schemas (`.meta({ id })`)
 * become components; the webhook event catalog is the top-level `webhooks`.
 */
type Json = Record<string, unknown>;

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request: invalid JSON, a bad query parameter or Idempotency-Key.",
  401: "Missing, invalid, revoked or expired API key.",
  403: "The API key lacks the scope this operation needs (named in the message).",
  404: "No such object in this key's tenant.",
  405: "The endpoint does not support this method.",
  409: "Conflict: the object already exists, or an Idempotency-Key was reused with a different body.",
  413: "The request body is too large.",
  415: "The body is not JSON (or NDJSON where accepted).",
  422: "The body failed validation; `details` names every offending field.",
  429: "The API key's rate limit is used up; retry after `Retry-After` seconds.",
};

const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. `validation_failed`." }),
      message: z.string().meta({ description: "For people; names the first offending field." }),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "ErrorResponse" });

class Converter {
  readonly schemas: Record<string, Json> = {};

  /** JSON Schema for one Zod schema, its named parts moved to components. */
  convert(schema: z.ZodType, io: "input" | "output"): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    delete json.$schema;
    const renamed: Record<string, string> = {};
    const rewrite = (value: Json) =>
      JSON.parse(
        JSON.stringify(value).replace(
          /"#\/\$defs\/([^"]+)"/g,
          (_, id: string) => `"#/components/schemas/${renamed[id] ?? id}"`,
        ),
      ) as Json;
    // A name already taken by a different schema (the input side of an output schema) gets a suffix.
    for (const [id, def] of Object.entries(defs)) {
      const existing = this.schemas[id];
      if (existing && JSON.stringify(existing) !== JSON.stringify(rewrite(def)))
        renamed[id] = `${id}${io === "input" ? "Input" : "Output"}`;
    }
    for (const [id, def] of Object.entries(defs)) this.schemas[renamed[id] ?? id] = rewrite(def);
    return rewrite(json);
  }
}

const rateLimitHeaders = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

function parameters(operation: Operation, converter: Converter): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (!schema) continue;
    const json = converter.convert(schema, "input");
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((json.properties ?? {}) as Record<string, Json>)) {
      const { description, ...propertySchema } = property;
      list.push({
        name,
        in: where,
        required: where === "path" || required.has(name),
        ...(description ? { description } : {}),
        schema: propertySchema,
      });
    }
  }
  if (operation.idempotent) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Makes retries safe: the same key with the same body within 24 hours returns the stored answer (with `Idempotent-Replayed: true`); with another body, 409.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return list;
}

function operationObject(operation: Operation, converter: Converter): Json {
  const { success } = operation;
  const statuses = [...new Set([401, 403, 429, ...(operation.errors ?? [])])].sort();
  const responses: Json = {
    [success.status]: {
      description: success.description,
      headers: rateLimitHeaders,
      ...(success.schema
        ? {
            content: {
              "application/json": { schema: converter.convert(success.schema, "output") },
              ...(success.alternatives ?? {}),
            },
          }
        : {}),
    },
  };
  for (const status of statuses) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error.",
      ...(status === 429
        ? { headers: { ...rateLimitHeaders, "Retry-After": { $ref: "#/components/headers/Retry-After" } } }
        : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } },
    };
  }
  const bodySchema = operation.documentedBody ?? operation.body;
  const body = bodySchema ? converter.convert(bodySchema, "input") : null;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, `Requires the \`${operation.scope}\` scope.`].filter(Boolean).join("\n\n"),
    tags: [operation.tag],
    security: [{ apiKey: [] }],
    "x-portico-scope": operation.scope,
    parameters: parameters(operation, converter),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: body,
                ...(operation.requestExample === undefined ? {} : { example: operation.requestExample }),
              },
              ...(operation.bodyKind === "import"
                ? {
                    "application/x-ndjson": {
                      schema: { type: "string", description: "One ImportUser object per line." },
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
    responses,
  };
}

function webhooks(converter: Converter): Json {
  const result: Json = {};
  for (const { type, data } of webhookEventCatalog()) {
    result[type] = {
      post: {
        operationId: `event_${type.replace(/\W/g, "_")}`,
        summary: `\`${type}\``,
        tags: ["Webhook events"],
        parameters: ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => ({
          name,
          in: "header",
          required: true,
          schema: { type: "string" },
        })),
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["type", "timestamp", "data"],
                properties: {
                  type: { const: type },
                  timestamp: { type: "string", format: "date-time" },
                  data: converter.convert(data, "output"),
                },
              },
            },
          },
        },
        responses: { "2XX": { description: "Any 2xx status acknowledges the event; anything else is retried." } },
      },
    };
  }
  return result;
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  Users: "The tenant's users.",
  Sessions: "Signed-in sessions of a user.",
  "Import and export": "Move users in (with their password hashes) and out.",
  Organizations: "Organizations and their members.",
  SCIM: "An organization's SCIM 2.0 provisioning connection: its token, last sync and recent requests (docs/enterprise-sso.md).",
  SSO: "An organization's enterprise single sign-on: its SAML 2.0 or OpenID Connect connection and its verified email domains (docs/enterprise-sso.md).",
  Webhooks: "Endpoints that receive the tenant's events, and their delivery log.",
  Config: "The tenant's configuration.",
  "Email templates":
    "The texts of the emails the tenant sends, per language: subject, heading, paragraphs, button, footer (docs/emails.md).",
  Tokens: "Check session tokens and JWTs on behalf of services that cannot.",
  "Forward auth": "The rules gateways in front of your apps apply (docs/gateways.md), and how they decided.",
  "OAuth clients":
    "Applications and services that get tokens from the tenant's OAuth 2.1 / OpenID Connect provider (docs/oidc-provider.md).",
};

export function buildOpenApiDocument(publicUrl: URL): Json {
  const converter = new Converter();
  converter.convert(ErrorSchema, "output");
  const paths: Record<string, Json> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationObject(operation, converter);
  }
  const eventWebhooks = webhooks(converter);
  const header = (description: string) => ({ description, schema: { type: "integer" } });
  return {
    openapi: "3.1.0",
    info: {
      title: "Portico Management API",
      version: "1.0.0",
      description: [
        "Manage one tenant from your backend: users, sessions, organizations, webhooks, OAuth clients and configuration.",
        `Authenticate with a tenant API key: \`Authorization: Bearer pk_live_…\`. Each key sees only its own tenant and has scopes (${API_KEY_SCOPES.map((s) => `\`${s}\``).join(", ")}).`,
        `Errors are \`{ "error": { "code", "message", "details" } }\`. Bodies are limited to ${MAX_BODY_BYTES / 1024} KB (imports: 10 MB); unknown fields are refused.`,
        `Every authenticated answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (default ${DEFAULT_RATE_LIMIT_PER_MINUTE} requests per minute per key).`,
      ].join("\n\n"),
    },
    servers: [{ url: `${publicUrl.origin}${API_PREFIX}` }],
    tags: [
      ...Object.entries(TAG_DESCRIPTIONS).map(([name, description]) => ({ name, description })),
      {
        name: "Webhook events",
        description: "What Portico posts to your webhook endpoints (Standard Webhooks signatures).",
      },
    ],
    security: [{ apiKey: [] }],
    paths,
    webhooks: eventWebhooks,
    components: {
      schemas: converter.schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "pk_live_… / pk_test_…",
          description: `A tenant API key from the console (API keys page). Scopes: ${API_KEY_SCOPES.map((s) => `\`${s}\` (${API_KEY_SCOPE_DESCRIPTIONS[s]})`).join("; ")}.`,
        },
      },
      headers: {
        "RateLimit-Limit": header("Requests this key may make per minute."),
        "RateLimit-Remaining": header("Requests left in the current minute."),
        "RateLimit-Reset": header("Seconds until the window resets."),
        "Retry-After": header("Seconds to wait before retrying."),
      },
    },
  };
}

let cached: { origin: string; body: string } | undefined;

/** The document as JSON; public (it describes the API, it holds no tenant data). */
export function openApiDocumentJson(): string {
  const { publicUrl } = getPortico().env;
  if (cached?.origin !== publicUrl.origin)
    cached = { origin: publicUrl.origin, body: JSON.stringify(buildOpenApiDocument(publicUrl)) };
  return cached.body;
}

export function openApiResponse(): Response {
  return new Response(openApiDocumentJson(), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "public, max-age=300",
      "access-control-allow-origin": "*",
    },
  });
}
