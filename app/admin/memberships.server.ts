import { randomUUID } from "node:crypto";
import type { ControlDb } from "~/db/clients.server";
import type { Storage } from "~/db/storage.server";
import { retryOnWriteConflict } from "~/db/write-conflicts.server";
import type { TenantEnvironment, TenantStatus } from "~/tenancy/config";
import { TenantError } from "~/tenancy/tenants.server";
import { ROLES, type Role } from "./roles";

export type Member = { userId: string; email: string; name: string; role: Role; createdAt: Date };

/** A tenant as listed for one platform account: enough for the tenant list and pickers. */
export type AccessibleTenant = {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  environment: TenantEnvironment;
  role: Role;
};

export type MembershipErrorCode = "member_not_found" | "last_owner";

export class MembershipError extends Error {
  constructor(
    readonly code: MembershipErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type ControlTransaction = Parameters<Parameters<ControlDb["$transaction"]>[0]>[0];

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
    await this.addMember(tenantId, user.id, role);
  }

  /** Makes the account a member with `role`, or changes the role of an existing member. */
  async addMember(tenantId: string, userId: string, role: Role): Promise<void> {
    const db = await this.storage.control();
    await db.membership.upsert({
      where: { tenantId_userId: { tenantId, userId } },
      create: { id: randomUUID(), tenantId, userId, role },
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

  async roleOf(tenantId: string, userId: string): Promise<Role | null> {
    const db = await this.storage.control();
    const row = await db.membership.findUnique({
      where: { tenantId_userId: { tenantId, userId } },
      select: { role: true },
    });
    return row ? (row.role as Role) : null;
  }

  /** Every tenant the account is a member of, by name. */
  async accessibleTenants(userId: string): Promise<AccessibleTenant[]> {
    const db = await this.storage.control();
    const rows = await db.membership.findMany({
      where: { userId },
      include: { tenant: { select: { id: true, slug: true, name: true, status: true, environment: true } } },
    });
    return rows
      .map(({ tenant, role }) => ({
        ...tenant,
        status: tenant.status as TenantStatus,
        environment: tenant.environment as TenantEnvironment,
        role: role as Role,
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
  }

  /** Changes a member's role; the tenant's last owner cannot be demoted. */
  async changeRole(tenantId: string, userId: string, role: Role): Promise<Member> {
    return this.#withOwnerGuard(tenantId, userId, role === "owner", async (db) => {
      await db.membership.update({ where: { tenantId_userId: { tenantId, userId } }, data: { role } });
    });
  }

  /** Removes a member; the tenant's last owner cannot be removed. */
  async remove(tenantId: string, userId: string): Promise<Member> {
    return this.#withOwnerGuard(tenantId, userId, false, async (db) => {
      await db.membership.delete({ where: { tenantId_userId: { tenantId, userId } } });
    });
  }

  /**
   * Runs a change to one member inside a transaction that first checks the tenant keeps an
   * owner afterwards (`staysOwner` says whether the member is still an owner after it).
   */
  async #withOwnerGuard(
    tenantId: string,
    userId: string,
    staysOwner: boolean,
    change: (tx: ControlTransaction) => Promise<void>,
  ): Promise<Member> {
    const db = await this.storage.control();
    return retryOnWriteConflict(() =>
      db.$transaction(async (tx) => {
        const member = await tx.membership.findUnique({
          where: { tenantId_userId: { tenantId, userId } },
          include: { user: { select: { email: true, name: true } } },
        });
        if (!member) throw new MembershipError("member_not_found", "That account is not a member of this tenant.");
        if (member.role === "owner" && !staysOwner) {
          const owners = await tx.membership.count({ where: { tenantId, role: "owner" } });
          if (owners <= 1)
            throw new MembershipError(
              "last_owner",
              "A tenant needs at least one owner. Make someone else an owner first.",
            );
        }
        await change(tx);
        return {
          userId,
          email: member.user.email,
          name: member.user.name,
          role: member.role as Role,
          createdAt: member.createdAt,
        };
      }),
    );
  }
}
