import { describe, expect, it } from "vitest";
import { TenantConfigSchema } from "~/tenancy/config";
import { ForwardAuthRulesSchema, matchRule, ruleCoversHost, type ForwardAuthRuleInput } from "~/forward-auth/rules";

function rules(input: ForwardAuthRuleInput[]) {
  return ForwardAuthRulesSchema.parse(input);
}

const RULES = rules([
  { id: "health", path: "/healthz", public: true },
  { id: "admin", host: "app.example.com", path: "/admin/**", require: { roles: ["admin"] } },
  { id: "files", path: "/files/*.pdf" },
  { id: "tenants", host: "*.example.com", path: "/api/**", rateLimit: { points: 5, durationSeconds: 60 } },
]);

describe("forward-auth rule matching", () => {
  it("takes the first rule whose host and path match, in order", () => {
    expect(matchRule(RULES, "app.example.com", "/healthz").id).toBe("health");
    expect(matchRule(RULES, "app.example.com", "/admin/users/1").id).toBe("admin");
    expect(matchRule(RULES, "acme.example.com", "/api/v1/things").id).toBe("tenants");
  });

  it("covers the bare prefix with /** but not a longer name", () => {
    expect(matchRule(RULES, "app.example.com", "/admin").id).toBe("admin");
    expect(matchRule(RULES, "app.example.com", "/administrator").id).toBe("default");
  });

  it("keeps * within one segment and ** across segments", () => {
    expect(matchRule(RULES, "x.test", "/files/report.pdf").id).toBe("files");
    expect(matchRule(RULES, "x.test", "/files/2024/report.pdf").id).toBe("default");
  });

  it("matches hosts exactly, *.domain for one label, case-insensitively", () => {
    expect(matchRule(RULES, "APP.example.com", "/admin/x").id).toBe("admin");
    expect(matchRule(RULES, "other.example.com", "/admin/x").id).toBe("default");
    expect(matchRule(RULES, "a.b.example.com", "/api/x").id).toBe("default");
    expect(matchRule(RULES, "example.com", "/api/x").id).toBe("default");
  });

  it("falls back to the default rule: signed in, nothing public", () => {
    const fallback = matchRule(RULES, "app.example.com", "/");
    expect(fallback).toMatchObject({ id: "default", public: false, require: { signedIn: true } });
  });

  it("treats regular-expression characters in patterns literally", () => {
    const dotted = rules([{ id: "dot", path: "/a.b" }]);
    expect(matchRule(dotted, "h.test", "/a.b").id).toBe("dot");
    expect(matchRule(dotted, "h.test", "/aXb").id).toBe("default");
  });

  it("knows which hosts the rules name (for redirects), never through a * host", () => {
    expect(ruleCoversHost(RULES, "app.example.com")).toBe(true);
    expect(ruleCoversHost(RULES, "acme.example.com")).toBe(true);
    expect(ruleCoversHost(RULES, "evil.test")).toBe(false);
  });
});

describe("forward-auth rule validation", () => {
  function firstIssue(input: unknown) {
    const result = TenantConfigSchema.safeParse({ forwardAuth: { rules: input } });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    return { field: issue.path.join("."), message: issue.message };
  }

  it("names the field of a bad host pattern", () => {
    expect(firstIssue([{ id: "a", host: "https://app.example.com" }])).toEqual({
      field: "forwardAuth.rules.0.host",
      message: "The host pattern is a hostname, *.example.com or * (no scheme, port or path).",
    });
    expect(firstIssue([{ id: "a", host: "app.*.com" }]).field).toBe("forwardAuth.rules.0.host");
  });

  it("names the field of a bad path pattern", () => {
    expect(firstIssue([{ id: "a", path: "admin/**" }]).field).toBe("forwardAuth.rules.0.path");
    expect(firstIssue([{ id: "a", path: "/a b" }]).field).toBe("forwardAuth.rules.0.path");
    expect(firstIssue([{ id: "a", path: "/***" }]).message).toBe("Use * or **, not three stars in a row.");
  });

  it("refuses duplicate ids, bad rate limits and unknown keys", () => {
    expect(firstIssue([{ id: "a" }, { id: "a" }])).toEqual({
      field: "forwardAuth.rules.1.id",
      message: "Rule ids must be unique.",
    });
    expect(firstIssue([{ id: "a", rateLimit: { points: 0, durationSeconds: 60 } }]).field).toBe(
      "forwardAuth.rules.0.rateLimit.points",
    );
    expect(firstIssue([{ id: "a", rateLimit: { points: 1, durationSeconds: 60, key: "session" } }]).message).toBe(
      "The rate-limit key is user or ip.",
    );
  });

  it("keeps configs stored before forward auth valid, with no rules", () => {
    expect(TenantConfigSchema.parse({}).forwardAuth).toEqual({ rules: [] });
  });
});
