import { getPortico } from "~/context.server";
import { jsonError } from "~/http/responses.server";
import { hostTenantSlug } from "~/tenancy/hostnames.server";
import { forwardAuthEndpoint, isDecisionPath } from "./endpoint.server";

/** `/t/<slug>/forward-auth[/…]` on any host; `/forward-auth[/…]` on a tenant's custom domain. */
const SHARED_HOST_PATH = /^\/t\/([^/]+)\/forward-auth(?:\/(.*))?$/;
const CUSTOM_DOMAIN_PATH = /^\/forward-auth(?:\/(.*))?$/;

/**
 * Gateway requests, answered by server.ts before static files, body reading and Remix's routing:
 * a gateway asks once for every request it serves, and those layers would cost more than the
 * decision itself (decision 0014). `hostname` is the Host the gateway called (its
 * X-Forwarded-Host names the protected request's host). Null when the path names no tenant here,
 * and for the browser's steps, so Remix answers them (and its usual 404).
 */
export async function gatewayResponse(request: Request, hostname: string): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  const hostSlug = await hostTenantSlug(hostname.toLowerCase());
  const shared = SHARED_HOST_PATH.exec(pathname);
  const own = shared ? null : CUSTOM_DOMAIN_PATH.exec(pathname);
  // On a custom domain only that tenant's paths exist, as for every other page there.
  const slug = shared ? (hostSlug === null || hostSlug === shared[1] ? shared[1] : null) : own ? hostSlug : null;
  const subpath = (shared ? shared[2] : own?.[1]) ?? "";
  // The browser's steps (authorize, callback, sign-out) are pages Remix's client navigates to.
  if (!slug || !isDecisionPath(subpath)) return null;
  const resolved = await getPortico().registry.resolve({ slug });
  if (resolved.status === "not_found")
    return jsonError(404, "tenant_not_found", `There is no tenant called "${slug}" here, or it has been disabled.`);
  if (resolved.status === "unavailable") {
    const response = jsonError(503, "tenant_unavailable", resolved.message);
    response.headers.set("Retry-After", "5");
    return response;
  }
  return forwardAuthEndpoint(resolved, request, subpath);
}
