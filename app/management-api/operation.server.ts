import type { z } from "zod";
import type { ApiKeyScope } from "~/api-keys/scopes";
import type { AuditEventInput } from "~/audit/audit.server";
import type { LiveTenant } from "~/tenancy/registry.server";

/**
 * One management API operation: where it lives, what it needs, the Zod schemas it validates
 * with and answers in, and what it does. The request pipeline (handler.server.ts) and the
 * OpenAPI document (openapi.server.ts) both read these, so the document cannot drift from
 * what the handlers accept.
 */
export type ApiContext = {
  request: Request;
  live: LiveTenant;
  keyId: string;
  /** The audit fields of a call made with this key: `api_key:<id>`, from this address. */
  audit: Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;
};

type AnyObject = z.ZodObject<z.ZodRawShape>;

export type Operation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
> = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI style: `/users/{userId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiKeyScope;
  params?: P;
  query?: Q;
  body?: B;
  /** What the document shows for the body when `body` only checks its shape (a partial patch). */
  documentedBody?: z.ZodType;
  /** `import` also accepts NDJSON (one JSON value per line) and allows a larger body. */
  bodyKind?: "json" | "import";
  /** Creating calls honour `Idempotency-Key`. */
  idempotent?: boolean;
  /** Statuses this operation can answer beyond the ones every call can (401, 403, 429). */
  errors?: number[];
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    /** Extra representations (CSV export). */
    alternatives?: Record<string, { schema: Record<string, unknown> }>;
    example?: unknown;
  };
  requestExample?: unknown;
  run(
    ctx: ApiContext,
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
  ): Promise<unknown | Response>;
};

/** Keeps each operation's input types tied to its schemas. */
export function defineOperation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(
  operation: Operation<P, Q, B>,
): Operation {
  return operation as unknown as Operation;
}
