import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantUser } from "./tenant-users.server";
import { parseInput, requireUserRow, UserError, type UserActor } from "./user-errors.server";
import { UserRef } from "./user-input";

const SessionRef = UserRef.extend({ sessionId: UserRef.shape.userId });

/** Ends one of the user's sessions; a session id of another user or tenant is not found. */
export async function revokeSessionOf(live: LiveTenant, who: UserActor, input: { userId: string; sessionId: string }) {
  const { userId, sessionId } = parseInput(SessionRef, input);
  const user = await requireUserRow(live.db, userId);
  const session = await live.db.session.findFirst({
    where: { id: sessionId, userId: user.id },
    select: { id: true, token: true },
  });
  if (!session) throw new UserError("not_found", "There is no such session for this user.");
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteSession(session.token);
  await getPortico().audit.record({
    ...who,
    type: "admin.user.session_revoked",
    target: { type: "user", id: user.id, label: user.email },
    data: { sessionId: session.id },
  });
  return { userId: user.id, sessionId: session.id };
}

/** Signs the user out everywhere: every browser and device must sign in again. */
export async function revokeAllSessionsOf(live: LiveTenant, who: UserActor, input: { userId: string }) {
  const { userId } = parseInput(UserRef, input);
  const user = await requireUserRow(live.db, userId);
  const count = await live.db.session.count({ where: { userId: user.id } });
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteUserSessions(user.id);
  await getPortico().audit.record({
    ...who,
    type: "admin.user.sessions_revoked",
    target: { type: "user", id: user.id, label: user.email },
    data: { count },
  });
  return { userId: user.id, revoked: count };
}

export async function revokeUserSession(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
  sessionId: string,
) {
  try {
    await revokeSessionOf(live, adminActor(access, request), { userId: user.id, sessionId: sessionId.slice(0, 100) });
  } catch (error) {
    if (error instanceof UserError) throw new Response("There is no such session for this user.", { status: 404 });
    throw error;
  }
  return { ok: true as const, message: "Session revoked." };
}

export async function revokeAllUserSessions(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
) {
  await revokeAllSessionsOf(live, adminActor(access, request), { userId: user.id });
  return { ok: true as const, message: `${user.email} was signed out everywhere.` };
}
