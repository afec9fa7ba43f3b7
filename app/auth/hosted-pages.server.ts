import { safeRedirectTarget } from "~/auth/redirect.server";
import { tenantTrustedOrigins } from "~/auth/tenant-urls";
import { getPortico } from "~/context.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/** The request's `redirectTo`, kept only when it is safe to send the user there. */
export function redirectParam(request: Request, live: TenantRequestContext): string | null {
  const url = new URL(request.url);
  return safeRedirectTarget(url.searchParams.get("redirectTo"), {
    requestOrigin: url.origin,
    basePath: live.basePath,
    trustedOrigins: tenantTrustedOrigins(live.tenant, getPortico().env.publicUrl),
  });
}

/** Where a signed-in user goes: a safe `redirectTo`, else the tenant's account page. */
export function afterSignInTarget(request: Request, live: TenantRequestContext): string {
  return redirectParam(request, live) ?? `${live.basePath}/account`;
}
