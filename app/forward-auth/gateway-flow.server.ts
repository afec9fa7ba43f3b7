import { safeRedirectTarget } from "~/auth/redirect.server";
import { tenantBasePath, tenantTrustedOrigins } from "~/auth/tenant-urls";
import type { LiveTenant } from "~/tenancy/registry.server";
import {
  CALLBACK_PATH,
  clearedGatewayCookie,
  isGatewayState,
  issueGatewayCode,
  redeemGatewayCode,
  sessionCookieValue,
} from "./gateway-cookie.server";
import { ForwardedRequestError } from "./forwarded-request.server";
import { ruleCoversHost } from "./rules";

/**
 * The browser's way through a gateway (decision 0014): the gateway's 302 goes to the hosted
 * sign-in with `redirectTo` = this tenant's `/forward-auth/authorize?rd=<original URL>`;
 * authorize (on Portico's host, where the session cookie is) sends a one-time code to the
 * protected host's `/.portico/callback`, which the gateway forwards to `/forward-auth/callback`.
 */
export type FlowContext = { publicUrl: URL; secret: string };

/**
 * `raw` when it is an http(s) URL on a host the tenant trusts (its trusted origins, custom
 * domains, or a host one of its forward-auth rules names), else null: never an open redirect.
 */
export function trustedReturnUrl(live: LiveTenant, raw: string | null, publicUrl: URL): string | null {
  if (!raw || !/^https?:\/\//i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const trustedOrigins = tenantTrustedOrigins(live.tenant, publicUrl);
  if (ruleCoversHost(live.tenant.config.forwardAuth.rules, url.hostname)) trustedOrigins.push(url.origin);
  const target = safeRedirectTarget(raw, {
    requestOrigin: publicUrl.origin,
    basePath: tenantBasePath(live.tenant.slug),
    trustedOrigins,
  });
  // Portico's own pages are not a gateway's app; a relative answer means one of them.
  return target && /^https?:\/\//i.test(target) ? target : null;
}

export function authorizePath(slug: string, returnTo: string, state: string): string {
  return `${tenantBasePath(slug)}/forward-auth/authorize?rd=${encodeURIComponent(returnTo)}&state=${state}`;
}

/** The hosted sign-in, coming back to authorize (and from there to `returnTo`). */
export function signInUrl(slug: string, returnTo: string, state: string, publicUrl: URL): string {
  const redirectTo = encodeURIComponent(authorizePath(slug, returnTo, state));
  return `${publicUrl.origin}${tenantBasePath(slug)}/sign-in?redirectTo=${redirectTo}`;
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function redirect(location: string, setCookies: string[] = []): Response {
  const headers = new Headers({ Location: location });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 302, headers });
}

/** GET /t/<slug>/forward-auth/authorize?rd=<url>: a code for the protected host, or sign in first. */
export async function authorize(live: LiveTenant, request: Request, { publicUrl }: FlowContext): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const returnTo = trustedReturnUrl(live, query.get("rd"), publicUrl);
  if (!returnTo) return text(400, "rd: the address to return to is missing or on a host this tenant does not trust.");
  const state = query.get("state");
  if (!isGatewayState(state)) return text(400, "state: missing or malformed. Open the page of the app again.");
  const cookie = await sessionCookieValue(live, request.headers);
  const session = cookie ? await live.auth.api.getSession({ headers: request.headers }).catch(() => null) : null;
  if (!cookie || !session) return redirect(signInUrl(live.tenant.slug, returnTo, state, publicUrl));
  const code = await issueGatewayCode(live, { session: cookie, returnTo, state });
  return redirect(`${new URL(returnTo).origin}${CALLBACK_PATH}?code=${code}`);
}

/** Where the gateway's forwarded callback was sent: X-Forwarded-Host and -Proto are required. */
function protectedOrigin(request: Request): { host: string; https: boolean } {
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim().toLowerCase();
  if (!host || !/^[a-z0-9.\-[\]:]+$/.test(host))
    throw new ForwardedRequestError("X-Forwarded-Host", "Send the protected host in X-Forwarded-Host.");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() ?? "https";
  return { host, https: proto !== "http" };
}

/** GET /t/<slug>/forward-auth/callback?code=…, reached through the gateway on the protected host. */
export async function callback(live: LiveTenant, request: Request, { secret }: FlowContext): Promise<Response> {
  const { host, https } = protectedOrigin(request);
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const cookieHeader = request.headers.get("cookie") ?? "";
  const redeemed = await redeemGatewayCode(
    live,
    { code, cookieHeader },
    {
      host,
      https,
      secret,
      maxAgeSeconds: live.tenant.config.session.expiresIn,
    },
  );
  if (!redeemed.ok) return text(400, `code: ${redeemed.reason}`);
  return redirect(redeemed.returnTo, redeemed.setCookies);
}

/** GET /t/<slug>/forward-auth/sign-out through the gateway: forgets this host's cookie. */
export function signOut(live: LiveTenant, request: Request): Response {
  const { https } = protectedOrigin(request);
  return redirect("/", [clearedGatewayCookie(live.tenant.id, https)]);
}
