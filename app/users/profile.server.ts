import { getPortico } from "~/context.server";
import type { TenantDb } from "~/db/clients.server";
import { sessionsChanged } from "~/sessions/session-cache.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { parseInput, requireUserRow, UserError, type UserActor } from "./user-errors.server";
import { UserChangesSchema, UserRef, type UserChanges } from "./user-input";

/**
 * An admin's changes to a user's profile (console and /api/v1 alike). A new email address is
 * unverified, since nobody has proven they receive mail there, unless the same change marks
 * it verified. Each change is one `admin.user.updated` audit entry naming the fields, which
 * is also the `user.updated` webhook.
 */
const emailTaken = () =>
  new UserError("email_taken", "A user with this email already exists.", [
    { field: "email", message: "A user with this email already exists." },
  ]);
const externalIdTaken = () =>
  new UserError("external_id_taken", "Another user already has this externalId.", [
    { field: "externalId", message: "Another user already has this externalId." },
  ]);

/** Prisma's unique-constraint violation, with the columns it names, or null. */
function uniqueViolation(error: unknown): string | null {
  if ((error as { code?: string })?.code !== "P2002") return null;
  const target = (error as { meta?: { target?: unknown } }).meta?.target;
  return JSON.stringify(target ?? "") + String((error as Error).message);
}

export async function assertExternalIdFree(db: TenantDb, externalId: string | undefined | null, exceptUserId?: string) {
  if (!externalId) return;
  const owner = await db.user.findUnique({ where: { externalId }, select: { id: true } });
  if (owner && owner.id !== exceptUserId) throw externalIdTaken();
}

/** Changes the fields sent; metadata objects replace the stored ones. Returns the fields that changed. */
export async function updateUserProfile(
  live: LiveTenant,
  who: UserActor,
  input: { userId: string; changes: UserChanges },
): Promise<{ userId: string; fields: string[] }> {
  const { userId } = parseInput(UserRef, { userId: input.userId });
  const changes = parseInput(UserChangesSchema, input.changes);
  const before = await requireUserRow(live.db, userId);
  const emailChanged = changes.email !== undefined && changes.email !== before.email;
  if (emailChanged && (await live.db.user.findUnique({ where: { email: changes.email }, select: { id: true } })))
    throw emailTaken();
  await assertExternalIdFree(live.db, changes.externalId, before.id);
  const { publicMetadata, privateMetadata, ...fields } = changes;
  const emailVerified = changes.emailVerified ?? (emailChanged ? false : undefined);
  try {
    await live.db.user.update({
      where: { id: before.id },
      data: {
        ...fields,
        ...(emailVerified === undefined ? {} : { emailVerified }),
        ...(publicMetadata ? { publicMetadata: JSON.stringify(publicMetadata) } : {}),
        ...(privateMetadata ? { privateMetadata: JSON.stringify(privateMetadata) } : {}),
        updatedAt: new Date(),
      },
    });
  } catch (error) {
    const target = uniqueViolation(error);
    if (target?.includes("externalId")) throw externalIdTaken();
    if (target) throw emailTaken();
    throw error;
  }
  // Written with Prisma, not through better-auth: cached get-sessions must show it at once.
  sessionsChanged({ tenantId: live.tenant.id, userId: before.id });
  const changed = Object.keys(changes);
  if (emailVerified === false && !changed.includes("emailVerified")) changed.push("emailVerified");
  await getPortico().audit.record({
    ...who,
    type: "admin.user.updated",
    target: { type: "user", id: before.id, label: changes.email ?? before.email },
    data: { fields: changed, ...(emailChanged ? { previousEmail: before.email } : {}) },
  });
  return { userId: before.id, fields: changed };
}

/** Marks the user's email address as verified, as if they had followed a verification link. */
export async function markEmailVerified(live: LiveTenant, who: UserActor, input: { userId: string }) {
  return updateUserProfile(live, who, { userId: input.userId, changes: { emailVerified: true } });
}
