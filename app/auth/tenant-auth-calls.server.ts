import { tenantAuthUrl } from "~/auth/custom-domain-base-url.server";
import { getPortico } from "~/context.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantRequestContext } from "~/tenancy/request.server";

/**
 * How a hosted page's server-side action talks to the tenant's better-auth: as the browser
 * would, through the HTTP handler, and what it does with the cookies that come back. Shared by
 * the sign-in forms (hosted-forms.server.ts) and the second factor's pages.
 */

/** `redirectTo`: a next step before the usual target (the second factor, its required set-up). */
export type FormSuccess = { ok: true; setCookies: string[]; redirectTo?: string };

/** Calls one of the tenant's better-auth endpoints as the browser would, with its cookies. */
export async function callTenantAuth(
  live: TenantRequestContext,
  request: Request,
  endpoint: string,
  body: unknown,
  extraHeaders: Record<string, string> = {},
) {
  const { publicUrl } = getPortico().env;
  // extraHeaders: the bot-protection proof (app/bot-protection/hosted.server.ts).
  const headers = new Headers({ ...extraHeaders, "content-type": "application/json" });
  for (const name of ["cookie", "origin", "user-agent", "accept-language", CLIENT_IP_HEADER]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // better-auth judges the Origin against the tenant's trusted origins; a custom domain's own
  // origin is one of them, and the shared host's is the public URL.
  if (!headers.has("origin")) headers.set("origin", publicUrl.origin);
  const url = `${tenantAuthUrl(publicUrl, live.tenant.slug)}${endpoint}`;
  return live.auth.handler(new Request(url, { method: "POST", headers, body: JSON.stringify(body) }));
}

/** On a custom domain the tenant owns the whole host, so its cookies are scoped to "/". */
export function cookiesForHost(setCookies: string[], live: TenantRequestContext): string[] {
  if (!live.hostMode) return setCookies;
  const sharedPath = `Path=/t/${live.tenant.slug}`;
  return setCookies.map((cookie) => cookie.replace(new RegExp(`${sharedPath}(?=;|$)`, "i"), "Path=/"));
}
