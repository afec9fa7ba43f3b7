import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { getPortico } from "~/context.server";
import { isHostMode } from "~/tenancy/request.server";
import { errorField, log, logPath } from "~/ops/log.server";
import type { ScimContext } from "./context";
import { discoveryDocument, MAX_PAGE_SIZE } from "./discovery";
import { ScimError, scimErrorResponse, scimResponse } from "./errors";
import { parseFilter, parsePaging } from "./filter";
import { createGroup, deleteGroup, getGroup, listGroups, replaceGroup, updateGroup } from "./groups.server";
import { createUser, deleteUser, getUser, listUsers, replaceUser, updateUser } from "./users.server";

/**
 * The SCIM 2.0 service of a tenant's organizations, at `/t/<slug>/api/scim/v2/…` (and
 * `/api/scim/v2/…` on the tenant's custom domains). In order: tenant (404), bearer token of
 * one of this tenant's organizations (401), the connection's rate limit (429), body (413, 415,
 * 400), the resource. Every answer after authentication is logged for the console.
 */
const SCIM_PATH = "/api/scim/v2";
/** Entra ID's largest requests are group PATCHes of a few hundred members. */
const MAX_SCIM_BODY_BYTES = 256 * 1024;

export function scimBaseUrl(origin: string, slug: string): string {
  return `${origin}/t/${slug}${SCIM_PATH}`;
}

async function readJson(request: Request): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/scim+json" && type !== "application/json")
    throw new ScimError(415, "Send the body as application/scim+json (or application/json).");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_SCIM_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_SCIM_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch (error) {
    throw new ScimError(400, `The body is not valid JSON: ${(error as Error).message}`, "invalidSyntax");
  }
}

const tooLarge = () => new ScimError(413, `Request bodies are limited to ${MAX_SCIM_BODY_BYTES / 1024} KB.`);

function methodNotAllowed(allowed: string): never {
  throw new ScimError(405, `Use ${allowed} here.`);
}

/** Routes one authenticated request to its resource operation. */
async function route(ctx: ScimContext, request: Request, segments: string[]): Promise<Response> {
  const url = new URL(request.url);
  const [collection, id, ...extra] = segments;
  const method = request.method;
  if (extra.length > 0) throw new ScimError(404, "There is nothing at this address.");
  if (collection === "Users" || collection === "Groups") {
    const users = collection === "Users";
    if (!id) {
      if (method === "GET") {
        const filter = parseFilter(
          url.searchParams.get("filter"),
          users ? ["userName", "externalId"] : ["displayName"],
        );
        const paging = parsePaging(url, MAX_PAGE_SIZE);
        if (users) return scimResponse(await listUsers(ctx, filter, paging));
        const excluded = (url.searchParams.get("excludedAttributes") ?? "").toLowerCase().split(",");
        return scimResponse(await listGroups(ctx, filter, paging, !excluded.map((a) => a.trim()).includes("members")));
      }
      if (method === "POST") {
        const created = await (users ? createUser : createGroup)(ctx, await readJson(request));
        return scimResponse(created, 201, { Location: created.meta.location });
      }
      methodNotAllowed("GET, POST");
    }
    switch (method) {
      case "GET":
        return scimResponse(await (users ? getUser : getGroup)(ctx, id));
      case "PUT":
        return scimResponse(await (users ? replaceUser : replaceGroup)(ctx, id, await readJson(request)));
      case "PATCH":
        return scimResponse(await (users ? updateUser : updateGroup)(ctx, id, await readJson(request)));
      case "DELETE":
        await (users ? deleteUser : deleteGroup)(ctx, id);
        return scimResponse(null, 204);
    }
    methodNotAllowed("GET, PUT, PATCH, DELETE");
  }
  const document = discoveryDocument(segments, ctx.baseUrl);
  if (document === null) throw new ScimError(404, "There is nothing at this address.");
  if (method !== "GET") methodNotAllowed("GET");
  return scimResponse(document);
}

/** Remix hands the path over decoded already; a raw one (tests, other adapters) is decoded once. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function authenticate(request: Request, tenantId: string) {
  const [scheme, token, ...rest] = (request.headers.get("authorization") ?? "").trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "bearer" || !token || rest.length > 0)
    throw new ScimError(401, "Send the organization's SCIM token: Authorization: Bearer scim_….");
  const connection = await getPortico().scim.authenticate(tenantId, token);
  if (!connection) throw new ScimError(401, "This SCIM token is not valid for this tenant.");
  return connection;
}

async function handle(
  request: Request,
  slug: string,
  path: string,
  headers: Headers,
  logged: { connectionId?: string },
) {
  const { registry, scim } = getPortico();
  const resolved = await registry.resolve({ slug });
  if (resolved.status === "not_found") throw new ScimError(404, `There is no tenant called "${slug}" here.`);
  if (resolved.status === "unavailable") {
    headers.set("Retry-After", "5");
    throw new ScimError(503, resolved.message);
  }
  const connection = await authenticate(request, resolved.tenant.id);
  logged.connectionId = connection.connectionId;
  const limit = await scim.checkRateLimit(connection.connectionId);
  if (!limit.allowed) {
    headers.set("Retry-After", String(limit.resetSeconds));
    throw new ScimError(
      429,
      `This SCIM connection allows ${limit.limit} requests per minute; retry in ${limit.resetSeconds} s.`,
    );
  }
  const organization = await resolved.db.organization.findUnique({
    where: { id: connection.organizationId },
    select: { id: true, slug: true },
  });
  if (!organization) throw new ScimError(401, "This SCIM token's organization no longer exists.");
  const origin = new URL(request.url).origin;
  const ctx: ScimContext = {
    live: resolved,
    organization,
    baseUrl: isHostMode(request, slug) ? `${origin}${SCIM_PATH}` : scimBaseUrl(origin, slug),
    audit: {
      tenantId: resolved.tenant.id,
      actor: { type: "scim", id: connection.connectionId, label: `scim:${organization.slug}` },
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
      userAgent: request.headers.get("user-agent"),
    },
  };
  return route(ctx, request, path.split("/").filter(Boolean).map(decodeSegment));
}

/** Answers one SCIM request (`path` is what follows /scim/v2); never throws, never leaks a stack. */
export async function handleScim(request: Request, slug: string, path: string): Promise<Response> {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const logged: { connectionId?: string } = {};
  let response: Response;
  try {
    response = await handle(request, slug, path, headers, logged);
  } catch (error) {
    if (!(error instanceof ScimError)) {
      log.error(
        {
          req_id: request.headers.get("x-request-id"),
          method: request.method,
          path: logPath(request.url),
          err: errorField(error),
        },
        "SCIM failure",
      );
    }
    const scimError =
      error instanceof ScimError ? error : new ScimError(500, "Something went wrong on our side; try again.");
    if (scimError.status === 401) headers.set("WWW-Authenticate", 'Bearer realm="portico-scim"');
    if (scimError.status === 413) headers.set("Connection", "close");
    response = scimErrorResponse(scimError);
  }
  for (const [name, value] of headers) response.headers.set(name, value);
  if (logged.connectionId) {
    const url = new URL(request.url);
    await getPortico()
      .scim.recordRequest(logged.connectionId, {
        method: request.method,
        path: `/${path.replace(/^\/+/, "")}${url.search}`,
        status: response.status,
      })
      .catch((error: unknown) => log.warn({ err: errorField(error) }, "SCIM request log failed"));
  }
  return response;
}
