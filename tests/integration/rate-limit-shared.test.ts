import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiKeyRateLimiter } from "~/api-keys/rate-limit.server";
import { accountThrottle, throttleCounters } from "~/auth/account-throttle.server";
import { createTenantRateLimitStore } from "~/auth/rate-limit.server";
import { PostgresStorage } from "~/db/postgres-storage.server";
import { decisionLimiter } from "~/forward-auth/rate-limit.server";
import { memoryBackend, type RateLimitBackend } from "~/rate-limit/backends.server";
import { deploymentRateLimits } from "~/rate-limit/process.server";
import { createRedisClient } from "~/redis/client.server";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

/**
 * Two Portico instances behind a load balancer count in one store: each "instance" here is a
 * store built the way context.server.ts builds it, on its own connection (its own Redis
 * client or PostgreSQL pool). Whatever instance an attacker reaches, the limit is the
 * deployment's, and one tenant's traffic never throttles another tenant.
 */
const REDIS_URL = "redis://127.0.0.1:6379/0";
const settings = { freeAttempts: 2, maxDelaySeconds: 60, lockAfter: 5, noticeAfter: 3 };

type Instances = { one: RateLimitBackend; two: RateLimitBackend; close(): Promise<void> };

async function redisInstances(): Promise<Instances> {
  // A prefix per run: the machine's Redis is shared with other test runs.
  const redisPrefix = `portico-test-${randomBytes(4).toString("hex")}:`;
  const clients = [createRedisClient(REDIS_URL), createRedisClient(REDIS_URL)];
  await Promise.all(clients.map((client) => new Promise((resolve) => client.once("ready", resolve))));
  const [one, two] = clients.map((redis) => deploymentRateLimits({ redis, redisPrefix, controlPool: null }));
  return {
    one: one!,
    two: two!,
    async close() {
      await clients[0]!.eval(
        "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end",
        0,
        `${redisPrefix}*`,
      );
      await Promise.all(clients.map((client) => client.quit()));
    },
  };
}

async function postgresInstances(): Promise<Instances & { test: TestStorage<PostgresStorage> }> {
  const test = await createTestStorage("postgresql");
  await test.storage.control(); // the control schema the table lives in
  const second = new PostgresStorage(test.databaseUrl!, { max: 2 });
  const [one, two] = [test.storage, second].map((storage) =>
    deploymentRateLimits({ redis: null, redisPrefix: "", controlPool: storage.pool }),
  );
  return {
    test,
    one: one!,
    two: two!,
    async close() {
      await second.close();
      await test.cleanup();
    },
  };
}

const stores = ["redis", ...testProviders().filter((provider) => provider === "postgresql")] as const;

describe.each(stores)("rate limits shared across instances on %s", (store) => {
  let instances: Instances;
  beforeAll(async () => {
    instances = store === "redis" ? await redisInstances() : await postgresInstances();
  });
  afterAll(() => instances.close());

  it("uses the store the deployment names", () => {
    expect(instances.one.kind).toBe(store);
  });

  it("gives better-auth's per-IP limit one budget across instances, per tenant", async () => {
    const acmeOne = createTenantRateLimitStore("acme", instances.one);
    const acmeTwo = createTenantRateLimitStore("acme", instances.two);
    const globex = createTenantRateLimitStore("globex", instances.two);
    const rule = { window: 60, max: 3 };
    const key = "203.0.113.7|/sign-in/email";
    expect(await acmeOne.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await acmeTwo.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    expect(await acmeOne.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
    const refused = await acmeTwo.consume(key, rule);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(50);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    // Another tenant's users behind the same address are not throttled by acme's attempts.
    expect(await globex.consume(key, rule)).toEqual({ allowed: true, retryAfter: null });
  });

  it("counts an account's failed sign-ins on every instance", async () => {
    const one = accountThrottle(throttleCounters(instances.one), "acme", settings);
    const two = accountThrottle(throttleCounters(instances.two), "acme", settings);
    const other = accountThrottle(throttleCounters(instances.two), "globex", settings);
    const account = "victim@example.com";
    for (const instance of [one, two]) {
      expect(await instance.begin(account, { lockable: true })).toBeNull();
      await instance.failed(account);
    }
    // Two failures, one on each instance: past the free two, so the next attempt waits a
    // second on either instance (one instance alone would have seen a single failure).
    expect(await one.begin(account, { lockable: true })).toEqual({
      reason: "backoff",
      failures: 2,
      retryAfterSeconds: 1,
    });
    expect(await two.begin(account, { lockable: true })).toMatchObject({ reason: "backoff", failures: 2 });
    // The same address at another tenant is another account.
    expect(await other.begin(account, { lockable: true })).toBeNull();
    // A successful sign-in on one instance lifts the count for all of them.
    await one.lift(account);
    expect(await two.begin(account, { lockable: true })).toBeNull();
  });

  it("counts an identifier longer than the store's key column", async () => {
    const throttle = accountThrottle(throttleCounters(instances.one), "acme", settings);
    const long = `${"x".repeat(300)}@example.com`;
    expect(await throttle.begin(long, { lockable: true })).toBeNull();
    expect(await throttle.failed(long)).toEqual({ failures: 1, notify: false });
  });

  it("gives an API key one budget per minute across instances", async () => {
    const one = new ApiKeyRateLimiter(instances.one);
    const two = new ApiKeyRateLimiter(instances.two);
    expect(await one.check("key-1", 2)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await two.check("key-1", 2)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await one.check("key-1", 2);
    expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    expect(refused.resetSeconds).toBeGreaterThan(50);
  });

  it("gives a forward-auth rule one budget across instances", async () => {
    const limit = { points: 2, durationSeconds: 30 };
    const key = "acme:rule-1:ip:198.51.100.4";
    expect(await decisionLimiter(instances.one).consume(key, limit)).toEqual({ allowed: true, remaining: 1 });
    expect(await decisionLimiter(instances.two).consume(key, limit)).toEqual({ allowed: true, remaining: 0 });
    expect(await decisionLimiter(instances.one).consume(key, limit)).toMatchObject({ allowed: false });
  });
});

describe("the Redis connection", () => {
  it("fails a command at once while Redis is unreachable instead of queueing it", async () => {
    const client: Redis = createRedisClient("redis://127.0.0.1:1/0");
    const started = Date.now();
    await expect(client.get("anything")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
    client.disconnect();
  });
});

describe("rate limits in memory (embedded mode)", () => {
  it("keep at most 100,000 client addresses per rule, dropping the oldest, so a flood cannot exhaust memory", async () => {
    const store = createTenantRateLimitStore("acme", memoryBackend());
    const rule = { window: 60, max: 1 };
    const key = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}|/sign-in/email`;
    expect(await store.consume(key(0), rule)).toEqual({ allowed: true, retryAfter: null });
    expect((await store.consume(key(0), rule)).allowed).toBe(false);
    for (let n = 1; n < 100_000; n++) await store.consume(key(n), rule);
    // 100,000 addresses are counted: the first is still refused.
    expect((await store.consume(key(0), rule)).allowed).toBe(false);
    await store.consume(key(100_000), rule);
    // One more, and the oldest count is dropped; the newest ones are kept.
    expect((await store.consume(key(0), rule)).allowed).toBe(true);
    expect((await store.consume(key(100_000), rule)).allowed).toBe(false);
  });
});
