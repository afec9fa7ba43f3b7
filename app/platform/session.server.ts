import { redirect } from "@remix-run/node";
import { getPortico } from "~/context.server";

export type PlatformUser = { id: string; name: string; email: string };

/** The signed-in platform account, or null. */
export async function getPlatformUser(request: Request): Promise<PlatformUser | null> {
  const { platformAuth } = await getPortico().platform();
  const session = await platformAuth.api.getSession({ headers: request.headers });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}

/** The signed-in platform account, or a redirect to /sign-in that comes back here afterwards. */
export async function requirePlatformUser(request: Request): Promise<PlatformUser> {
  const user = await getPlatformUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
}
