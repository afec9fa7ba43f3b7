import { randomInt } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AUTH_METHOD_CATEGORIES,
  AUTH_METHOD_IDS,
  AUTH_METHODS,
  authMethodSettingsSchema,
  type AuthMethodDefinition,
} from "~/auth-methods/catalog";
import { authMethodsOptions } from "~/auth-methods/catalog.server";
import type { AuthMethodContext } from "~/auth-methods/method-context";
import { dependencyRefusal } from "~/auth-methods/console.server";
import { isCommonPassword } from "~/auth-methods/policies.server";
import { publicConfigResponse } from "~/auth-methods/public-config.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { Provider } from "~/db/paths.server";
import { TenantConfigSchema, type TenantConfig, type TenantConfigInput } from "~/tenancy/config";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, withRaw, type TestStorage } from "../support/storage";
import { testRegistry } from "../support/registry";

const PUBLIC_URL = "http://localhost:3998";
const SECRET = "auth-methods-test-deployment-secret".padEnd(48, "z");
const PASSWORD = "correct-horse-battery";

const context: AuthMethodContext = {
  tenant: { slug: "acme", name: "Acme" },
  publicUrl: new URL(PUBLIC_URL),
  sendEmail: async () => undefined,
  onEvent: () => undefined,
  signUpMode: "open",
};

function configWith(input: TenantConfigInput): TenantConfig {
  return TenantConfigSchema.parse(input);
}

describe("the auth-method catalog", () => {
  it("describes every method completely and consistently", () => {
    for (const id of AUTH_METHOD_IDS) {
      const method = AUTH_METHODS[id] as AuthMethodDefinition;
      expect(AUTH_METHOD_CATEGORIES).toContain(method.category);
      for (const dependency of method.dependsOn) expect(AUTH_METHOD_IDS).toContain(dependency);
      const names = Object.keys(method.settings.shape);
      // Secret settings are form fields but not stored settings: they live encrypted, apart from the config.
      expect(method.fields.map((field) => field.name).sort()).toEqual([...names, ...method.secretSettings].sort());
      for (const name of method.publicSettings) expect(names).toContain(name);
      for (const name of method.secretSettings) expect(names).not.toContain(name);
      expect(method.publicSettings.filter((name) => method.secretSettings.includes(name))).toEqual([]);
      // Every setting has a default, so a stored config without it stays valid.
      expect(() => method.settings.parse({})).not.toThrow();
    }
  });

  it("parses an empty config and an older stored config, with only email+password and JWTs on", () => {
    const fresh = configWith({});
    expect(AUTH_METHOD_IDS.filter((id) => fresh.authMethods[id].enabled)).toEqual(["emailPassword", "jwt"]);
    expect(fresh.signUp.mode).toBe("open");
    expect(fresh.passwordPolicy.rejectCommonPasswords).toBe(true);
    expect(fresh.smtp).toEqual({ host: "", port: 587, user: "", fromAddress: "", security: "starttls" });
    const older = configWith({ authMethods: { emailPassword: { enabled: true, minPasswordLength: 10 } } });
    expect(older.authMethods.emailPassword.minPasswordLength).toBe(10);
    expect(older.authMethods.teams.enabled).toBe(false);
  });

  it("validates settings with each method's schema, reporting errors on the field", () => {
    const emailPassword = authMethodSettingsSchema(AUTH_METHODS.emailPassword as AuthMethodDefinition);
    const tooShort = emailPassword.safeParse({ minPasswordLength: 4, maxPasswordLength: 128 });
    expect(tooShort.error?.issues[0]).toMatchObject({
      path: ["minPasswordLength"],
      message: "Minimum length must be at least 8.",
    });
    const crossed = emailPassword.safeParse({ minPasswordLength: 64, maxPasswordLength: 32 });
    expect(crossed.error?.issues[0]).toMatchObject({ path: ["maxPasswordLength"] });
    const multiSession = authMethodSettingsSchema(AUTH_METHODS.multiSession as AuthMethodDefinition);
    expect(multiSession.safeParse({ maximumSessions: 2.5 }).error?.issues[0]?.message).toBe(
      "Accounts per browser must be a whole number.",
    );
    expect(multiSession.safeParse({ maximumSessions: 3 }).data).toEqual({ maximumSessions: 3 });
    // A stored config is held to the same rules.
    expect(
      TenantConfigSchema.safeParse({ authMethods: { username: { minUsernameLength: 20, maxUsernameLength: 10 } } })
        .success,
    ).toBe(false);
  });

  it("refuses a method whose dependency is off, and turning off a dependency while a dependent is on", () => {
    const methods = configWith({}).authMethods;
    expect(dependencyRefusal(methods, "teams", true)).toBe("Turn on Organizations first: Teams needs it.");
    expect(dependencyRefusal(methods, "organizations", true)).toBeNull();
    const withTeams = configWith({ authMethods: { organizations: { enabled: true }, teams: { enabled: true } } });
    expect(dependencyRefusal(withTeams.authMethods, "organizations", false)).toBe(
      "Turn off Teams first: it needs Organizations.",
    );
    expect(dependencyRefusal(withTeams.authMethods, "teams", false)).toBeNull();
    const withUsername = configWith({ authMethods: { username: { enabled: true } } });
    expect(dependencyRefusal(withUsername.authMethods, "emailPassword", false)).toBe(
      "Turn off Username first: it needs Email and password.",
    );
  });

  it("builds better-auth options per enabled method", () => {
    const defaults = authMethodsOptions(configWith({}).authMethods, context);
    expect(defaults.emailAndPassword).toEqual({
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      requireEmailVerification: false,
      revokeSessionsOnPasswordReset: false,
    });
    // JWTs are on by default: the only plugin of a fresh tenant.
    expect(defaults.plugins.map((plugin) => plugin.id)).toEqual(["jwt"]);

    const everything = authMethodsOptions(
      configWith({
        authMethods: {
          emailPassword: { minPasswordLength: 12 },
          username: { enabled: true },
          organizations: { enabled: true },
          teams: { enabled: true },
          multiSession: { enabled: true },
          bearer: { enabled: true },
        },
      }).authMethods,
      context,
    );
    expect(everything.emailAndPassword.minPasswordLength).toBe(12);
    expect(everything.plugins.map((plugin) => plugin.id)).toEqual([
      "username",
      "organization",
      "portico-organization-leave-events",
      "multi-session",
      "bearer",
      "jwt",
    ]);
    const organization = everything.plugins.find((plugin) => plugin.id === "organization")!;
    expect(Object.keys(organization.schema ?? {})).toEqual(expect.arrayContaining(["team", "teamMember"]));

    const withoutTeams = authMethodsOptions(
      configWith({ authMethods: { organizations: { enabled: true } } }).authMethods,
      context,
    );
    expect(Object.keys(withoutTeams.plugins[0]!.schema ?? {})).not.toContain("team");

    const off = authMethodsOptions(
      configWith({ authMethods: { emailPassword: { enabled: false } } }).authMethods,
      context,
    );
    expect(off.emailAndPassword.enabled).toBe(false);
  });

  it("knows common passwords, whatever their case, and not good ones", async () => {
    expect(await isCommonPassword("password123")).toBe(true);
    expect(await isCommonPassword("Qwertyuiop")).toBe(true);
    expect(await isCommonPassword(PASSWORD)).toBe(false);
  });
});

function expectOk(resolved: ResolvedTenant): Extract<ResolvedTenant, { status: "ok" }> {
  if (resolved.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(resolved)}`);
  return resolved;
}

const randomClientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe.each(testProviders())("auth methods on a live tenant (%s)", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  beforeEach(() => {
    registry = testRegistry(tenants, test.storage, PUBLIC_URL);
  });
  afterEach(async () => {
    await registry.close();
    await resetTestStorage(test);
  });

  /** Calls the tenant's auth API as a browser or backend would; JSON in, JSON out. */
  async function call(
    endpoint: string,
    { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const live = expectOk(await registry.resolve({ slug: "acme" }));
    const request = new Request(`${PUBLIC_URL}/t/acme/api/auth${endpoint}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        origin: PUBLIC_URL,
        [CLIENT_IP_HEADER]: randomClientIp(),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await live.auth.handler(request);
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    return { response, status: response.status, json };
  }

  const signUp = (email: string, extra: Record<string, unknown> = {}, password = PASSWORD) =>
    call("/sign-up/email", { body: { name: "Ada", email, password, ...extra } });

  it("serves username, organizations with teams, multi-session and bearer tokens end to end", async () => {
    await tenants.create({
      slug: "acme",
      name: "Acme",
      config: {
        authMethods: {
          username: { enabled: true },
          organizations: { enabled: true },
          teams: { enabled: true },
          multiSession: { enabled: true },
          bearer: { enabled: true },
        },
      },
    });
    const created = await signUp("ada@example.com", { username: "Ada_L" });
    expect(created.status, JSON.stringify(created.json)).toBe(200);

    const signedIn = await call("/sign-in/username", { body: { username: "ada_l", password: PASSWORD } });
    expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(200);
    const token = signedIn.response.headers.get("set-auth-token");
    expect(token).toMatch(/^\S{20,}$/);
    const bearer = { authorization: `Bearer ${token}` };

    const session = await call("/get-session", { headers: bearer });
    expect((session.json?.user as { username?: string }).username).toBe("ada_l");

    const org = await call("/organization/create", {
      body: { name: "Analytical", slug: "analytical" },
      headers: bearer,
    });
    expect(org.status, JSON.stringify(org.json)).toBe(200);
    const team = await call("/organization/create-team", {
      body: { name: "Engines", organizationId: org.json?.id },
      headers: bearer,
    });
    expect(team.status, JSON.stringify(team.json)).toBe(200);
    expect(team.json?.name).toBe("Engines");

    const devices = await call("/multi-session/list-device-sessions", { headers: bearer });
    expect(devices.status, JSON.stringify(devices.json)).toBe(200);
  });

  it("answers 404 for a method that is off", async () => {
    await tenants.create({ slug: "acme", name: "Acme" });
    expect((await call("/organization/create", { body: { name: "X", slug: "x" } })).status).toBe(404);
    expect((await call("/sign-in/username", { body: { username: "ada", password: PASSWORD } })).status).toBe(404);
  });

  it("refuses sign-up when closed, and when invite-only unless the email has a pending invitation", async () => {
    await tenants.create({ slug: "acme", name: "Acme", config: { authMethods: { organizations: { enabled: true } } } });
    const owner = await signUp("owner@example.com");
    expect(owner.status).toBe(200);

    const config = (await tenants.requireBySlug("acme")).config;
    await tenants.updateConfig("acme", { ...config, signUp: { mode: "closed" } });
    const closed = await signUp("new@example.com");
    expect(closed.status).toBe(403);
    expect(closed.json).toMatchObject({ code: "SIGN_UP_CLOSED", message: expect.stringContaining("closed") });

    await tenants.updateConfig("acme", { ...config, signUp: { mode: "invite-only" } });
    const uninvited = await signUp("new@example.com");
    expect(uninvited.json).toMatchObject({ code: "SIGN_UP_INVITE_ONLY" });

    // The owner's session cookie (bearer tokens are off here).
    const cookie = owner.response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const org = await call("/organization/create", { body: { name: "Org", slug: "org" }, headers: { cookie } });
    expect(org.status, JSON.stringify(org.json)).toBe(200);
    const invite = await call("/organization/invite-member", {
      body: { email: "new@example.com", role: "member", organizationId: org.json?.id },
      headers: { cookie },
    });
    expect(invite.status, JSON.stringify(invite.json)).toBe(200);
    expect((await signUp("new@example.com")).status).toBe(200);
    expect((await signUp("other@example.com")).json).toMatchObject({ code: "SIGN_UP_INVITE_ONLY" });
  });

  it("refuses common passwords at sign-up and password change, unless the policy is off", async () => {
    await tenants.create({ slug: "acme", name: "Acme" });
    const common = await signUp("ada@example.com", {}, "password123");
    expect(common.status).toBe(400);
    expect(common.json).toMatchObject({ code: "PASSWORD_TOO_COMMON" });

    const ok = await signUp("ada@example.com");
    const cookie = ok.response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const change = await call("/change-password", {
      body: { currentPassword: PASSWORD, newPassword: "iloveyou1" },
      headers: { cookie },
    });
    expect(change.json).toMatchObject({ code: "PASSWORD_TOO_COMMON" });

    const config = (await tenants.requireBySlug("acme")).config;
    await tenants.updateConfig("acme", {
      ...config,
      passwordPolicy: { ...config.passwordPolicy, rejectCommonPasswords: false, minStrength: 0 },
    });
    expect((await signUp("bob@example.com", {}, "password123")).status).toBe(200);
  });

  describe("config.json", () => {
    const get = async (headers: Record<string, string> = {}) => {
      const tenant = await tenants.requireBySlug("acme");
      return publicConfigResponse(new Request(`${PUBLIC_URL}/t/acme/config.json`, { headers }), tenant);
    };

    it("publishes the enabled methods' public settings and never a secret", async () => {
      await tenants.create({
        slug: "acme",
        name: "Acme",
        config: {
          authMethods: { multiSession: { enabled: true, maximumSessions: 3 }, teams: { maximumTeams: 7 } },
          smtp: { host: "smtp.example.com", user: "mailer", fromAddress: "no-reply@example.com" },
        },
      });
      await tenants.setSecret("acme", "smtpPassword", "hunter2-smtp-secret");
      const response = await get();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        tenant: { slug: "acme", name: "Acme" },
        signUp: { mode: "open" },
        passwordPolicy: { minLength: 8, maxLength: 128, rejectCommonPasswords: true },
        authMethods: {
          emailPassword: {
            category: "Passwords",
            settings: { minPasswordLength: 8, maxPasswordLength: 128, requireEmailVerification: false },
          },
          multiSession: { category: "Tokens & sessions", settings: { maximumSessions: 3 } },
          jwt: { category: "Tokens & sessions", settings: { algorithm: "EdDSA" } },
        },
      });
      const secrets = await tenants.getSecrets((await tenants.requireBySlug("acme")).id);
      for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/smtp|mailer/i);
    });

    it("answers 304 to a matching If-None-Match and a new ETag after a change", async () => {
      await tenants.create({ slug: "acme", name: "Acme" });
      const first = await get();
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^".+"$/);
      const again = await get({ "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect((await get({ "if-none-match": `W/${etag}, "other"` })).status).toBe(304);

      const config = (await tenants.requireBySlug("acme")).config;
      await tenants.updateConfig("acme", {
        ...config,
        authMethods: { ...config.authMethods, bearer: { enabled: true } },
      });
      const changed = await get({ "if-none-match": etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get("etag")).not.toBe(etag);
      expect(Object.keys(((await changed.json()) as { authMethods: object }).authMethods)).toContain("bearer");
    });
  });

  it("keeps the tenant plane's plugin tables after migrations", async () => {
    const tenant = await tenants.create({ slug: "acme", name: "Acme" });
    const tables = await withRaw(test, { tenantId: tenant.id }, async (db) =>
      provider === "sqlite"
        ? (await db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((row) => row.name)
        : (
            await db.all<{ table_name: string }>(
              `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
            )
          ).map((row) => row.table_name),
    );
    expect(tables).toEqual(expect.arrayContaining(["organization", "member", "invitation", "team", "teamMember"]));
  });
});
