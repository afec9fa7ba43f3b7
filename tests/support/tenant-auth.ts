import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { LiveTenant } from "~/tenancy/registry.server";

/**
 * Calls a live tenant's better-auth handler as a browser on `publicUrl` would (same-origin, a
 * fixed client IP): a JSON POST when there is a body, else a GET.
 */
export function callTenantAuth(
  live: LiveTenant,
  publicUrl: string,
  endpoint: string,
  { body, cookie }: { body?: unknown; cookie?: string } = {},
): Promise<Response> {
  const headers = new Headers({ origin: publicUrl, [CLIENT_IP_HEADER]: "10.9.8.7" });
  if (body !== undefined) headers.set("content-type", "application/json");
  if (cookie) headers.set("cookie", cookie);
  return live.auth.handler(
    new Request(`${publicUrl}/t/${live.tenant.slug}/api/auth/${endpoint}`, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** The `name=value` pairs of a response's Set-Cookie lines, as a Cookie header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}
