import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOfAuthEvent, type TenantAuthEvent } from "~/auth/auth-events";
import { webhookMessageFor } from "~/events/catalog";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { Provider } from "~/db/paths.server";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, testProviders, type TestStorage } from "../../tests/support/storage";
import { testRegistry } from "../../tests/support/registry";

const PUBLIC_URL = "http://localhost:3997";
const SECRET = "organizations-test-deployment-secret".padEnd(48, "z");
const PASSWORD = "correct-horse-battery";

/**
 * Custom roles and membership events through a real tenant's better-auth instance: what the
 * hosted organization pages rely on, on SQLite and PostgreSQL.
 */
describe.each(testProviders())("organizations on a live tenant (%s)", (provider: Provider) => {
  let test: TestStorage;
  let registry: TenantRegistry;
  const events: TenantAuthEvent[] = [];

  beforeAll(async () => {
    test = await createTestStorage(provider);
    const tenants = new TenantService(test.storage, SECRET);
    registry = testRegistry(tenants, test.storage, PUBLIC_URL, {
      onAuthEvent: (_tenant, event) => events.push(event),
      sendTenantEmail: async () => undefined,
    });
    await tenants.create({
      slug: "acme",
      name: "Acme",
      config: { authMethods: { organizations: { enabled: true } } },
    });
  });
  afterAll(async () => {
    await registry.close();
    await test.cleanup();
  });

  /** One signed-in client: keeps its session cookie like a browser. */
  function client() {
    let cookie = "";
    return async (endpoint: string, body: unknown) => {
      const live = await registry.resolve({ slug: "acme" });
      if (live.status !== "ok") throw new Error(`tenant not ok: ${live.status}`);
      const response = await live.auth.handler(
        new Request(`${PUBLIC_URL}/t/acme/api/auth${endpoint}`, {
          method: "POST",
          headers: {
            origin: PUBLIC_URL,
            "content-type": "application/json",
            [CLIENT_IP_HEADER]: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
            cookie,
          },
          body: JSON.stringify(body),
        }),
      );
      const set = response.headers.getSetCookie().map((c) => c.split(";")[0]);
      if (set.length) cookie = [cookie, ...set].filter(Boolean).join("; ");
      return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
    };
  }

  it("enforces a custom role's permissions and reports membership changes as events", async () => {
    const owner = client();
    const member = client();
    await owner("/sign-up/email", { name: "Olivia", email: "olivia@example.com", password: PASSWORD });
    await member("/sign-up/email", { name: "Mia", email: "mia@example.com", password: PASSWORD });

    const org = await owner("/organization/create", { name: "Acme Labs", slug: "acme-labs" });
    expect(org.status).toBe(200);
    const organizationId = org.json.id as string;
    const role = await owner("/organization/create-role", {
      organizationId,
      role: "auditor",
      permission: { ac: ["read"], invitation: ["cancel"] },
    });
    expect(role.status).toBe(200);

    const invitation = await owner("/organization/invite-member", {
      organizationId,
      email: "mia@example.com",
      role: "auditor",
    });
    expect(invitation.status).toBe(200);
    const accepted = await member("/organization/accept-invitation", { invitationId: invitation.json.id });
    expect(accepted.status).toBe(200);

    const check = (permissions: Record<string, string[]>) =>
      member("/organization/has-permission", { organizationId, permissions });
    expect((await check({ invitation: ["cancel"] })).json.success).toBe(true);
    expect((await check({ invitation: ["create"] })).json.success).toBe(false);
    const refused = await member("/organization/invite-member", {
      organizationId,
      email: "friend@example.com",
      role: "member",
    });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION");

    expect((await member("/organization/leave", { organizationId })).status).toBe(200);

    const orgEvents = events
      .filter((event) => event.type.startsWith("organization."))
      .map(({ type, email, data }) => ({ type, email, role: data?.role, reason: data?.reason }));
    expect(orgEvents).toEqual([
      { type: "organization.member_added", email: "olivia@example.com", role: "owner", reason: undefined },
      { type: "organization.created", email: "olivia@example.com", role: "owner", reason: undefined },
      { type: "organization.member_added", email: "mia@example.com", role: "auditor", reason: undefined },
      { type: "organization.member_removed", email: "mia@example.com", role: "auditor", reason: "left" },
    ]);
    expect(events.find((event) => event.type === "organization.created")?.data).toMatchObject({
      organizationId,
      organizationName: "Acme Labs",
      slug: "acme-labs",
      organizationSlug: "acme-labs",
    });
    // Each becomes a webhook whose data matches the event catalog (strict: a mismatch throws).
    for (const event of events.filter((e) => e.type.startsWith("organization.")))
      expect(webhookMessageFor(auditOfAuthEvent("tenant", event), { strict: true })?.type).toBe(event.type);
  });
});
