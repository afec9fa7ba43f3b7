import { createHash } from "node:crypto";
import { publicTenantConfig } from "~/auth-methods/public-config";
import type { Tenant } from "~/tenancy/tenants.server";

/**
 * Widgets on other origins fetch this on every page load. A browser may reuse it for one
 * second (the registry's own lookup cache), then revalidates with its ETag and usually gets
 * an empty 304; so a change made in the console is seen within a second or two.
 */
const CACHE_CONTROL = "public, max-age=1, must-revalidate";

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

export function publicConfigResponse(request: Request, tenant: Tenant): Response {
  const body = JSON.stringify(publicTenantConfig(tenant));
  const etag = etagOf(body);
  const headers = new Headers({
    "Cache-Control": CACHE_CONTROL,
    ETag: etag,
    // Public and credential-free, so any origin may read it.
    "Access-Control-Allow-Origin": "*",
  });
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(body, { status: 200, headers });
}
