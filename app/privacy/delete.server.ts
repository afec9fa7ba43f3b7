import type { AuditEventInput } from "~/audit/audit.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";

/**
 * Deletes a user for an administrator (console or API key): their sessions, linked accounts
 * and passwords, passkeys, two-factor secrets, organization memberships and team seats (the
 * tenant schema cascades from `user`). Irreversible. The `admin.user.deleted` audit entry
 * becomes the `user.deleted` webhook; audit entries about the user stay until the retention
 * window removes them (docs/security.md).
 */
export async function deleteUserAsAdmin(
  live: LiveTenant,
  user: { id: string; email: string },
  actor: Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">,
): Promise<void> {
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteUser(user.id);
  await getPortico().audit.record({
    ...actor,
    type: "admin.user.deleted",
    target: { type: "user", id: user.id, label: user.email },
  });
}
