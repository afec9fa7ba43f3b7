import { redirect } from "@remix-run/node";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/** The signed-in user, or a thrown redirect to sign-in that comes back to this page. */
export async function requireHostedUser(live: TenantRequestContext, request: Request) {
  const signedIn = await getSignedInUser(live, request);
  if (signedIn) return signedIn;
  const here = new URL(request.url);
  const back = `${live.basePath}${here.pathname.replace(/^\/t\/[^/]+/, "")}${here.search}`;
  throw redirect(`${live.basePath}/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/** Refuses a form posted from a page the tenant does not trust (403), as every hosted form does. */
export function requireTrustedFormPost(live: TenantRequestContext, request: Request) {
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
}

/** A redirect carrying better-auth's cookies, scoped to a custom domain when the tenant is on one. */
export function redirectWithCookies(live: TenantRequestContext, to: string, setCookies: string[]) {
  const headers = new Headers();
  for (const cookie of cookiesForHost(setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(to, { headers });
}

/** 404 unless the tenant has organizations on. */
export function requireOrganizationsEnabled(live: TenantRequestContext) {
  if (!live.tenant.config.authMethods.organizations.enabled) throw new Response("Not found.", { status: 404 });
}
