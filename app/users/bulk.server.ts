import { z } from "zod";
import { deleteUserAsAdmin } from "~/privacy/delete.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { banTenantUser } from "./bans.server";
import { revokeAllSessionsOf } from "./sessions.server";
import { parseInput, type UserActor } from "./user-errors.server";

/**
 * One action on many users at once (the console's list). Bounded, so one request stays short
 * and its audit trail readable; each user goes through the same capability as a single
 * change, so each gets its own audit entry and webhook event.
 */
export const MAX_BULK_USERS = 100;

export const BULK_ACTIONS = {
  ban: { verb: "Ban", done: "banned" },
  delete: { verb: "Delete", done: "deleted" },
  "revoke-sessions": { verb: "Sign out", done: "signed out everywhere" },
} as const;
export type BulkAction = keyof typeof BULK_ACTIONS;

export const BulkInput = z.strictObject({
  action: z.enum(Object.keys(BULK_ACTIONS) as [BulkAction], { error: "Choose ban, delete or revoke-sessions." }),
  userIds: z
    .array(z.string().trim().min(1).max(100), { error: "Select at least one user." })
    .min(1, "Select at least one user.")
    .max(MAX_BULK_USERS, `Select at most ${MAX_BULK_USERS} users at a time.`)
    .transform((ids) => [...new Set(ids)]),
});

/** "3 users banned", "1 user deleted". */
export function bulkSummary(action: BulkAction, count: number): string {
  return `${count} ${count === 1 ? "user" : "users"} ${BULK_ACTIONS[action].done}`;
}

/** The selected users that exist in this tenant (ids of other tenants are simply not found). */
export async function selectedUsers(live: LiveTenant, userIds: string[]) {
  const users = await live.db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
  return users;
}

export async function bulkUserAction(
  live: LiveTenant,
  who: UserActor,
  input: { action: string; userIds: string[] },
): Promise<{ action: BulkAction; done: { id: string; email: string }[]; notFound: number }> {
  const { action, userIds } = parseInput(BulkInput, input);
  const users = await selectedUsers(live, userIds);
  // One after another: each is a few writes, and a tenant's SQLite database has one writer anyway.
  for (const user of users) {
    if (action === "ban") await banTenantUser(live, who, { userId: user.id });
    else if (action === "delete") await deleteUserAsAdmin(live, user, who);
    else await revokeAllSessionsOf(live, who, { userId: user.id });
  }
  return { action, done: users, notFound: userIds.length - users.length };
}
