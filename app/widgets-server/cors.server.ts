import { tenantTrustedOrigins } from "~/auth/tenant-urls";
import { getPortico } from "~/context.server";
import type { Tenant } from "~/tenancy/tenants.server";

/**
 * CORS for a tenant's auth API, so the widgets can call it from a customer's page: only the
 * tenant's trusted origins (its public URL, custom domains and configured origins) get access,
 * with credentials, their exact origin echoed and `Vary: Origin`. Everyone else gets no CORS
 * headers (the browser refuses to let the page read the answer) and a 403 on preflight.
 * better-auth still checks Origin itself on state-changing requests.
 */
const ALLOWED_METHODS = "GET, POST, OPTIONS";
// x-portico-altcha and x-captcha-response carry bot-protection proofs (app/bot-protection).
const ALLOWED_HEADERS = "authorization, content-type, x-two-factor-token, x-portico-altcha, x-captcha-response";
/**
 * Tokens the widget reads: the bearer session token and the pending second factor. (JWTs come
 * from GET /token, not from a get-session header: decision 0017.)
 */
const EXPOSED_HEADERS = "set-auth-token, set-two-factor-token";

/** The request's Origin when the tenant trusts it, else null. */
export function trustedCorsOrigin(request: Request, tenant: Tenant): string | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  return tenantTrustedOrigins(tenant, getPortico().env.publicUrl).includes(origin) ? origin : null;
}

/** The answer to a preflight (OPTIONS) request. */
export function corsPreflight(request: Request, tenant: Tenant): Response {
  const origin = trustedCorsOrigin(request, tenant);
  if (!origin) {
    return Response.json(
      { error: { code: "origin_not_allowed", message: "This origin is not one of the tenant's trusted origins." } },
      { status: 403, headers: { Vary: "Origin" } },
    );
  }
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Credentials": "true",
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    },
  });
}

/** `response` with CORS headers when the request came from a trusted origin. */
export function withCors(request: Request, tenant: Tenant, response: Response): Response {
  const origin = trustedCorsOrigin(request, tenant);
  const headers = new Headers(response.headers);
  headers.append("Vary", "Origin");
  if (origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Credentials", "true");
    headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Public, credential-free documents (config.json, JWKS): readable from any origin. */
export function withPublicCors(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", "*");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** For `requireTenant(…).catch(rethrowWithPublicCors)`: a 404/503 the widget can read too. */
export function rethrowWithPublicCors(error: unknown): never {
  throw error instanceof Response ? withPublicCors(error) : error;
}
