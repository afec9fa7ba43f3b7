import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkReadiness } from "~/ops/readiness.server";
import { getLogger } from "~/ops/log.server";
import { rateLimitStoreFallbacks, rateLimitStoreUp } from "~/ops/metrics.server";
import type { RateLimitBackend } from "~/rate-limit/backends.server";
import { deploymentRateLimits } from "~/rate-limit/process.server";
import { createRedisClient } from "~/redis/client.server";
import { freePort } from "../support/server-process";
import { createTestStorage, tempDir, type TestStorage } from "../support/storage";

/**
 * Redis going away (decision 0015): limits fail open to this process's memory, so sign-ins
 * keep working and each instance still enforces the full limit; the operator sees one warning
 * per outage, `portico_rate_limit_store_up` 0, the fallbacks counted and /readyz "degraded"
 * but ready. Once Redis is back, the shared counts are used again. The test runs a Redis of
 * its own on a free port and stops only that one.
 */
let port: number;
let server: ChildProcess | undefined;

async function startRedis(): Promise<void> {
  server = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "pipe" });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; !output.includes("Ready to accept connections"); waited += 50) {
    if (waited > 10_000) throw new Error(`redis-server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopRedis(): Promise<void> {
  const exited = once(server!, "exit");
  spawnSync("redis-cli", ["-p", String(port), "shutdown", "nosave"]);
  await exited;
  server = undefined;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 10_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const gauge = async () => (await rateLimitStoreUp.get()).values[0]?.value;
const fallbacks = async () => (await rateLimitStoreFallbacks.get()).values[0]?.value ?? 0;

describe("rate limits when Redis goes away", () => {
  let client: Redis;
  let observer: Redis;
  let limits: RateLimitBackend;
  let sqlite: TestStorage;
  const spec = { keyPrefix: "outage-test", points: 3, duration: 60 };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    client = createRedisClient(`redis://127.0.0.1:${port}`);
    observer = createRedisClient(`redis://127.0.0.1:${port}`);
    limits = deploymentRateLimits({ redis: client, redisPrefix: "portico:", controlPool: null });
    await until(() => client.status === "ready" && observer.status === "ready", "the clients to connect");
    sqlite = await createTestStorage("sqlite");
  });

  afterAll(async () => {
    client.disconnect();
    observer.disconnect();
    if (server) await stopRedis();
    await sqlite.cleanup();
  });

  it("counts in Redis while it answers", async () => {
    await limits.limiter(spec).consume("203.0.113.1");
    expect(await observer.get("portico:rl:outage-test:203.0.113.1")).toBe("1");
    expect(limits.status()).toBe("ok");
    expect(await checkReadiness(sqlite.storage, limits)).toMatchObject({ ready: true, checks: { redis: "ok" } });
  });

  it("falls back to a per-process limit with one warning, a metric and a degraded but ready /readyz", async () => {
    const warn = vi.spyOn(getLogger(), "warn");
    const before = await fallbacks();
    await stopRedis();
    await until(() => client.status !== "ready", "the client to notice");

    const limiter = limits.limiter(spec);
    const answers: string[] = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        await limiter.consume("198.51.100.2").then(
          () => "allowed",
          () => "refused",
        ),
      );
    // Still limited (fail open is not "no limit"): the fourth attempt in the window is refused.
    expect(answers).toEqual(["allowed", "allowed", "allowed", "refused"]);

    const outageWarnings = warn.mock.calls.filter(([, message]) => String(message).includes("rate-limit store"));
    expect(outageWarnings).toHaveLength(1);
    expect(outageWarnings[0]![0]).toEqual({ store: "redis" });
    expect(await fallbacks()).toBe(before + 4);
    expect(await gauge()).toBe(0);
    expect(limits.status()).toBe("degraded");
    expect(await checkReadiness(sqlite.storage, limits)).toEqual({
      ready: true,
      checks: { control_database: "ok", migrations: "ok", redis: "degraded" },
    });
    warn.mockRestore();
  });

  it("shares the counts in Redis again once it is back on the same address", async () => {
    const info = vi.spyOn(getLogger(), "info");
    await startRedis();
    await until(() => client.status === "ready" && observer.status === "ready", "the clients to reconnect");
    expect(limits.status()).toBe("ok");
    expect(await gauge()).toBe(1);
    expect(info.mock.calls.some(([, message]) => String(message).includes("limits are shared again"))).toBe(true);

    const before = await fallbacks();
    await limits.limiter(spec).consume("192.0.2.3");
    await limits.limiter(spec).consume("192.0.2.3");
    expect(await observer.get("portico:rl:outage-test:192.0.2.3")).toBe("2");
    expect(await fallbacks()).toBe(before);
    info.mockRestore();
  });
});

describe("GET /readyz of an instance with REDIS_URL", () => {
  const dataDir = tempDir("portico-readyz-redis-");
  afterAll(async () => {
    if (server) await stopRedis();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports Redis ok, then degraded but still ready (200) while Redis is away", async () => {
    if (!server) await startRedis();
    process.env.PORTICO_DATA_DIR = dataDir;
    process.env.PORTICO_SECRET = "readyz-redis-test-secret".padEnd(48, "r");
    process.env.DATABASE_URL = "";
    process.env.REDIS_URL = `redis://127.0.0.1:${port}/0`;
    const { loader } = await import("~/routes/readyz");
    const { shutdown } = await import("~/context.server");
    const readiness = async () => {
      const response = await loader();
      return { status: response.status, body: (await response.json()) as { checks?: { redis?: string } } };
    };
    // The connection is opened with the instance's services, on the first request.
    for (let tries = 0; (await readiness()).body.checks?.redis !== "ok"; tries++) {
      if (tries > 100) throw new Error("Redis never became ok");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stopRedis();
    let answer = await readiness();
    for (let tries = 0; answer.body.checks?.redis !== "degraded"; tries++, answer = await readiness()) {
      if (tries > 100) throw new Error("Redis never became degraded");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answer).toEqual({
      status: 200,
      body: { status: "ok", checks: { control_database: "ok", migrations: "ok", redis: "degraded" } },
    });
    await shutdown();
  });
});
