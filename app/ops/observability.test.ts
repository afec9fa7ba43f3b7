import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseMetricsPort, requestIdOf } from "./http-observability.server";
import { createLogger, logOptions, logPath, maskEmail } from "./log.server";
import { routeClass, tenantSlugOfPath } from "./route-class";
import { admitTenant, resetTenantLabels, tenantLabel } from "./tenant-labels.server";

describe("route classes", () => {
  it.each([
    ["/t/demo/api/auth/get-session", "auth_api"],
    ["/api/platform/auth/sign-in/email", "auth_api"],
    ["/t/demo/sign-in", "hosted_page"],
    ["/t/demo/theme.css", "static"],
    ["/t/demo/.well-known/jwks.json", "static"],
    ["/admin/demo/users", "console"],
    ["/invite/abc", "console"],
    ["/api/v1/users", "management_api"],
    ["/t/acme/api/scim/v2/Users", "scim"],
    ["/widgets/portico.js", "widgets"],
    ["/assets/entry-abc.js", "static"],
    ["/healthz", "ops"],
    ["/t/demo/forward-auth/nginx", "forward_auth"],
    ["/forward-auth", "forward_auth"],
    ["/docs/api", "other"],
  ])("%s is %s", (path, expected) => expect(routeClass(path)).toBe(expected));

  it("reads the tenant from /t/<slug>/ paths only", () => {
    expect(tenantSlugOfPath("/t/acme-prod/sign-in")).toBe("acme-prod");
    expect(tenantSlugOfPath("/admin/acme")).toBeUndefined();
  });
});

describe("tenant labels", () => {
  it("labels only admitted tenants, up to the limit, and everything else as 'other'", () => {
    resetTenantLabels({ PORTICO_METRICS_TENANT_LIMIT: "2" });
    for (const slug of ["a-1", "b-2", "c-3"]) admitTenant(slug);
    expect(["a-1", "b-2", "c-3", "never-loaded"].map(tenantLabel)).toEqual(["a-1", "b-2", "other", "other"]);
  });

  it("with an opt-in list, labels exactly those tenants", () => {
    resetTenantLabels({ PORTICO_METRICS_TENANTS: "vip, big-customer" });
    for (const slug of ["small", "vip", "big-customer"]) admitTenant(slug);
    expect(["small", "vip", "big-customer"].map(tenantLabel)).toEqual(["other", "vip", "big-customer"]);
    resetTenantLabels({});
  });
});

describe("logs", () => {
  it("keep tokens out of paths and mask addresses", () => {
    expect(logPath("/t/demo/reset-password?token=abc")).toBe("/t/demo/reset-password");
    expect(logPath("/invite/Zx9_secret-token")).toBe("/invite/:token");
    expect(logPath("/api/auth/reset-password/Zx9secret?callbackURL=/x")).toBe("/api/auth/reset-password/:token");
    expect(logPath(`/t/demo/x/${"a".repeat(48)}`)).toBe("/t/demo/x/:long");
    expect(maskEmail("alice@example.com")).toBe("a***@example.com");
  });

  it("redact password, token and cookie fields, even nested", () => {
    let written = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    const logger = createLogger({ LOG_LEVEL: "info", NODE_ENV: "production" }, sink);
    logger.info({ password: "hunter2-hunter2", body: { token: "tok-123456", cookie: "a=b" } }, "signed in");
    logger.debug({ note: "not at info" }, "quiet");
    const line = JSON.parse(written.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "info", msg: "signed in", password: "[redacted]" });
    expect(written).not.toContain("hunter2");
    expect(written).not.toContain("tok-123456");
    expect(written).not.toContain("quiet");
  });

  it("default to info in production, debug in development, and honour LOG_LEVEL", () => {
    expect(logOptions({ NODE_ENV: "production" }).level).toBe("info");
    expect(logOptions({ PORTICO_ENV: "development" }).level).toBe("debug");
    expect(logOptions({ NODE_ENV: "production", LOG_LEVEL: "warn" }).level).toBe("warn");
    expect(logOptions({ NODE_ENV: "production", LOG_FORMAT: "pretty" }).pretty).toBe(true);
  });
});

describe("request ids and the metrics port", () => {
  it("keep a caller's plain id and replace anything else", () => {
    expect(requestIdOf("abc-123")).toBe("abc-123");
    expect(requestIdOf("has spaces")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf("x".repeat(200))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuse a metrics port that is not a port, naming the variable", () => {
    expect(parseMetricsPort(undefined)).toBeUndefined();
    expect(parseMetricsPort("9464")).toBe(9464);
    expect(() => parseMetricsPort("http")).toThrow(/PORTICO_METRICS_PORT/);
  });
});
