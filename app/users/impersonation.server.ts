import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { expiredSessionCookies, sessionCookies } from "~/auth/session-cookies.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { isBanActive } from "./search.server";
import type { TenantUser } from "./tenant-users.server";

/**
 * Impersonation from the console. The admin plugin's own endpoint wants a tenant-admin
 * session, which platform accounts do not have, so the console creates the session itself:
 * a one-hour session for the user, marked with the platform account in `impersonatedBy`, and
 * the tenant's session cookie for it in the admin's browser.
 */
export const IMPERSONATION_SECONDS = 60 * 60;

export async function startImpersonation(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
): Promise<{ ok: true; setCookies: string[] } | { ok: false; message: string }> {
  // The admin plugin refuses sessions for banned users; say why rather than fail.
  if (isBanActive(user)) return { ok: false, message: `${user.email} is banned. Unban them before impersonating.` };
  const { internalAdapter } = await live.auth.$context;
  const expiresAt = new Date(Date.now() + IMPERSONATION_SECONDS * 1000);
  const session = await internalAdapter.createSession(
    user.id,
    true,
    {
      impersonatedBy: access.user.id,
      expiresAt,
      ipAddress: request.headers.get(CLIENT_IP_HEADER) ?? "",
      userAgent: request.headers.get("user-agent") ?? "",
    },
    true,
  );
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.user.impersonated",
    target: { type: "user", id: user.id, label: user.email },
    data: { sessionId: session.id, expiresAt: expiresAt.toISOString() },
  });
  return {
    ok: true,
    setCookies: await sessionCookies(live.auth, session.token, { maxAge: IMPERSONATION_SECONDS, dontRemember: true }),
  };
}

/** The banner's facts when the signed-in session is an impersonation, else null. */
export function describeImpersonation(session: { impersonatedBy?: string | null; expiresAt: Date }) {
  // Written in the page's language by the `{until, datetime}` placeholder.
  return session.impersonatedBy ? { until: session.expiresAt.toISOString() } : null;
}

/**
 * "End impersonation": deletes the impersonation session and its cookies. Returns the user
 * who was impersonated, or null when the session is not an impersonation.
 */
export async function endImpersonation(
  live: TenantRequestContext,
  request: Request,
): Promise<{ userId: string; setCookies: string[] } | null> {
  const signedIn = await live.auth.api.getSession({ headers: request.headers });
  const impersonatedBy = signedIn?.session.impersonatedBy;
  if (!signedIn || !impersonatedBy) return null;
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteSession(signedIn.session.token);
  const control = await getPortico().storage.control();
  const admin = await control.platformUser.findUnique({ where: { id: impersonatedBy }, select: { email: true } });
  await getPortico().audit.record({
    tenantId: live.tenant.id,
    type: "admin.user.impersonation_ended",
    actor: { type: "platform_user", id: impersonatedBy, label: admin?.email ?? impersonatedBy },
    target: { type: "user", id: signedIn.user.id, label: signedIn.user.email },
    ipAddress: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
    data: { sessionId: signedIn.session.id },
  });
  return { userId: signedIn.user.id, setCookies: await expiredSessionCookies(live.auth) };
}
