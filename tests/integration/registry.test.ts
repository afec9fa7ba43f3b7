import { randomInt } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getLogger } from "~/ops/log.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { Provider } from "~/db/paths.server";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, withRaw, type TestStorage } from "../support/storage";

const PUBLIC_URL = "http://localhost:3999";
const SECRET = "registry-test-deployment-secret".padEnd(48, "z");

function expectOk(resolved: ResolvedTenant): Extract<ResolvedTenant, { status: "ok" }> {
  if (resolved.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(resolved)}`);
  return resolved;
}

/**
 * A client address no other test has used: better-auth's in-memory rate-limit buckets live as
 * long as the worker process, so tests sharing an address would throttle each other.
 */
function randomClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Calls a tenant's better-auth handler the way the /t/<slug>/api/auth/* route does. */
async function callAuth(
  resolved: Extract<ResolvedTenant, { status: "ok" }>,
  endpoint: string,
  { body, cookie, ip = randomClientIp() }: { body?: unknown; cookie?: string; ip?: string } = {},
): Promise<Response> {
  const headers = new Headers({ origin: PUBLIC_URL, [CLIENT_IP_HEADER]: ip });
  if (body !== undefined) headers.set("content-type", "application/json");
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`${PUBLIC_URL}/t/${resolved.tenant.slug}/api/auth/${endpoint}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return resolved.auth.handler(request);
}

/** The `Cookie` header a browser would send back, from a response's Set-Cookie headers. */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
}

describe.each(testProviders())("tenant registry on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;

  const newRegistry = (maxHotTenants = 10) =>
    new TenantRegistry({
      tenants,
      storage: test.storage,
      publicUrl: new URL(PUBLIC_URL),
      maxHotTenants,
      lookupTtlMs: 0,
      closeGraceMs: 0,
    });

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  beforeEach(() => {
    registry = newRegistry();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await registry.close();
    await resetTestStorage(test);
  });

  const countUsers = (tenant: Tenant, email: string) =>
    withRaw(test, { tenantId: tenant.id }, async (db) =>
      (await db.all<{ id: string }>(`SELECT id FROM "user" WHERE email = ?`, [email])).map((row) => row.id),
    );

  it("builds a tenant on first use and reuses the same auth instance afterwards", async () => {
    const acme = await tenants.create({ slug: "acme", name: "Acme" });
    expect(registry.hotTenantIds).toEqual([]);

    const first = expectOk(await registry.resolve({ slug: "acme" }));
    expect(first.tenant.id).toBe(acme.id);
    expect(registry.hotTenantIds).toEqual([acme.id]);

    const second = expectOk(await registry.resolve({ slug: "acme" }));
    expect(second.auth).toBe(first.auth);
    expect(second.db).toBe(first.db);
    expect(expectOk(await registry.resolve({ id: acme.id })).auth).toBe(first.auth);
  });

  it("builds a cold tenant once when many requests arrive together", async () => {
    await tenants.create({ slug: "acme", name: "Acme" });
    const open = vi.spyOn(test.storage, "openTenantDatabase");
    const results = await Promise.all(Array.from({ length: 5 }, () => registry.resolve({ slug: "acme" })));
    const auths = new Set(results.map((resolved) => expectOk(resolved).auth));
    expect(auths.size).toBe(1);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("answers not_found for an unknown slug and for a disabled tenant, and serves it again once re-enabled", async () => {
    await tenants.create({ slug: "acme", name: "Acme" });
    expect(await registry.resolve({ slug: "nobody" })).toEqual({ status: "not_found" });

    expectOk(await registry.resolve({ slug: "acme" }));
    await tenants.setStatus("acme", "disabled");
    expect(await registry.resolve({ slug: "acme" })).toEqual({ status: "not_found" });

    await tenants.setStatus("acme", "active");
    expectOk(await registry.resolve({ slug: "acme" }));
  });

  it("resolves a tenant by its custom hostname", async () => {
    const acme = await tenants.create({ slug: "acme", name: "Acme", hostnames: ["auth.acme.test"] });
    expect(expectOk(await registry.resolve({ hostname: "auth.acme.test" })).tenant.id).toBe(acme.id);
    expect(await registry.resolve({ hostname: "auth.other.test" })).toEqual({ status: "not_found" });
  });

  it("reports a tenant whose stored config no longer validates as unavailable, without affecting others", async () => {
    const broken = await tenants.create({ slug: "broken", name: "Broken Co" });
    await tenants.create({ slug: "healthy", name: "Healthy" });
    await withRaw(test, "control", (db) =>
      db.run(`UPDATE tenant SET config = ?, "configVersion" = "configVersion" + 1 WHERE id = ?`, [
        JSON.stringify({ session: { expiresIn: "never" } }),
        broken.id,
      ]),
    );
    const log = vi.spyOn(getLogger(), "error").mockImplementation(() => undefined);

    const resolved = await registry.resolve({ slug: "broken" });
    expect(resolved.status).toBe("unavailable");
    if (resolved.status !== "unavailable") return;
    expect(resolved.message).toMatch(/Broken Co.*temporarily unavailable/);
    expect(resolved.tenant.id).toBe(broken.id);
    // The operator's log says which tenant and why.
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ tenant: "broken", tenant_id: broken.id, cause: expect.stringContaining("expiresIn") }),
      "Tenant cannot be loaded",
    );
    expect(registry.hotTenantIds).not.toContain(broken.id);

    expectOk(await registry.resolve({ slug: "healthy" }));

    // Fixing the config (which bumps configVersion) brings the tenant back at once.
    await tenants.updateConfig("broken", { session: { expiresIn: 3600 } });
    const fixed = expectOk(await registry.resolve({ slug: "broken" }));
    expect(fixed.auth.options.session?.expiresIn).toBe(3600);
  });

  it("rebuilds a tenant with its new config after an update, and closes the old connection", async () => {
    await tenants.create({ slug: "acme", name: "Acme" });
    const before = expectOk(await registry.resolve({ slug: "acme" }));
    expect(before.auth.options.trustedOrigins).not.toContain("https://app.acme.test");
    const disconnect = vi.spyOn(before.db, "$disconnect");

    await tenants.updateConfig("acme", { trustedOrigins: ["https://app.acme.test"], rateLimit: { max: 7 } });
    const after = expectOk(await registry.resolve({ slug: "acme" }));
    expect(after.auth).not.toBe(before.auth);
    expect(after.auth.options.trustedOrigins).toEqual(expect.arrayContaining([PUBLIC_URL, "https://app.acme.test"]));
    expect(after.auth.options.rateLimit?.max).toBe(7);
    expect(expectOk(await registry.resolve({ slug: "acme" })).auth).toBe(after.auth);
    // closeGraceMs 0: released at once. (PostgreSQL shares one pool, so only SQLite disconnects.)
    if (provider === "sqlite") await vi.waitFor(() => expect(disconnect).toHaveBeenCalled());
    expect(await after.db.user.count()).toBe(0);
  });

  it("keeps at most maxHotTenants built, evicting the least recently used, which rebuilds on demand", async () => {
    registry = newRegistry(2);
    const [a, b, c] = await Promise.all(
      ["alpha", "bravo", "charlie"].map((slug) => tenants.create({ slug, name: slug })),
    );
    const first = expectOk(await registry.resolve({ slug: "alpha" }));
    const disconnect = vi.spyOn(first.db, "$disconnect");
    expectOk(await registry.resolve({ slug: "bravo" }));
    expectOk(await registry.resolve({ slug: "charlie" }));
    expect(registry.hotTenantIds).toEqual([b!.id, c!.id]);
    if (provider === "sqlite") await vi.waitFor(() => expect(disconnect).toHaveBeenCalledTimes(1));

    // Using bravo makes charlie the least recently used.
    expectOk(await registry.resolve({ slug: "bravo" }));
    const again = expectOk(await registry.resolve({ slug: "alpha" }));
    expect(again.auth).not.toBe(first.auth);
    expect(registry.hotTenantIds).toEqual([b!.id, a!.id]);
    expect(await again.db.user.count()).toBe(0);
  });

  it("keeps each tenant's users and sessions apart (same email, separate accounts and cookies)", async () => {
    const a = await tenants.create({ slug: "alpha", name: "Alpha" });
    const b = await tenants.create({ slug: "bravo", name: "Bravo" });
    const alpha = expectOk(await registry.resolve({ slug: "alpha" }));
    const bravo = expectOk(await registry.resolve({ slug: "bravo" }));
    const email = "same.person@example.com";
    const body = { email, password: "correct horse battery staple", name: "Same Person" };

    const signUpA = await callAuth(alpha, "sign-up/email", { body });
    expect(signUpA.status, await signUpA.clone().text()).toBe(200);
    const signUpB = await callAuth(bravo, "sign-up/email", { body: { ...body, password: "a different password!" } });
    expect(signUpB.status, await signUpB.clone().text()).toBe(200);

    const idsA = await countUsers(a, email);
    const idsB = await countUsers(b, email);
    expect(idsA).toHaveLength(1);
    expect(idsB).toHaveLength(1);
    expect(idsA[0]).not.toBe(idsB[0]);

    // The session cookie is scoped to the tenant's path and named after its id.
    const sessionCookie = signUpA.headers.getSetCookie().find((line) => line.includes("session_token="));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie!.split("=")[0]).toContain(a.id);
    expect(sessionCookie).toMatch(/;\s*Path=\/t\/alpha(;|$)/i);
    expect(sessionCookie).toMatch(/;\s*HttpOnly/i);

    const cookie = cookieHeader(signUpA);
    const sessionA = await callAuth(alpha, "get-session", { cookie });
    expect(sessionA.status).toBe(200);
    expect(((await sessionA.json()) as { user: { id: string; email: string } }).user).toMatchObject({
      id: idsA[0],
      email,
    });

    const sessionB = await callAuth(bravo, "get-session", { cookie });
    expect(sessionB.status).toBe(200);
    expect(await sessionB.json()).toBeNull();

    // Even renamed to bravo's cookie name, alpha's token means nothing to bravo.
    const forged = cookie.replaceAll(`portico.${a.id}.`, `portico.${b.id}.`);
    expect(forged).not.toBe(cookie);
    const forgedB = await callAuth(bravo, "get-session", { cookie: forged });
    expect(await forgedB.json()).toBeNull();

    // Signing in to bravo needs bravo's password, not alpha's.
    const wrongPassword = await callAuth(bravo, "sign-in/email", { body: { email, password: body.password } });
    expect(wrongPassword.status).toBe(401);
  });

  it("limits repeated sign-in attempts from one client address", async () => {
    await tenants.create({ slug: "alpha", name: "Alpha" });
    const alpha = expectOk(await registry.resolve({ slug: "alpha" }));
    const ip = randomClientIp();
    const attempt = (from: string) =>
      callAuth(alpha, "sign-in/email", { ip: from, body: { email: "nobody@example.com", password: "wrong password" } });

    // better-auth's built-in rule for /sign-in/*: 3 requests per 10 s per address.
    for (let i = 0; i < 3; i++) expect((await attempt(ip)).status).toBe(401);
    const limited = await attempt(ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect((await attempt(randomClientIp())).status).toBe(401);
  });

  // Each tenant has its own rate-limit store: failures on one never throttle another.
  it("rate-limits each tenant separately", async () => {
    await tenants.create({ slug: "alpha", name: "Alpha" });
    await tenants.create({ slug: "bravo", name: "Bravo" });
    const alpha = expectOk(await registry.resolve({ slug: "alpha" }));
    const bravo = expectOk(await registry.resolve({ slug: "bravo" }));
    const ip = randomClientIp();
    const body = { email: "nobody@example.com", password: "wrong password" };
    for (let i = 0; i < 4; i++) await callAuth(alpha, "sign-in/email", { ip, body });

    expect((await callAuth(bravo, "sign-in/email", { ip, body })).status).toBe(401);
  });
});
