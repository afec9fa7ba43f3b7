import { redirect } from "@remix-run/node";
import { getPortico } from "~/context.server";
import { oncePerRequest } from "~/http/request-scope.server";
import { PLATFORM_VERIFY_PATH } from "./verification.server";

export type PlatformUser = { id: string; name: string; email: string; emailVerified: boolean };

/** The signed-in platform account (verified or not), or null. */
export function getPlatformUser(request: Request): Promise<PlatformUser | null> {
  // Asked by every layout of a console page: looked up once per page view.
  return oncePerRequest(`platform-user:${request.headers.get("cookie") ?? ""}`, async () => {
    const { platformAuth } = await getPortico().platform();
    const session = await platformAuth.api.getSession({ headers: request.headers });
    if (!session) return null;
    const { id, name, email, emailVerified } = session.user;
    return { id, name, email, emailVerified };
  });
}

function backHere(request: Request): string {
  const url = new URL(request.url);
  return encodeURIComponent(`${url.pathname}${url.search}`);
}

/**
 * The signed-in platform account with a verified address. Signed out: a redirect to /sign-in;
 * not verified yet: to the "check your email" page. Either comes back here afterwards. Every
 * console page, invitation acceptance and the outbox go through this, so an unverified
 * account is granted nothing.
 */
export async function requirePlatformUser(request: Request): Promise<PlatformUser> {
  const user = await getPlatformUser(request);
  if (!user) throw redirect(`/sign-in?redirectTo=${backHere(request)}`);
  if (!user.emailVerified) throw redirect(`${PLATFORM_VERIFY_PATH}?redirectTo=${backHere(request)}`);
  return user;
}
