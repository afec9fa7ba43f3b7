import { z } from "zod";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { HOST_TENANT_HEADER } from "~/tenancy/request.server";
import { getPortico } from "~/context.server";
import { ApiError, errorResponse, validationError } from "./errors.server";
import { IdempotencyStore, parseIdempotencyKey, requestFingerprint } from "./idempotency.server";
import type { ApiContext, Operation } from "./operation.server";
import { OPERATIONS } from "./operations.server";
import { errorField, log, logPath } from "~/ops/log.server";

/**
 * The management API's request pipeline, in order: API key (401), tenant, rate limit (429,
 * with RateLimit-* headers on every answer from here on), route (404/405), scope (403),
 * body (413/415/400), validation (422, every field named), idempotency, the operation.
 */
export const API_PREFIX = "/api/v1";
export const MAX_BODY_BYTES = 256 * 1024;
/** Imports carry up to 10,000 users with their password hashes. */
export const MAX_IMPORT_BODY_BYTES = 10 * 1024 * 1024;

type Route = { operation: Operation; pattern: RegExp; names: string[] };

const ROUTES: Route[] = OPERATIONS.map((operation) => {
  const names: string[] = [];
  const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { operation, pattern: new RegExp(`^${source}$`), names };
});

function matchRoute(path: string, method: string): { route: Route; params: Record<string, string> } | ApiError {
  const matches = ROUTES.map((route) => ({ route, match: route.pattern.exec(path) })).filter((m) => m.match);
  if (matches.length === 0) return new ApiError(404, "not_found", "No such endpoint.");
  const found = matches.find((m) => m.route.operation.method === method);
  if (!found) {
    const allowed = matches.map((m) => m.route.operation.method).join(", ");
    return new ApiError(405, "method_not_allowed", `Use ${allowed} on this endpoint.`);
  }
  const params: Record<string, string> = {};
  found.route.names.forEach((name, index) => {
    params[name] = decodeURIComponent(found.match![index + 1]!);
  });
  return { route: found.route, params };
}

async function authenticate(request: Request) {
  const header = request.headers.get("authorization") ?? "";
  const [scheme, key] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !key)
    throw new ApiError(401, "unauthorized", "Send an API key: Authorization: Bearer pk_live_… (or pk_test_…).");
  const verified = await getPortico().apiKeys.verify(key.trim(), request.headers.get(CLIENT_IP_HEADER));
  if (!verified.ok) {
    const messages = {
      invalid: "This API key is not valid.",
      revoked: "This API key was revoked.",
      expired: "This API key has expired.",
    } as const;
    throw new ApiError(
      401,
      verified.reason === "invalid" ? "invalid_api_key" : `api_key_${verified.reason}`,
      messages[verified.reason],
    );
  }
  return verified;
}

/**
 * On a tenant's custom domain the API answers for that tenant only: another tenant's key gets
 * the same 401 as an unknown key there (it is valid on the shared host and its own domain).
 */
async function refuseOtherTenantsKeys(request: Request, keyTenantId: string) {
  const domainSlug = request.headers.get(HOST_TENANT_HEADER);
  if (!domainSlug) return;
  const domainTenant = await getPortico().registry.lookup({ slug: domainSlug });
  if (domainTenant?.id !== keyTenantId)
    throw new ApiError(401, "invalid_api_key", "This API key is not valid on this domain.");
}

async function readBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new ApiError(413, "payload_too_large", `Request bodies are limited to ${Math.round(maxBytes / 1024)} KB here.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Counted as it arrives: a chunked body without a length is cut off just the same.
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJsonBody(text: string, contentType: string, kind: Operation["bodyKind"]): unknown {
  if (text.trim() === "") return {};
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (kind === "import" && type === "application/x-ndjson") {
    const lines = text.split(/\r?\n/);
    return lines.flatMap((line, index) => {
      if (line.trim() === "") return [];
      try {
        return [JSON.parse(line) as unknown];
      } catch {
        throw new ApiError(400, "invalid_json", `Line ${index + 1} is not valid JSON.`);
      }
    });
  }
  if (type !== "application/json")
    throw new ApiError(
      415,
      "unsupported_media_type",
      kind === "import" ? "Send application/json or application/x-ndjson." : "Send the body as application/json.",
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

async function parseInput(operation: Operation, request: Request, params: Record<string, string>, text: string) {
  const url = new URL(request.url);
  const parsedParams = operation.params ? operation.params.safeParse(params) : { success: true as const, data: {} };
  if (!parsedParams.success) throw new ApiError(404, "not_found", "No such object in this tenant.");
  const query = operation.query
    ? await operation.query.safeParseAsync(Object.fromEntries(url.searchParams))
    : { success: true as const, data: {} };
  if (!query.success) throw validationError(query.error, 400, "query");
  let body: unknown = undefined;
  if (operation.body) {
    const raw = parseJsonBody(text, request.headers.get("content-type") ?? "", operation.bodyKind);
    const parsed = await operation.body.safeParseAsync(raw);
    if (!parsed.success) throw validationError(parsed.error);
    body = parsed.data;
  }
  return { params: parsedParams.data, query: query.data, body };
}

function toResponse(operation: Operation, result: unknown): Response {
  if (result instanceof Response) return result;
  if (operation.success.status === 204) return new Response(null, { status: 204 });
  return Response.json(result, { status: operation.success.status });
}

async function runOperation(ctx: ApiContext, operation: Operation, params: Record<string, string>): Promise<Response> {
  const { request } = ctx;
  const maxBytes = operation.bodyKind === "import" ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
  const text = operation.body ? await readBody(request, maxBytes) : "";
  const input = await parseInput(operation, request, params, text);
  const idempotencyKey = operation.idempotent ? parseIdempotencyKey(request.headers.get("idempotency-key")) : null;
  if (!idempotencyKey) return toResponse(operation, await operation.run(ctx, input));

  const store = new IdempotencyStore(getPortico().storage);
  const fingerprint = requestFingerprint(operation.method, new URL(request.url).pathname, text);
  const claim = await store.claim(ctx.keyId, idempotencyKey, fingerprint);
  if ("replay" in claim) {
    return new Response(claim.replay.body || null, {
      status: claim.replay.status,
      headers: { "content-type": "application/json", "idempotent-replayed": "true" },
    });
  }
  try {
    const response = toResponse(operation, await operation.run(ctx, input));
    await store.complete(claim.claimed, response.status, await response.clone().text());
    return response;
  } catch (error) {
    // A refusal is the answer to this request and is replayed; a server failure is not.
    if (error instanceof ApiError && error.status < 500) {
      await store.complete(claim.claimed, error.status, await errorResponse(error).text());
    } else await store.release(claim.claimed);
    throw error;
  }
}

async function handle(request: Request, rateLimitHeaders: Headers): Promise<Response> {
  const path = new URL(request.url).pathname.slice(API_PREFIX.length) || "/";
  const key = await authenticate(request);
  const { apiKeys, registry } = getPortico();
  await refuseOtherTenantsKeys(request, key.tenantId);
  const limit = await apiKeys.checkRateLimit(key.keyId, key.rateLimitPerMinute);
  rateLimitHeaders.set("RateLimit-Limit", String(limit.limit));
  rateLimitHeaders.set("RateLimit-Remaining", String(limit.remaining));
  rateLimitHeaders.set("RateLimit-Reset", String(limit.resetSeconds));
  if (!limit.allowed) {
    rateLimitHeaders.set("Retry-After", String(limit.resetSeconds));
    throw new ApiError(
      429,
      "rate_limited",
      `This API key allows ${limit.limit} requests per minute; retry in ${limit.resetSeconds} s.`,
    );
  }
  const matched = matchRoute(path, request.method);
  if (matched instanceof ApiError) throw matched;
  const { operation } = matched.route;
  if (!key.scopes.includes(operation.scope))
    throw new ApiError(403, "insufficient_scope", `This API key lacks the ${operation.scope} scope.`, [
      { field: "scope", message: operation.scope },
    ]);
  const live = await registry.resolve({ id: key.tenantId });
  if (live.status === "not_found") throw new ApiError(403, "tenant_disabled", "This API key's tenant is disabled.");
  if (live.status === "unavailable") throw new ApiError(503, "tenant_unavailable", live.message);
  const ctx: ApiContext = {
    request,
    live,
    keyId: key.keyId,
    audit: {
      tenantId: live.tenant.id,
      actor: { type: "api_key", id: key.keyId, label: `api_key:${key.keyId}` },
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
      userAgent: request.headers.get("user-agent"),
    },
  };
  return runOperation(ctx, operation, matched.params);
}

/** Answers one /api/v1 request; never throws, never leaks a stack trace. */
export async function handleManagementApi(request: Request): Promise<Response> {
  const headers = new Headers();
  let response: Response;
  try {
    response = await handle(request, headers);
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.status === 401) headers.set("WWW-Authenticate", 'Bearer realm="portico"');
      // The unread rest of a refused upload would otherwise poison a reused connection.
      if (error.status === 413) headers.set("Connection", "close");
      if (error.status === 405) {
        const path = new URL(request.url).pathname.slice(API_PREFIX.length);
        headers.set(
          "Allow",
          ROUTES.filter((r) => r.pattern.test(path))
            .map((r) => r.operation.method)
            .join(", "),
        );
      }
      response = errorResponse(error);
    } else if (error instanceof z.ZodError) {
      response = errorResponse(validationError(error));
    } else {
      log.error(
        {
          req_id: request.headers.get("x-request-id"),
          method: request.method,
          path: logPath(request.url),
          err: errorField(error),
        },
        "Management API failure",
      );
      response = errorResponse(new ApiError(500, "internal_error", "Something went wrong on our side; try again."));
    }
  }
  for (const [name, value] of headers) response.headers.set(name, value);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
