import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTenantOverview } from "~/analytics/overview.server";
import { auditCsv, AuditLog, csvCell, parseAuditQuery, type AuditEvent } from "~/audit/audit.server";
import type { Provider } from "~/db/paths.server";
import type { TenantConnection } from "~/db/storage.server";
import { createTestStorage, randomTenantId, testProviders, type TestStorage } from "../support/storage";

/** A fixed "now" (10:30 UTC) so bucket boundaries are known. */
const NOW = new Date("2026-03-15T10:30:00.000Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe.each(testProviders())("tenant overview analytics on %s", (provider: Provider) => {
  let test: TestStorage;
  let audit: AuditLog;
  let tenant: TenantConnection;
  const tenantId = randomTenantId();
  const otherTenantId = randomTenantId();

  async function event(type: string, createdAt: Date, forTenant = tenantId, actor = "ada@example.com") {
    const control = await test.storage.control();
    await control.auditEvent.create({
      data: { id: randomUUID(), tenantId: forTenant, type, actorType: "user", actorLabel: actor, createdAt },
    });
  }

  beforeAll(async () => {
    test = await createTestStorage(provider);
    audit = new AuditLog(test.storage);
    await test.storage.createTenantDatabase(tenantId);
    tenant = await test.storage.openTenantDatabase(tenantId);
    const user = await tenant.db.user.create({
      data: { id: "u1", name: "Ada", email: "ada@example.com", updatedAt: NOW },
    });
    await tenant.db.user.create({ data: { id: "u2", name: "Bo", email: "bo@example.com", updatedAt: NOW } });
    for (const [id, expiresAt] of [
      ["s1", new Date(NOW.getTime() + 86_400_000)],
      ["s2", new Date(NOW.getTime() + 60_000)],
      ["s3", new Date(NOW.getTime() - 60_000)],
    ] as const) {
      await tenant.db.session.create({
        data: { id, token: id, userId: user.id, expiresAt, updatedAt: NOW },
      });
    }

    await event("session.created", hoursAgo(0)); // this hour
    await event("session.created", new Date("2026-03-15T10:00:00.000Z")); // exactly on the hour
    await event("session.created", hoursAgo(5));
    await event("user.created", hoursAgo(5));
    await event("sign_in.failed", hoursAgo(23));
    await event("session.created", hoursAgo(24 * 3)); // 30 days only
    await event("user.created", new Date("2026-02-14T00:00:00.000Z")); // first day of the 30
    await event("user.created", new Date("2026-02-13T23:59:59.999Z")); // just before it
    await event("admin.settings.updated", hoursAgo(1)); // not a counted type
    await event("session.created", hoursAgo(1), otherTenantId); // another tenant
  });

  afterAll(async () => {
    await tenant?.close();
    await test.cleanup();
  });

  it("counts users, live sessions and each activity type per period", async () => {
    const overview = await getTenantOverview({ audit, tenantId, db: tenant.db, now: NOW });
    expect(overview.users).toBe(2);
    expect(overview.activeSessions).toBe(2);
    expect(overview.last24Hours.totals).toEqual({ signIns: 3, signUps: 1, failedSignIns: 1 });
    expect(overview.last30Days.totals).toEqual({ signIns: 4, signUps: 2, failedSignIns: 1 });
  });

  it("puts each event in its UTC hour and day, oldest bucket first", async () => {
    const { last24Hours, last30Days } = await getTenantOverview({ audit, tenantId, db: tenant.db, now: NOW });
    expect(last24Hours.buckets).toHaveLength(24);
    expect(last24Hours.buckets.at(-1)).toMatchObject({ start: "2026-03-15T10:00:00.000Z", label: "10:00", signIns: 2 });
    expect(last24Hours.buckets.find((b) => b.label === "05:00")).toMatchObject({ signIns: 1, signUps: 1 });
    expect(last24Hours.buckets[0]).toMatchObject({ start: "2026-03-14T11:00:00.000Z", failedSignIns: 1 });

    expect(last30Days.buckets).toHaveLength(30);
    expect(last30Days.buckets[0]).toMatchObject({ start: "2026-02-14T00:00:00.000Z", label: "02-14", signUps: 1 });
    expect(last30Days.buckets.at(-1)).toMatchObject({ label: "03-15", signIns: 3, signUps: 1 });
    expect(last30Days.buckets.find((b) => b.label === "03-12")).toMatchObject({ signIns: 1 });
  });

  it("reports counts from the audit log even when the tenant's database is unavailable", async () => {
    const overview = await getTenantOverview({ audit, tenantId, db: null, now: NOW });
    expect(overview.users).toBeNull();
    expect(overview.last24Hours.totals.signIns).toBe(3);
  });

  it("filters the audit log by type prefix, actor and dates, and pages by keyset", async () => {
    await event("admin.user.banned", hoursAgo(2), tenantId, "pat@admin.example");
    const byPrefix = await audit.list({ tenantId, type: "admin." });
    expect(byPrefix.map((e) => e.type).sort()).toEqual(["admin.settings.updated", "admin.user.banned"]);
    expect((await audit.list({ tenantId, actor: "pat@" })).map((e) => e.type)).toEqual(["admin.user.banned"]);

    const query = parseAuditQuery(new URLSearchParams({ from: "2026-02-13", to: "2026-02-14" }));
    if (!query.ok) throw new Error(JSON.stringify(query.errors));
    expect((await audit.list({ tenantId, ...query.filter })).map((e) => e.createdAt.toISOString())).toEqual([
      "2026-02-14T00:00:00.000Z",
      "2026-02-13T23:59:59.999Z",
    ]);

    const all = await audit.list({ tenantId, limit: 100 });
    const first = await audit.list({ tenantId, limit: 4 });
    const rest = await audit.list({ tenantId, before: first.at(-1)!, limit: 100 });
    expect([...first, ...rest].map((e) => e.id)).toEqual(all.map((e) => e.id));
  });
});

describe("audit query parsing", () => {
  it("refuses malformed and impossible dates and reversed ranges with field errors", () => {
    expect(parseAuditQuery(new URLSearchParams({ from: "yesterday" }))).toEqual({
      ok: false,
      errors: { from: "Enter a date as YYYY-MM-DD." },
    });
    expect(parseAuditQuery(new URLSearchParams({ to: "2026-02-31" }))).toMatchObject({
      ok: false,
      errors: { to: "That is not a real date." },
    });
    expect(parseAuditQuery(new URLSearchParams({ from: "2026-03-02", to: "2026-03-01" }))).toMatchObject({
      ok: false,
      errors: { to: "The end date is before the start date." },
    });
    expect(parseAuditQuery(new URLSearchParams({ type: "x".repeat(101) }))).toMatchObject({ ok: false });
    expect(parseAuditQuery(new URLSearchParams({ before: "garbage" }))).toMatchObject({ ok: false });
  });

  it("treats empty fields as no filter", () => {
    expect(parseAuditQuery(new URLSearchParams({ type: "", actor: " ", from: "", to: "" }))).toMatchObject({
      ok: true,
      filter: { type: undefined, actor: undefined, from: undefined, to: undefined },
    });
  });
});

describe("audit CSV", () => {
  it("quotes separators and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    for (const start of ["+1", "-1", "@SUM(A1)", "\tx"]) expect(csvCell(start)).toBe(`'${start}`);
  });

  it("writes a header line and one CRLF-terminated line per event", () => {
    const event: AuditEvent = {
      id: "e1",
      tenantId: "t",
      type: "user.created",
      actorType: "user",
      actorId: "u1",
      actorLabel: "=cmd|'/c calc'!A1",
      targetType: null,
      targetId: null,
      targetLabel: null,
      ipAddress: "10.0.0.1",
      userAgent: "Mozilla/5.0 (X11, Linux)",
      data: {},
      createdAt: new Date("2026-03-15T10:30:00.000Z"),
    };
    expect(auditCsv([event]).split("\r\n")).toEqual([
      "time,type,actor_type,actor_id,actor,target_type,target_id,target,ip_address,user_agent,data",
      `2026-03-15T10:30:00.000Z,user.created,user,u1,'=cmd|'/c calc'!A1,,,,10.0.0.1,"Mozilla/5.0 (X11, Linux)",`,
      "",
    ]);
  });
});
