import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryBackend } from "~/rate-limit/backends.server";
import { deploymentRateLimits, setProcessRateLimits } from "~/rate-limit/process.server";
import { createRedisClient } from "~/redis/client.server";
import { liveTenantHarness } from "../support/live-tenant";

/**
 * A live tenant's better-auth limits count in the deployment's store: sign-in attempts from one
 * address that reach two instances (two Redis connections, switched between requests as a load
 * balancer would) share one budget, and the counts are kept under the tenant's id.
 */
const REDIS_URL = "redis://127.0.0.1:6379/0";

describe("better-auth's limits on a live tenant, counted in Redis", () => {
  const harness = liveTenantHarness("sqlite");
  const redisPrefix = `portico-test-${randomBytes(4).toString("hex")}:`;
  let clients: Redis[];

  beforeAll(async () => {
    clients = [createRedisClient(REDIS_URL), createRedisClient(REDIS_URL)];
    await Promise.all(clients.map((client) => new Promise((resolve) => client.once("ready", resolve))));
    await harness.setUp();
  });

  afterAll(async () => {
    setProcessRateLimits(memoryBackend());
    await harness.reset();
    await harness.tearDown();
    const keys = await clients[0]!.keys(`${redisPrefix}*`);
    if (keys.length > 0) await clients[0]!.del(...keys);
    await Promise.all(clients.map((client) => client.quit()));
  });

  it("refuses the fourth sign-in in the window from one address, whichever instance counted the first three", async () => {
    const [one, two] = clients.map((redis) => deploymentRateLimits({ redis, redisPrefix, controlPool: null }));
    const tenant = await harness.createTenant();
    const ip = "203.0.113.50";
    const signIn = () =>
      harness.call("/sign-in/email", {
        body: { email: `nobody-${randomBytes(4).toString("hex")}@example.com`, password: "wrong-password-1" },
        ip,
      });

    setProcessRateLimits(one!);
    expect((await signIn()).status).toBe(401);
    expect((await signIn()).status).toBe(401);
    setProcessRateLimits(two!);
    expect((await signIn()).status).toBe(401);
    const refused = await signIn();
    expect(refused.status).toBe(429);
    expect(Number(refused.response.headers.get("x-retry-after"))).toBeGreaterThan(0);

    // Another address still gets in (the limit is per client address, not global).
    expect((await harness.call("/sign-in/email", { body: { email: "a@example.com", password: "x" } })).status).toBe(
      401,
    );
    const keys = await clients[0]!.keys(`${redisPrefix}rl:auth:*`);
    expect(keys).toContain(`${redisPrefix}rl:auth:10/3:${tenant.id}:${ip}|/sign-in/email`);
  });
});
