import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "./env.server";

const SECRET = "s".repeat(48);

/** An environment of exactly these variables (NodeJS.ProcessEnv's typing insists on NODE_ENV). */
const asEnv = (vars: Record<string, string | undefined>) => vars as unknown as NodeJS.ProcessEnv;

describe("readEnv", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "portico-env-")), "data");
  });
  afterEach(() => {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  /** readEnv on exactly these variables (never the test process's own environment). */
  const read = (vars: Record<string, string | undefined>) => readEnv(asEnv({ PORTICO_DATA_DIR: dataDir, ...vars }));

  const configError = (vars: Record<string, string | undefined>): ConfigError => {
    try {
      read(vars);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return error as ConfigError;
    }
    throw new Error(`readEnv accepted ${JSON.stringify(vars)}`);
  };

  it("starts a fresh clone with defaults", () => {
    const env = readEnv(asEnv({ PORTICO_SECRET: SECRET }));
    expect(env).toMatchObject({
      port: 3000,
      production: false,
      dataDir: path.resolve("./data"),
      secret: SECRET,
      secretSource: "env",
      databaseUrl: undefined,
      maxHotTenants: 500,
      trustProxy: false,
      createDemoTenant: true,
    });
    expect(env.publicUrl.href).toBe("http://localhost:3000/");
  });

  it("follows PORT for the default public URL and keeps only the origin of PUBLIC_URL", () => {
    expect(read({ PORTICO_SECRET: SECRET, PORT: "4100" }).publicUrl.href).toBe("http://localhost:4100/");
    const env = read({
      PORTICO_SECRET: SECRET,
      PUBLIC_URL: "http://auth.local:8080/some/path",
      PORTICO_ENV: "development",
    });
    expect(env.publicUrl.origin).toBe("http://auth.local:8080");
    expect(env.publicUrl.pathname).toBe("/");
  });

  it("treats empty variables as unset", () => {
    const env = read({ PORTICO_SECRET: SECRET, PORT: "", DATABASE_URL: "", PUBLIC_URL: "" });
    expect(env.port).toBe(3000);
    expect(env.databaseUrl).toBeUndefined();
  });

  it("generates a deployment secret into the data directory (mode 0600) and reuses it on the next start", () => {
    const first = read({});
    const file = path.join(dataDir, "secret");
    expect(first.secretSource).toBe("generated");
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = read({});
    expect(second.secret).toBe(first.secret);
    expect(second.secretSource).toBe("generated");
  });

  it("uses PORTICO_SECRET when set and writes no secret file", () => {
    expect(read({ PORTICO_SECRET: SECRET }).secret).toBe(SECRET);
    expect(existsSync(path.join(dataDir, "secret"))).toBe(false);
  });

  it.each([
    ["NODE_ENV=production", { NODE_ENV: "production", PUBLIC_URL: "https://auth.example.com" }],
    ["an https PUBLIC_URL", { PUBLIC_URL: "https://auth.example.com" }],
    ["PORTICO_ENV=production", { PORTICO_ENV: "production", PUBLIC_URL: "http://auth.internal" }],
  ])("refuses to start in production (%s) without PORTICO_SECRET, writing nothing", (_label, vars) => {
    expect(configError(vars).message).toMatch(/PORTICO_SECRET/);
    expect(existsSync(path.join(dataDir, "secret"))).toBe(false);
  });

  it("starts in production with PORTICO_SECRET and PUBLIC_URL", () => {
    const env = read({ NODE_ENV: "production", PORTICO_SECRET: SECRET, PUBLIC_URL: "https://auth.example.com" });
    expect(env.production).toBe(true);
    expect(env.publicUrl.origin).toBe("https://auth.example.com");
  });

  it("requires PUBLIC_URL in production", () => {
    expect(configError({ NODE_ENV: "production", PORTICO_SECRET: SECRET }).message).toMatch(/PUBLIC_URL/);
  });

  it("lets PORTICO_ENV=development override the production guesses", () => {
    const env = read({ PORTICO_ENV: "development", NODE_ENV: "production", PUBLIC_URL: "https://auth.example.com" });
    expect(env.production).toBe(false);
    expect(env.secretSource).toBe("generated");
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://root@localhost/portico" }],
    ["DATABASE_URL", { DATABASE_URL: "localhost:5432" }],
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["PORT", { PORT: "0" }],
    ["PUBLIC_URL", { PUBLIC_URL: "ftp://auth.example.com" }],
    ["PUBLIC_URL", { PUBLIC_URL: "auth.example.com" }],
    ["PORTICO_SECRET", { PORTICO_SECRET: "too-short" }],
    ["PORTICO_ENV", { PORTICO_ENV: "staging" }],
    ["PORTICO_MAX_HOT_TENANTS", { PORTICO_MAX_HOT_TENANTS: "0" }],
  ])("names %s when it is malformed", (name, vars) => {
    expect(configError(vars).message).toMatch(new RegExp(`^Invalid environment variable ${name}:`));
  });

  it("reads the platform branding, with the name and color defaulted", () => {
    expect(read({ PORTICO_SECRET: SECRET }).branding).toEqual({
      name: "Portico",
      logoUrl: null,
      primaryColor: "#4f46e5",
      supportEmail: null,
      supportUrl: null,
      termsUrl: null,
      privacyUrl: null,
    });
    const env = read({
      PORTICO_SECRET: SECRET,
      APP_NAME: "  Acme Identity ",
      APP_LOGO_URL: "/brand/logo.svg",
      APP_PRIMARY_COLOR: "#0F766E",
      APP_SUPPORT_EMAIL: "help@acme.example",
      APP_SUPPORT_URL: "https://acme.example/support",
      APP_TERMS_URL: "https://acme.example/terms",
      APP_PRIVACY_URL: "/privacy.html",
    });
    expect(env.appName).toBe("Acme Identity");
    expect(env.branding).toEqual({
      name: "Acme Identity",
      logoUrl: "/brand/logo.svg",
      primaryColor: "#0f766e",
      supportEmail: "help@acme.example",
      supportUrl: "https://acme.example/support",
      termsUrl: "https://acme.example/terms",
      privacyUrl: "/privacy.html",
    });
  });

  it.each([
    ["APP_NAME", { APP_NAME: "x".repeat(61) }, /at most|too big|<=60/i],
    ["APP_LOGO_URL", { APP_LOGO_URL: "javascript:alert(1)" }, /http\(s\) URL or a path/],
    ["APP_LOGO_URL", { APP_LOGO_URL: "//evil.example/logo.png" }, /http\(s\) URL or a path/],
    ["APP_PRIMARY_COLOR", { APP_PRIMARY_COLOR: "indigo" }, /hex color such as #4f46e5/],
    ["APP_PRIMARY_COLOR", { APP_PRIMARY_COLOR: "#12345" }, /hex color/],
    ["APP_SUPPORT_EMAIL", { APP_SUPPORT_EMAIL: "support" }, /email address/],
    ["APP_SUPPORT_URL", { APP_SUPPORT_URL: "support.example.com" }, /http\(s\) URL or a path/],
    ["APP_TERMS_URL", { APP_TERMS_URL: "ftp://acme.example/terms" }, /http\(s\) URL or a path/],
    ["APP_PRIVACY_URL", { APP_PRIVACY_URL: "https://acme example/privacy" }, /http\(s\) URL or a path/],
  ])("refuses to start with a malformed %s, naming it", (name, vars, reason) => {
    const message = configError({ PORTICO_SECRET: SECRET, ...vars }).message;
    expect(message).toMatch(new RegExp(`^Invalid environment variable ${name}:`));
    expect(message).toMatch(reason);
  });

  it("refuses an OTLP endpoint that is not an http(s) URL, naming the variable", () => {
    expect(configError({ PORTICO_SECRET: SECRET, OTEL_EXPORTER_OTLP_ENDPOINT: "otel-collector:4318" }).message).toBe(
      "Invalid environment variable OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL such as " +
        "http://otel-collector:4318 (the collector's OTLP/HTTP address)",
    );
    expect(
      configError({ PORTICO_SECRET: SECRET, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "grpc://collector:4317" }).message,
    ).toMatch(/^Invalid environment variable OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be an http\(s\) URL/);
    expect(() =>
      read({ PORTICO_SECRET: SECRET, OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318" }),
    ).not.toThrow();
  });

  it("takes OTEL_PROPAGATORS as W3C trace context or none, and names the variable otherwise", () => {
    expect(configError({ PORTICO_SECRET: SECRET, OTEL_PROPAGATORS: "b3" }).message).toBe(
      "Invalid environment variable OTEL_PROPAGATORS: must be tracecontext,baggage (the default) or none (ignore callers' traceparent)",
    );
    for (const propagators of ["none", "tracecontext", "tracecontext, baggage"]) {
      expect(() => read({ PORTICO_SECRET: SECRET, OTEL_PROPAGATORS: propagators })).not.toThrow();
    }
  });

  it("accepts postgres:// and postgresql:// database URLs", () => {
    for (const url of ["postgres://u:p@db:5432/portico", "postgresql://db/portico"]) {
      expect(read({ PORTICO_SECRET: SECRET, DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });
});
