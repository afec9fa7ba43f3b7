import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getLogger } from "~/ops/log.server";
import { AuditLog } from "~/audit/audit.server";
import type { Provider } from "~/db/paths.server";
import { RetentionJob } from "~/privacy/retention.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

/**
 * The retention job on real SQLite and PostgreSQL: rows older than each tenant's windows are
 * deleted (only finished messages), newer ones and pending work stay, and each pass records
 * what it pruned as `retention.pruned`.
 */
const NOW = new Date("2026-06-01T12:00:00.000Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const SECRET = "retention-test-deployment-secret".padEnd(48, "r");

describe.each(testProviders())("retention job on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let audit: AuditLog;
  let acme: Tenant; // default windows: 90 days
  let brief: Tenant; // 7 days of audit log, 3 days of messages

  const ids: Record<string, string> = {};
  const id = (name: string) => (ids[name] ??= randomUUID());

  async function seed(tenantId: string | null, prefix: string, old: Date, recent: Date) {
    const db = await test.storage.control();
    for (const [name, createdAt] of [
      ["audit-old", old],
      ["audit-new", recent],
    ] as const) {
      await db.auditEvent.create({
        data: { id: id(`${prefix}${name}`), tenantId, type: "session.created", actorType: "user", createdAt },
      });
    }
    for (const [name, status, createdAt] of [
      ["email-sent-old", "sent", old],
      ["email-failed-old", "failed", old],
      ["email-queued-old", "queued", old],
      ["email-sent-new", "sent", recent],
    ] as const) {
      await db.emailMessage.create({
        data: {
          id: id(`${prefix}${name}`),
          tenantId,
          to: "ada@example.com",
          subject: "Hi",
          text: "…",
          status,
          createdAt,
        },
      });
    }
    for (const [name, status, createdAt] of [
      ["sms-sent-old", "sent", old],
      ["sms-queued-old", "queued", old],
      ["sms-sent-new", "sent", recent],
    ] as const) {
      await db.smsMessage.create({
        data: { id: id(`${prefix}${name}`), tenantId, to: "+15550100", body: "123456", status, createdAt },
      });
    }
    if (!tenantId) return;
    const endpoint = await db.webhookEndpoint.create({
      data: { id: randomUUID(), tenantId, url: "https://example.com/hook", eventTypes: '["*"]', secret: "x" },
    });
    for (const [name, status, createdAt] of [
      ["hook-done-old", "succeeded", old],
      ["hook-pending-old", "pending", old],
      ["hook-done-new", "succeeded", recent],
    ] as const) {
      const messageId = id(`${prefix}${name}-message`);
      await db.webhookMessage.create({
        data: { id: messageId, tenantId, type: "user.created", payload: "{}", createdAt },
      });
      await db.webhookDelivery.create({
        data: { id: id(`${prefix}${name}`), tenantId, messageId, endpointId: endpoint.id, status, createdAt },
      });
      for (const attempt of [1, 2]) {
        await db.webhookAttempt.create({
          data: { id: randomUUID(), deliveryId: id(`${prefix}${name}`), attempt, durationMs: 5, createdAt },
        });
      }
    }
  }

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    audit = new AuditLog(test.storage);
    acme = await tenants.create({ slug: "acme-retention", name: "Acme" });
    brief = await tenants.create({
      slug: "brief-retention",
      name: "Brief",
      config: { retention: { auditLogDays: 7, deliveredMessagesDays: 3 } },
    });
    await seed(acme.id, "acme:", daysAgo(91), daysAgo(89));
    await seed(brief.id, "brief:", daysAgo(8), daysAgo(2));
    await seed(null, "platform:", daysAgo(100), daysAgo(1));
  }, 120_000);

  afterAll(async () => {
    await test?.cleanup();
  });

  it("deletes only finished rows older than each tenant's windows, and records the counts", async () => {
    const log = vi.spyOn(getLogger(), "info").mockImplementation(() => undefined);
    const job = new RetentionJob({ storage: test.storage, tenants, audit }, () => NOW);
    const pass = await job.runOnce();
    const logged = log.mock.calls.map((call) => call[0] as unknown);
    log.mockRestore();

    const expected = {
      auditEvents: 1,
      emails: 2,
      textMessages: 1,
      webhookMessages: 1,
      webhookDeliveries: 1,
      webhookAttempts: 2,
    };
    expect(pass).toEqual(
      expect.arrayContaining([
        { tenantId: acme.id, slug: acme.slug, pruned: expected },
        { tenantId: brief.id, slug: brief.slug, pruned: expected },
        {
          tenantId: null,
          slug: null,
          pruned: { ...expected, webhookMessages: 0, webhookDeliveries: 0, webhookAttempts: 0 },
        },
      ]),
    );
    expect(pass).toHaveLength(3);
    expect(logged).toContainEqual(expect.objectContaining({ tenant: brief.slug, pruned: expect.any(Object) }));

    const db = await test.storage.control();
    const kept = async (prefix: string, names: string[], table: "auditEvent" | "emailMessage") => {
      const rows = await (db[table] as typeof db.emailMessage).findMany({
        where: { id: { in: names.map((name) => id(`${prefix}${name}`)) } },
        select: { id: true },
      });
      return names.filter((name) => rows.some((row) => row.id === id(`${prefix}${name}`)));
    };
    for (const prefix of ["acme:", "brief:", "platform:"]) {
      expect(await kept(prefix, ["audit-old", "audit-new"], "auditEvent")).toEqual(["audit-new"]);
      const emails = ["email-sent-old", "email-failed-old", "email-queued-old", "email-sent-new"];
      expect(await kept(prefix, emails, "emailMessage")).toEqual(["email-queued-old", "email-sent-new"]);
    }
    const sms = await db.smsMessage.findMany({ where: { tenantId: brief.id } });
    expect(sms.map((row) => row.status).sort()).toEqual(["queued", "sent"]);
    const deliveries = await db.webhookDelivery.findMany({ where: { tenantId: brief.id } });
    expect(deliveries.map((row) => row.id).sort()).toEqual(
      [id("brief:hook-pending-old"), id("brief:hook-done-new")].sort(),
    );
    // The pending delivery keeps its old message and its attempts.
    expect(await db.webhookMessage.count({ where: { id: id("brief:hook-pending-old-message") } })).toBe(1);
    expect(await db.webhookAttempt.count({ where: { deliveryId: id("brief:hook-pending-old") } })).toBe(2);
    expect(await db.webhookAttempt.count({ where: { deliveryId: id("brief:hook-done-old") } })).toBe(0);

    const recorded = await db.auditEvent.findFirst({ where: { tenantId: brief.id, type: "retention.pruned" } });
    expect(recorded?.actorType).toBe("system");
    expect(JSON.parse(recorded!.data)).toEqual({ ...expected, auditLogDays: 7, deliveredMessagesDays: 3 });

    // Nothing is left to prune: a second pass records nothing.
    expect(await job.runOnce()).toEqual([]);
    expect(await db.auditEvent.count({ where: { type: "retention.pruned" } })).toBe(3);
  });

  it("runs on its timer until stopped", async () => {
    const job = new RetentionJob({ storage: test.storage, tenants, audit }, () => NOW);
    const passes: number[] = [];
    const runOnce = job.runOnce.bind(job);
    job.runOnce = async () => {
      passes.push(Date.now());
      return runOnce();
    };
    const timer = job.start({ intervalMs: 50, firstRunMs: 0 });
    await expect.poll(() => passes.length).toBeGreaterThanOrEqual(2);
    timer.stop();
    const after = passes.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(passes.length).toBe(after);
  });
});
