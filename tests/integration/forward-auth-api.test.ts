import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type Harness } from "./management-api-harness";

/** Forward-auth rules and decision counts through /api/v1, with real keys on real storage. */
let h: Harness;
let acme: Tenant;
let writer: string;
let reader: string;

beforeAll(async () => {
  h = await startHarness("forward-auth-api");
  acme = await h.createTenant("fa-api");
  writer = (await h.createKey(acme, ["forward-auth:read", "forward-auth:write"])).key;
  reader = (await h.createKey(acme, ["forward-auth:read"])).key;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const RULES = [
  { id: "health", host: "app.example.com", path: "/healthz", public: true },
  { id: "admin", host: "app.example.com", path: "/admin/**", require: { roles: ["admin"] } },
];

describe("forward-auth management API", () => {
  it("replaces the rules, fills in defaults and lists them in order", async () => {
    expect((await h.api(writer, "GET", "/forward-auth/rules")).body).toEqual({ rules: [] });
    const saved = await h.api(writer, "PUT", "/forward-auth/rules", { rules: RULES });
    expect(saved.status).toBe(200);
    expect(saved.body.rules.map((rule: { id: string }) => rule.id)).toEqual(["health", "admin"]);
    expect(saved.body.rules[1]).toMatchObject({
      host: "app.example.com",
      path: "/admin/**",
      public: false,
      require: { signedIn: true, roles: ["admin"], emailVerified: false },
      rateLimit: null,
    });
    expect((await h.api(reader, "GET", "/forward-auth/rules")).body).toEqual(saved.body);
  });

  it("names the field of a bad pattern (422) and keeps the saved rules", async () => {
    const bad = await h.api(writer, "PUT", "/forward-auth/rules", {
      rules: [{ id: "x", host: "app.example.com", path: "admin/**" }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toEqual({
      field: "rules.0.path",
      message: "The path pattern starts with / and uses URL path characters, * and ** (e.g. /admin/**).",
    });
    const unknown = await h.api(writer, "PUT", "/forward-auth/rules", { rules: [], extra: true });
    expect(unknown.status).toBe(422);
    expect((await h.api(writer, "GET", "/forward-auth/rules")).body.rules).toHaveLength(2);
  });

  it("needs forward-auth:write to change rules", async () => {
    const refused = await h.api(reader, "PUT", "/forward-auth/rules", { rules: [] });
    expect(refused.status).toBe(403);
    expect((await h.api(reader, "GET", "/forward-auth/rules")).body.rules).toHaveLength(2);
  });

  it("counts decisions per rule and outcome, and refuses a bad window with 400", async () => {
    const { decisionCounts } = await import("~/forward-auth/decision-counts.server");
    decisionCounts().count(acme.id, "admin", "forbidden", "jwt");
    decisionCounts().count(acme.id, "admin", "forbidden", "session");
    const answer = await h.api(reader, "GET", "/forward-auth/decisions?hours=1");
    expect(answer.status).toBe(200);
    expect(answer.body.counts).toEqual([{ ruleId: "admin", outcome: "forbidden", count: 2 }]);

    // Written to the audit log as one aggregated entry per rule and outcome, the totals stay.
    const { getPortico } = await import("~/context.server");
    decisionCounts().count(acme.id, "health", "allowed", "none");
    await decisionCounts().flush(getPortico().audit);
    const rows = await getPortico().audit.list({ tenantId: acme.id, type: "forward_auth.decisions" });
    expect(rows.map((row) => [row.data.rule, row.data.outcome, row.data.count]).sort()).toEqual([
      ["admin", "forbidden", 2],
      ["health", "allowed", 1],
    ]);
    expect((await h.api(reader, "GET", "/forward-auth/decisions")).body.counts).toEqual([
      { ruleId: "admin", outcome: "forbidden", count: 2 },
      { ruleId: "health", outcome: "allowed", count: 1 },
    ]);
    // Prometheus sees outcome and credential only: no tenant or rule label.
    const { register } = await import("prom-client");
    const metric = await register.getSingleMetricAsString("portico_forward_auth_decisions_total");
    expect(metric).toContain('portico_forward_auth_decisions_total{outcome="forbidden",credential="jwt"} 1');
    expect(metric).toContain('portico_forward_auth_decisions_total{outcome="allowed",credential="none"} 1');
    expect(metric).not.toMatch(/tenant|rule=/);
    const bad = await h.api(reader, "GET", "/forward-auth/decisions?hours=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("query.hours");
  });
});
