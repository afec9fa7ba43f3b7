import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLog } from "~/audit/audit.server";
import { auditOfAuthEvent } from "~/auth/auth-events";
import type { Provider } from "~/db/paths.server";
import { TenantEventOutbox } from "~/events/tenant-outbox.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createEndpoint } from "~/webhooks/endpoints.server";
import { testRegistry } from "../support/registry";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

/**
 * Events of changes in a tenant's database (a new user) are written there before the change
 * and published with their audit row and webhook message once the change is seen, so a
 * process that dies in between loses neither (decision 0033).
 */
const SECRET = "event-outbox-test-deployment-secret".padEnd(48, "e");
const PUBLIC_URL = "http://localhost:3996";

describe.each(testProviders())("the tenant event outbox on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let tenant: Tenant;
  let audit: AuditLog;
  let registry: TenantRegistry;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    tenant = await tenants.create({
      slug: "relay",
      name: "Outbox",
      config: { signInProtection: { enumerationProtection: false } } as never,
    });
    audit = new AuditLog(test.storage, { strictPayloads: true });
    const deps = { storage: test.storage, deploymentSecret: SECRET };
    await createEndpoint(tenant.id, { url: "https://receiver.example/hook", description: "", eventTypes: ["*"] }, deps);
    registry = testRegistry(tenants, test.storage, PUBLIC_URL, {
      publishAuthEvent: (t, event, options) => audit.record(auditOfAuthEvent(t.id, event), options),
      onAuthEvent: (t, event) => audit.recordInBackground(auditOfAuthEvent(t.id, event)),
    });
  });
  afterAll(async () => {
    await registry.close();
    await test.cleanup();
  });

  async function live() {
    const resolved = await registry.resolve({ slug: "relay" });
    if (resolved.status !== "ok") throw new Error(resolved.status);
    return resolved;
  }

  async function signUp(email: string) {
    const response = await (
      await live()
    ).auth.handler(
      new Request(`${PUBLIC_URL}/t/relay/api/auth/sign-up/email`, {
        method: "POST",
        headers: { origin: PUBLIC_URL, "content-type": "application/json", [CLIENT_IP_HEADER]: "10.1.2.3" },
        body: JSON.stringify({ email, password: "correct horse battery", name: "Out Box" }),
      }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { user: { id: string } }).user.id;
  }

  async function published(userId: string) {
    const control = await test.storage.control();
    const rows = await control.auditEvent.findMany({
      where: { tenantId: tenant.id, type: "user.created", targetId: userId },
    });
    const messages = (
      await control.webhookMessage.findMany({ where: { tenantId: tenant.id, type: "user.created" } })
    ).filter((message) => JSON.parse(message.payload).data.userId === userId);
    return {
      audit: rows.length,
      webhooks: messages.length,
      deliveries: await control.webhookDelivery.count({ where: { messageId: { in: messages.map((m) => m.id) } } }),
    };
  }

  it("publishes a sign-up's user.created with its audit row and webhook message, and leaves nothing pending", async () => {
    const userId = await signUp("first@example.com");
    await expect.poll(() => published(userId)).toMatchObject({ audit: 1, webhooks: 1 });
    const { db } = await live();
    await expect.poll(() => db.porticoEvent.count()).toBe(0);
  });

  it("publishes what a dead process left when the tenant is next opened, once, and drops intents whose change never happened", async () => {
    const { db } = await live();
    // A process died after the user row was written but before publishing: the intent is still there.
    const user = await db.user.create({
      data: { id: "left-behind-user", email: "left@example.com", name: "Left", emailVerified: false },
    });
    const event = { type: "user.created" as const, userId: user.id, email: user.email };
    await db.porticoEvent.create({
      data: { id: crypto.randomUUID(), type: event.type, subjectId: user.id, event: JSON.stringify(event) },
    });
    // Another died before its user row was written: long ago, and a moment ago (maybe still in flight).
    const ghost = { type: "user.created" as const, userId: "never-created", email: "ghost@example.com" };
    await db.porticoEvent.create({
      data: {
        id: crypto.randomUUID(),
        type: ghost.type,
        subjectId: ghost.userId,
        event: JSON.stringify(ghost),
        createdAt: new Date(Date.now() - 120_000),
      },
    });
    await db.porticoEvent.create({
      data: {
        id: crypto.randomUUID(),
        type: ghost.type,
        subjectId: "in-flight",
        event: JSON.stringify({ ...ghost, userId: "in-flight" }),
      },
    });

    const outbox = new TenantEventOutbox(db, (e, options) => audit.record(auditOfAuthEvent(tenant.id, e), options));
    // Two relays at once (two instances opening the tenant) publish it once.
    const [first, second] = await Promise.all([outbox.recover(), outbox.recover()]);
    outbox.stop();
    expect(first.published + second.published).toBeGreaterThanOrEqual(1);
    expect(await published(user.id)).toMatchObject({ audit: 1, webhooks: 1, deliveries: 1 });
    expect(await published("never-created")).toMatchObject({ audit: 0, webhooks: 0 });
    // The young intent without its user waits for its grace period; the old one is gone.
    expect((await db.porticoEvent.findMany()).map((row) => row.subjectId)).toEqual(["in-flight"]);
    await db.porticoEvent.deleteMany();
  });

  it("writes neither the audit row nor the webhook when the data does not match the catalog", async () => {
    const control = await test.storage.control();
    const before = { audit: await control.auditEvent.count(), messages: await control.webhookMessage.count() };
    await expect(
      audit.record({
        tenantId: tenant.id,
        type: "admin.user.banned",
        actor: { type: "platform_user", id: "p1", label: "ada@example.com" },
        target: { type: "user", id: "u1" },
        data: { reason: 42 },
      }),
    ).rejects.toThrow(/user\.banned/);
    expect({ audit: await control.auditEvent.count(), messages: await control.webhookMessage.count() }).toEqual(before);
  });
});
