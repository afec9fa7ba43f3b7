import type { TenantRequestContext } from "~/tenancy/request.server";
import { corsPreflight, trustedCorsOrigin, withCors } from "./cors.server";

/**
 * The auth API as the widgets reach it from a customer's origin: preflights answered, CORS
 * for trusted origins, and the pending second factor carried in headers instead of a cookie.
 *
 * Why the last part: better-auth keeps "password checked, code still needed" in a signed
 * `two_factor` cookie. Where third-party cookies are blocked (token mode) the browser never
 * sends it back, so the widget would never finish signing in. Like better-auth's bearer
 * plugin does for sessions, the cookie's value travels in `set-two-factor-token` and comes back
 * in `x-two-factor-token`, only for the tenant's trusted origins and only to /two-factor/*.
 */
export async function widgetAuthApi(
  live: TenantRequestContext,
  request: Request,
  forward: (request: Request) => Promise<Response>,
): Promise<Response> {
  if (request.method === "OPTIONS") return corsPreflight(request, live.tenant);
  if (!trustedCorsOrigin(request, live.tenant)) return forward(request);
  const cookieName = (await live.auth.$context).createAuthCookie("two_factor").name;
  const response = await forward(withTwoFactorCookie(request, cookieName));
  return withCors(request, live.tenant, exposeTwoFactorToken(response, cookieName));
}

function withTwoFactorCookie(request: Request, cookieName: string): Request {
  const token = request.headers.get("x-two-factor-token");
  if (!token || !new URL(request.url).pathname.includes("/two-factor/")) return request;
  const headers = new Headers(request.headers);
  const cookie = `${cookieName}=${token}`;
  headers.set("cookie", headers.get("cookie") ? `${headers.get("cookie")}; ${cookie}` : cookie);
  return new Request(request, { headers });
}

function exposeTwoFactorToken(response: Response, cookieName: string): Response {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${cookieName}=`));
  const value = cookie?.slice(cookieName.length + 1).split(";")[0];
  if (!value) return response;
  const headers = new Headers(response.headers);
  headers.set("set-two-factor-token", value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
