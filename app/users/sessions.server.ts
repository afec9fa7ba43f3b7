import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantUser } from "./tenant-users.server";

/** Ends one of the user's sessions; a session id of another user or tenant is a 404. */
export async function revokeUserSession(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
  sessionId: string,
) {
  const session = await live.db.session.findFirst({
    where: { id: sessionId.slice(0, 100), userId: user.id },
    select: { id: true, token: true },
  });
  if (!session) throw new Response("There is no such session for this user.", { status: 404 });
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteSession(session.token);
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.user.session_revoked",
    target: { type: "user", id: user.id, label: user.email },
    data: { sessionId: session.id },
  });
  return { ok: true as const, message: "Session revoked." };
}

/** Signs the user out everywhere: every browser and device must sign in again. */
export async function revokeAllUserSessions(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
) {
  const count = await live.db.session.count({ where: { userId: user.id } });
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteUserSessions(user.id);
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.user.sessions_revoked",
    target: { type: "user", id: user.id, label: user.email },
    data: { count },
  });
  return { ok: true as const, message: `${user.email} was signed out everywhere.` };
}
