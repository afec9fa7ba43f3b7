import { randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";
import { TenantError } from "~/tenancy/tenants.server";
import { ROLES, type Role } from "./roles";

export type Member = { userId: string; email: string; name: string; role: Role; createdAt: Date };

/** Who may administer which tenant: platform accounts and their role per tenant. */
export class MembershipService {
  constructor(private readonly storage: Storage) {}

  /** Gives a platform account a role in a tenant (or changes it). */
  async setRole(tenantId: string, email: string, role: Role): Promise<void> {
    if (!ROLES.includes(role))
      throw new TenantError("invalid_input", `Role must be one of ${ROLES.join(", ")}.`, "role");
    const db = await this.storage.control();
    const user = await db.platformUser.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true },
    });
    if (!user) {
      throw new TenantError("invalid_input", `No platform account uses ${email}; it must sign up first.`, "email");
    }
    await db.membership.upsert({
      where: { tenantId_userId: { tenantId, userId: user.id } },
      create: { id: randomUUID(), tenantId, userId: user.id, role },
      update: { role },
    });
  }

  async list(tenantId: string): Promise<Member[]> {
    const db = await this.storage.control();
    const rows = await db.membership.findMany({
      where: { tenantId },
      include: { user: { select: { email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    });
    return rows.map((row) => ({
      userId: row.userId,
      email: row.user.email,
      name: row.user.name,
      role: row.role as Role,
      createdAt: row.createdAt,
    }));
  }
}
