import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiKeyService, parseCreateApiKeyForm } from "~/api-keys/keys.server";
import { ApiKeyRateLimiter } from "~/api-keys/rate-limit.server";
import { memoryBackend } from "~/rate-limit/backends.server";
import type { Provider } from "~/db/paths.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, withRaw, type TestStorage } from "../support/storage";

const SECRET = "api-keys-test-deployment-secret".padEnd(48, "z");

describe.each(testProviders())("API keys on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let apiKeys: ApiKeyService;
  let prod: Tenant;
  let dev: Tenant;

  const create = (tenant: Tenant, extra: Partial<Parameters<ApiKeyService["create"]>[0]> = {}) =>
    apiKeys.create({ tenant, name: "Backend", scopes: ["users:read", "config:read"], createdById: null, ...extra });

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => test.cleanup());
  beforeEach(async () => {
    await resetTestStorage(test);
    await (await test.storage.control()).apiKey.deleteMany();
    apiKeys = new ApiKeyService(test.storage);
    prod = await tenants.create({ slug: "acme", name: "Acme", environment: "production" });
    dev = await tenants.create({ slug: "acme-dev", name: "Acme Dev" });
  });

  it("creates a key named after the environment that verifies with its scopes", async () => {
    const { key, apiKey } = await create(prod);
    expect(key).toMatch(/^pk_live_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ prefix: key.slice(0, 12), scopes: ["users:read", "config:read"], status: "active" });
    expect((await create(dev)).key).toMatch(/^pk_test_/);

    expect(await apiKeys.verify(key, "203.0.113.7")).toEqual({
      ok: true,
      tenantId: prod.id,
      keyId: apiKey.id,
      scopes: ["users:read", "config:read"],
      rateLimitPerMinute: 600,
    });
    const [listed] = await apiKeys.list(prod.id);
    expect(listed).toMatchObject({ id: apiKey.id, lastUsedIp: "203.0.113.7" });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed).not.toHaveProperty("hash");
  });

  it("stores only a hash: the plaintext key is nowhere in the row", async () => {
    const { key, apiKey } = await create(prod);
    const rows = await withRaw(test, "control", (db) => db.all(`SELECT * FROM "api_key" WHERE "id" = ?`, [apiKey.id]));
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain(key);
    expect(raw).not.toContain(key.slice(12));
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records the last use at most once a minute", async () => {
    const { key, apiKey } = await create(prod);
    await apiKeys.verify(key, "198.51.100.1");
    await apiKeys.verify(key, "198.51.100.2");
    expect((await apiKeys.list(prod.id))[0]!.lastUsedIp).toBe("198.51.100.1");
    const db = await test.storage.control();
    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await apiKeys.verify(key, "198.51.100.2");
    expect((await apiKeys.list(prod.id))[0]!.lastUsedIp).toBe("198.51.100.2");
  });

  it("refuses unknown, malformed, revoked and expired keys with the reason", async () => {
    const { key, apiKey } = await create(prod);
    expect(await apiKeys.verify(`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await apiKeys.verify("not a key", null)).toEqual({ ok: false, reason: "invalid" });
    expect(await apiKeys.verify("", null)).toEqual({ ok: false, reason: "invalid" });

    expect(await apiKeys.revoke(prod.id, apiKey.id)).toMatchObject({ status: "revoked" });
    expect(await apiKeys.verify(key, null)).toEqual({ ok: false, reason: "revoked" });

    const expiring = await create(prod, { expiresAt: new Date(Date.now() + 60_000) });
    expect(await apiKeys.verify(expiring.key, null)).toMatchObject({ ok: true });
    const db = await test.storage.control();
    await db.apiKey.update({ where: { id: expiring.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await apiKeys.verify(expiring.key, null)).toEqual({ ok: false, reason: "expired" });
    expect((await apiKeys.list(prod.id)).map((k) => k.status).sort()).toEqual(["expired", "revoked"]);
  });

  it("cannot revoke another tenant's key", async () => {
    const { key, apiKey } = await create(dev);
    await expect(apiKeys.revoke(prod.id, apiKey.id)).rejects.toMatchObject({ code: "key_not_found" });
    expect(await apiKeys.verify(key, null)).toMatchObject({ ok: true, tenantId: dev.id });
    expect(await apiKeys.list(prod.id)).toEqual([]);
  });

  it("validates input: scopes from the catalog, a future expiry, a sane rate limit", async () => {
    await expect(create(prod, { scopes: [] })).rejects.toMatchObject({ code: "invalid_input", field: "scopes" });
    await expect(create(prod, { scopes: ["users:delete" as "users:read"] })).rejects.toMatchObject({
      field: "scopes",
    });
    await expect(create(prod, { name: " " })).rejects.toMatchObject({ field: "name" });
    await expect(create(prod, { expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({
      field: "expiresAt",
    });
    await expect(create(prod, { rateLimitPerMinute: 0 })).rejects.toMatchObject({ field: "rateLimitPerMinute" });
    expect(await apiKeys.list(prod.id)).toEqual([]);

    const form = (entries: [string, string][]) => {
      const data = new FormData();
      for (const [name, value] of entries) data.append(name, value);
      return parseCreateApiKeyForm(data);
    };
    expect(
      form([
        ["name", "x".repeat(101)],
        ["scopes", "nope"],
        ["expiresOn", "2001-01-01"],
        ["rateLimitPerMinute", "ten"],
      ]),
    ).toEqual({
      success: false,
      errors: {
        name: "Use at most 100 characters.",
        scopes: "Choose scopes from the list.",
        expiresOn: "Choose a date in the future.",
        rateLimitPerMinute: "Enter a whole number of requests per minute.",
      },
    });
    expect(
      form([
        ["name", " CI "],
        ["scopes", "users:read"],
        ["scopes", "webhooks:write"],
        ["expiresOn", "2999-12-31"],
        ["rateLimitPerMinute", "30"],
      ]),
    ).toEqual({
      success: true,
      data: {
        name: "CI",
        scopes: ["users:read", "webhooks:write"],
        expiresAt: new Date("2999-12-31T23:59:59.999Z"),
        rateLimitPerMinute: 30,
      },
    });
  });
});

describe("API key rate limit", () => {
  it("blocks after N requests in a window and resets with the next window", async () => {
    const limiter = new ApiKeyRateLimiter(memoryBackend(), 1);
    for (let i = 0; i < 3; i++)
      expect(await limiter.check("key-a", 3)).toMatchObject({ allowed: true, remaining: 2 - i });
    expect(await limiter.check("key-a", 3)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 1 });
    // Another key has its own window.
    expect(await limiter.check("key-b", 3)).toMatchObject({ allowed: true, remaining: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await limiter.check("key-a", 3)).toMatchObject({ allowed: true, remaining: 2 });
  });
});
