import { authRequestOnDomain } from "~/auth/custom-domain-base-url.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { handleOnHost } from "~/oauth-provider/issuer.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/** Hands a request to the tenant's better-auth handler, scoping cookies to a custom domain. */
export async function forwardToTenantAuth(live: TenantRequestContext, request: Request): Promise<Response> {
  const onDomain = authRequestOnDomain(request, live.tenant.slug);
  const response = await handleOnHost(live, onDomain, () => live.auth.handler(onDomain));
  if (!live.hostMode) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookiesForHost(response.headers.getSetCookie(), live)) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
