import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvitationError, InvitationService, hashInvitationToken } from "~/admin/invitations.server";
import { MembershipService } from "~/admin/memberships.server";
import type { Provider } from "~/db/paths.server";
import { EmailOutbox } from "~/email/outbox.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "invitations-test-deployment-secret".padEnd(48, "z");
const PUBLIC_URL = new URL("http://localhost:3999");
const DAY = 24 * 60 * 60 * 1000;

describe.each(testProviders())("invitations on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let outbox: EmailOutbox;
  let memberships: MembershipService;
  let now: Date;
  let invitations: InvitationService;
  let tenant: Tenant;
  const owner = { id: "", name: "Olive Owner", email: "olive@example.com" };

  async function platformUser(email: string, { emailVerified = true } = {}) {
    const db = await test.storage.control();
    const id = crypto.randomUUID();
    await db.platformUser.create({ data: { id, email, name: email.split("@")[0]!, emailVerified } });
    return { id, email };
  }

  /** The link in the last email sent to `to`. */
  async function linkSentTo(to: string): Promise<string> {
    const [message] = (await outbox.list({ tenantId: null })).filter((m) => m.to === to);
    return /http:\/\/localhost:3999\/invite\/\S+/.exec(message!.text)![0];
  }
  const tokenOf = (link: string) => link.split("/invite/")[1]!;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    outbox = new EmailOutbox(test.storage);
    memberships = new MembershipService(test.storage);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => {
    await resetTestStorage(test);
    const db = await test.storage.control();
    await db.platformUser.deleteMany();
    await db.emailMessage.deleteMany();
    now = new Date("2030-01-01T00:00:00Z");
    invitations = new InvitationService(test.storage, outbox, {
      publicUrl: PUBLIC_URL,
      appName: "Portico",
      now: () => now,
    });
    tenant = await tenants.create({ slug: "acme", name: "Acme" });
    owner.id = (await platformUser(owner.email)).id;
    await memberships.addMember(tenant.id, owner.id, "owner");
  });

  it("sends a link to the platform outbox and stores only the token's SHA-256", async () => {
    const { id, link } = await invitations.invite({
      tenant,
      email: " Ivy@Example.com ",
      role: "admin",
      invitedBy: owner,
    });
    const [message] = await outbox.list({ tenantId: null });
    expect(message).toMatchObject({ to: "ivy@example.com", subject: "You're invited to administer Acme" });
    expect(message!.text).toContain(link);
    const token = tokenOf(link);
    const db = await test.storage.control();
    const row = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);
    expect(await invitations.lookup(token)).toMatchObject({ status: "valid", email: "ivy@example.com", role: "admin" });
  });

  it("accepts once, for the invited email only, and makes the account a member", async () => {
    await invitations.invite({ tenant, email: "ivy@example.com", role: "admin", invitedBy: owner });
    const token = tokenOf(await linkSentTo("ivy@example.com"));
    const ivy = await platformUser("ivy@example.com");
    const mallory = await platformUser("mallory@example.com");
    await expect(invitations.accept(token, mallory)).rejects.toMatchObject({ code: "wrong_account" });
    expect(await invitations.accept(token, ivy)).toMatchObject({ tenant: { slug: "acme" }, role: "admin" });
    expect(await memberships.roleOf(tenant.id, ivy.id)).toBe("admin");
    await expect(invitations.accept(token, ivy)).rejects.toMatchObject({ code: "used" });
    expect((await invitations.lookup(token)).status).toBe("used");
    expect(await memberships.roleOf(tenant.id, mallory.id)).toBeNull();
  });

  it("refuses an account that has not verified the invited address, and keeps the link out of readable columns", async () => {
    const { link } = await invitations.invite({ tenant, email: "carol@example.com", role: "admin", invitedBy: owner });
    const token = tokenOf(link);
    // Someone else signed up with carol's address but never proved they own it.
    const squatter = await platformUser("carol@example.com", { emailVerified: false });
    await expect(invitations.accept(token, squatter)).rejects.toMatchObject({ code: "unverified" });
    // Claiming the invited address without the stored account having it does not help either.
    const mallory = await platformUser("mallory@example.com");
    await expect(invitations.accept(token, { ...mallory, email: "carol@example.com" })).rejects.toMatchObject({
      code: "wrong_account",
    });
    expect(await memberships.roleOf(tenant.id, squatter.id)).toBeNull();
    expect((await invitations.lookup(token)).status).toBe("valid");
    // What a page can read holds no token: the link lives only in the sealed copy.
    const db = await test.storage.control();
    const row = await db.emailMessage.findFirstOrThrow({ where: { to: "carol@example.com" } });
    expect(`${row.subject}${row.text}${row.html ?? ""}`).not.toContain(token);
    expect(row.text).toContain("[invitation link — hidden]");
    expect(row.sealed).not.toContain(token);
    expect((await outbox.getRedacted(row.id))!.text).not.toContain(token);
  });

  it("lets only one of two simultaneous accepts through", async () => {
    await invitations.invite({ tenant, email: "ivy@example.com", role: "viewer", invitedBy: owner });
    const token = tokenOf(await linkSentTo("ivy@example.com"));
    const ivy = await platformUser("ivy@example.com");
    const results = await Promise.allSettled([invitations.accept(token, ivy), invitations.accept(token, ivy)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(InvitationError);
  });

  it("expires after 7 days", async () => {
    await invitations.invite({ tenant, email: "ivy@example.com", role: "viewer", invitedBy: owner });
    const token = tokenOf(await linkSentTo("ivy@example.com"));
    const ivy = await platformUser("ivy@example.com");
    now = new Date(now.getTime() + 7 * DAY);
    expect((await invitations.lookup(token)).status).toBe("expired");
    await expect(invitations.accept(token, ivy)).rejects.toMatchObject({ code: "expired" });
    expect(await memberships.roleOf(tenant.id, ivy.id)).toBeNull();
  });

  it("revokes within the tenant only; a revoked or replaced link is unknown", async () => {
    const other = await tenants.create({ slug: "other", name: "Other" });
    const first = await invitations.invite({ tenant, email: "ivy@example.com", role: "viewer", invitedBy: owner });
    const second = await invitations.invite({ tenant, email: "ivy@example.com", role: "admin", invitedBy: owner });
    expect((await invitations.lookup(tokenOf(first.link))).status).toBe("unknown");
    await expect(invitations.revoke(other.id, second.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await invitations.listPending(tenant.id)).toHaveLength(1);
    await invitations.revoke(tenant.id, second.id);
    expect(await invitations.listPending(tenant.id)).toHaveLength(0);
    expect((await invitations.lookup(tokenOf(second.link))).status).toBe("unknown");
    expect((await invitations.lookup("not a token")).status).toBe("unknown");
  });

  it("refuses to invite an existing member", async () => {
    await expect(
      invitations.invite({ tenant, email: "OLIVE@example.com", role: "viewer", invitedBy: owner }),
    ).rejects.toMatchObject({ code: "already_member" });
    expect(await outbox.list({ tenantId: null })).toHaveLength(0);
  });
});
