import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MembershipService } from "~/admin/memberships.server";
import { AuditLog } from "~/audit/audit.server";
import type { Provider } from "~/db/paths.server";
import { claimOwnerlessTenantsForFirstAccount } from "~/platform/first-account.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "memberships-test-deployment-secret".padEnd(48, "z");

describe.each(testProviders())("memberships on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let memberships: MembershipService;
  let audit: AuditLog;
  let acme: Tenant;

  async function platformUser(email: string, createdAt = new Date()) {
    const db = await test.storage.control();
    const id = crypto.randomUUID();
    await db.platformUser.create({ data: { id, email, name: email, createdAt } });
    return { id, email };
  }

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    memberships = new MembershipService(test.storage);
    audit = new AuditLog(test.storage);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => {
    await resetTestStorage(test);
    const db = await test.storage.control();
    await db.platformUser.deleteMany();
    await db.auditEvent.deleteMany();
    acme = await tenants.create({ slug: "acme", name: "Acme", environment: "production" });
  });

  it("never leaves a tenant without an owner", async () => {
    const olive = await platformUser("olive@example.com");
    const pat = await platformUser("pat@example.com");
    await memberships.addMember(acme.id, olive.id, "owner");
    await memberships.addMember(acme.id, pat.id, "viewer");
    await expect(memberships.changeRole(acme.id, olive.id, "admin")).rejects.toMatchObject({ code: "last_owner" });
    await expect(memberships.remove(acme.id, olive.id)).rejects.toMatchObject({ code: "last_owner" });
    expect(await memberships.roleOf(acme.id, olive.id)).toBe("owner");

    await memberships.changeRole(acme.id, pat.id, "owner");
    expect(await memberships.changeRole(acme.id, olive.id, "viewer")).toMatchObject({ role: "owner" });
    await memberships.remove(acme.id, olive.id);
    expect((await memberships.list(acme.id)).map((m) => [m.email, m.role])).toEqual([["pat@example.com", "owner"]]);
  });

  it("finds no member of another tenant", async () => {
    const other = await tenants.create({ slug: "other", name: "Other" });
    const olive = await platformUser("olive@example.com");
    await memberships.addMember(other.id, olive.id, "owner");
    await expect(memberships.remove(acme.id, olive.id)).rejects.toMatchObject({ code: "member_not_found" });
    await expect(memberships.changeRole(acme.id, olive.id, "viewer")).rejects.toMatchObject({
      code: "member_not_found",
    });
    expect(await memberships.accessibleTenants(olive.id)).toEqual([
      { id: other.id, slug: "other", name: "Other", status: "active", environment: "development", role: "owner" },
    ]);
  });

  it("makes the first platform account owner of every ownerless tenant, and nobody after it", async () => {
    const owned = await tenants.create({ slug: "owned", name: "Owned" });
    const first = await platformUser("first@example.com", new Date("2030-01-01T00:00:00Z"));
    const second = await platformUser("second@example.com", new Date("2030-01-02T00:00:00Z"));
    await memberships.addMember(owned.id, second.id, "owner");

    expect(await claimOwnerlessTenantsForFirstAccount({ storage: test.storage, audit }, second)).toEqual([]);
    expect(await claimOwnerlessTenantsForFirstAccount({ storage: test.storage, audit }, first)).toEqual(["acme"]);
    expect(await memberships.roleOf(acme.id, first.id)).toBe("owner");
    expect(await memberships.roleOf(owned.id, first.id)).toBeNull();
    const events = await audit.list({ tenantId: acme.id, type: "admin.member.first_owner" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetId: first.id, targetLabel: "first@example.com", actorType: "system" });
  });
});
