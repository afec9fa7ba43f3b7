import { z } from "zod";
import { getPortico } from "~/context.server";
import { sessionsChanged } from "~/sessions/session-cache.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { parseInput, requireUserRow, UserError, type UserActor } from "./user-errors.server";
import { UserRef } from "./user-input";

/**
 * Admin resets of a user's second factors, for a user who lost their phone or security key.
 * A reset also ends all of the user's sessions: a session may have been opened with the factor
 * being reset (a stolen device), and afterwards the account is guarded by less than before, so
 * every device proves itself again with what remains (the password, a magic link…).
 * Each reset is one audit entry (`admin.user.two_factor_reset`, `admin.user.passkeys_removed`)
 * sent to webhooks as `user.updated`.
 */
async function endSessions(live: LiveTenant, userId: string): Promise<number> {
  const count = await live.db.session.count({ where: { userId } });
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteUserSessions(userId);
  return count;
}

/** Removes the TOTP secret and backup codes and turns two-factor off for the user. */
export async function resetTwoFactor(live: LiveTenant, who: UserActor, input: { userId: string }) {
  const { userId } = parseInput(UserRef, input);
  const user = await requireUserRow(live.db, userId);
  const { count: secretsRemoved } = await live.db.twoFactor.deleteMany({ where: { userId: user.id } });
  // With Prisma: better-auth drops the field when the tenant has two-factor turned off now.
  await live.db.user.update({ where: { id: user.id }, data: { twoFactorEnabled: false, updatedAt: new Date() } });
  sessionsChanged({ tenantId: live.tenant.id, userId: user.id });
  const sessionsRevoked = await endSessions(live, user.id);
  await getPortico().audit.record({
    ...who,
    type: "admin.user.two_factor_reset",
    target: { type: "user", id: user.id, label: user.email },
    data: { fields: ["twoFactorEnabled"], wasEnabled: Boolean(user.twoFactorEnabled), secretsRemoved, sessionsRevoked },
  });
  return { userId: user.id, wasEnabled: Boolean(user.twoFactorEnabled), sessionsRevoked };
}

const RemovePasskeysInput = UserRef.extend({
  passkeyId: z.string().trim().min(1, "Choose a passkey.").max(200).optional(),
});

/** Removes one of the user's passkeys (by id) or all of them. */
export async function removePasskeys(live: LiveTenant, who: UserActor, input: { userId: string; passkeyId?: string }) {
  const { userId, passkeyId } = parseInput(RemovePasskeysInput, input);
  const user = await requireUserRow(live.db, userId);
  if (passkeyId) {
    const passkey = await live.db.passkey.findFirst({
      where: { id: passkeyId, userId: user.id },
      select: { id: true },
    });
    if (!passkey) throw new UserError("not_found", "This user has no such passkey.");
  }
  const { count: removed } = await live.db.passkey.deleteMany({
    where: { userId: user.id, ...(passkeyId ? { id: passkeyId } : {}) },
  });
  const sessionsRevoked = removed > 0 ? await endSessions(live, user.id) : 0;
  await getPortico().audit.record({
    ...who,
    type: "admin.user.passkeys_removed",
    target: { type: "user", id: user.id, label: user.email },
    data: { fields: ["passkeys"], removed, ...(passkeyId ? { passkeyId } : {}), sessionsRevoked },
  });
  return { userId: user.id, removed, sessionsRevoked };
}
