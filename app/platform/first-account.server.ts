import type { AuditLog } from "~/audit/audit.server";
import type { Storage } from "~/db/storage.server";

/**
 * The first platform account ever created becomes owner of every tenant that has no owner,
 * so a fresh deployment's tenants (the quickstart's `demo`, tenants made with the CLI before
 * anyone signed up) can be administered from the console. Later accounts get nothing here.
 * The first account is also taken as verified (decision 0011): it is the operator setting up
 * a fresh install, often before any mail server exists, and no invitation can be waiting for
 * its address. Returns the slugs of the tenants it now owns.
 */
export async function claimOwnerlessTenantsForFirstAccount(
  { storage, audit }: { storage: Storage; audit: AuditLog },
  user: { id: string; email: string },
): Promise<string[]> {
  const db = await storage.control();
  const first = await db.platformUser.findFirst({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (first?.id !== user.id) return [];
  await db.platformUser.update({ where: { id: user.id }, data: { emailVerified: true } });
  const ownerless = await db.tenant.findMany({
    where: { memberships: { none: { role: "owner" } } },
    select: { id: true, slug: true },
  });
  for (const tenant of ownerless) {
    await db.membership.upsert({
      where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
      create: { id: crypto.randomUUID(), tenantId: tenant.id, userId: user.id, role: "owner" },
      update: { role: "owner" },
    });
    await audit.record({
      tenantId: tenant.id,
      type: "admin.member.first_owner",
      actor: { type: "system", label: "first platform account" },
      target: { type: "platform_user", id: user.id, label: user.email },
      data: { role: "owner", reason: "The first platform account owns every tenant that had no owner." },
    });
  }
  return ownerless.map((tenant) => tenant.slug);
}
