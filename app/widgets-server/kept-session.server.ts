import { createCookie } from "@remix-run/node";
import { tenantCookiePrefix } from "~/auth/tenant-urls";
import { getPortico } from "~/context.server";
import { jsonError } from "~/http/responses.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { trustedCorsOrigin, withCors } from "./cors.server";

/**
 * Keeps a widget's token-mode session across page reloads without handing it to the page's
 * storage (decision 0022). After a sign-in the widget posts its bearer token to
 * `…/api/widget-session/keep`; Portico checks it and stores it in an HttpOnly cookie on its own
 * host, scoped to the tenant's path. After a reload the widget posts to `…/restore` with
 * credentials and gets the token back, in memory again. `…/forget` clears the cookie (sign-out).
 *
 * Every step answers only the tenant's trusted origins (Origin checked here, not left to CORS):
 * another site can make the browser send the cookie, but it gets a 403 and no token, and cannot
 * plant its own session in the cookie either. The requests are "simple" (POST, text/plain), so
 * they need no preflight.
 */
export type KeptSessionStep = "keep" | "restore" | "forget";
export const KEPT_SESSION_STEPS: readonly KeptSessionStep[] = ["keep", "restore", "forget"];

const MAX_TOKEN_LENGTH = 512;

export async function keptSessionResponse(
  live: TenantRequestContext,
  request: Request,
  step: string | undefined,
): Promise<Response> {
  const { tenant } = live;
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST.");
  if (!KEPT_SESSION_STEPS.includes(step as KeptSessionStep)) {
    return jsonError(404, "not_found", "The widget session steps are keep, restore and forget.");
  }
  if (!trustedCorsOrigin(request, tenant)) {
    return withVary(jsonError(403, "origin_not_allowed", "This origin is not one of the tenant's trusted origins."));
  }
  const cookie = keptSessionCookie(live);
  if (step === "forget") {
    return withCors(request, tenant, answer({ token: null }, await cookie.serialize("", { maxAge: 0 })));
  }
  if (step === "keep") {
    const token = (await request.text()).trim();
    if (!token || token.length > MAX_TOKEN_LENGTH) {
      return withCors(request, tenant, jsonError(400, "invalid_token", "The body must be the session's bearer token."));
    }
    if (!(await sessionIsLive(live, token))) {
      return withCors(request, tenant, jsonError(401, "invalid_token", "That token is not a live session."));
    }
    return withCors(request, tenant, answer({ kept: true }, await cookie.serialize(token)));
  }
  const kept: unknown = await cookie.parse(request.headers.get("cookie"));
  const token = typeof kept === "string" && kept.length <= MAX_TOKEN_LENGTH ? kept : null;
  if (token && (await sessionIsLive(live, token))) return withCors(request, tenant, answer({ token }));
  // Revoked, expired or never kept: the widget is signed out, and a dead cookie goes.
  const clear = token ? await cookie.serialize("", { maxAge: 0 }) : null;
  return withCors(request, tenant, answer({ token: null }, clear));
}

/**
 * HttpOnly, scoped to the tenant's widget-session path. Across sites the cookie must be
 * `SameSite=None; Secure` (browsers keep Secure cookies from https and from localhost), and
 * `Partitioned` (CHIPS) keeps it working where third-party cookies are blocked: it is then kept
 * per top-level site. Over plain http on another host it falls back to `Lax`: same site only.
 */
function keptSessionCookie({ tenant, basePath }: TenantRequestContext) {
  const { publicUrl } = getPortico().env;
  const secure = publicUrl.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(publicUrl.hostname);
  return createCookie(`${tenantCookiePrefix(tenant)}.widget_session`, {
    path: `${basePath}/api/widget-session`,
    httpOnly: true,
    secure,
    sameSite: secure ? "none" : "lax",
    partitioned: secure,
    maxAge: tenant.config.session.expiresIn,
  });
}

async function sessionIsLive(live: TenantRequestContext, token: string): Promise<boolean> {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  const session = await live.auth.api.getSession({ headers, query: { disableCookieCache: true } }).catch(() => null);
  return Boolean(session);
}

function answer(body: unknown, setCookie: string | null = null): Response {
  const headers = new Headers({ "cache-control": "no-store" });
  if (setCookie) headers.set("set-cookie", setCookie);
  return Response.json(body, { headers });
}

function withVary(response: Response): Response {
  response.headers.set("Vary", "Origin");
  return response;
}
