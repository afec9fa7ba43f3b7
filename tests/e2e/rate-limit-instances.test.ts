import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { freePort, startServer, type ServerProcess } from "../support/server-process";
import { createTestDatabase } from "../support/storage";

/**
 * Two Portico instances on one PostgreSQL database and one Redis, as behind a load balancer
 * (decision 0015): sign-in attempts from one address share one budget whichever instance they
 * reach. With Redis stopped each instance limits on its own (fail open), says so in its log,
 * metrics and /readyz, and shares the budget again once Redis is back. The Redis is the
 * test's own, on a free port.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const SECRET = randomBytes(36).toString("base64url");
const METRICS_TOKEN = randomBytes(24).toString("base64url");
let redisPort: number;
let redis: ChildProcess | undefined;
let database: { url: string; drop(): Promise<void> };
let instances: ServerProcess[] = [];

async function startRedis(): Promise<void> {
  redis = spawn("redis-server", ["--port", String(redisPort), "--save", "", "--appendonly", "no"], { stdio: "pipe" });
  let output = "";
  redis.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output.includes("Ready to accept connections"), { timeout: 10_000 }).toBe(true);
}

async function stopRedis(): Promise<void> {
  const exited = once(redis!, "exit");
  spawnSync("redis-cli", ["-p", String(redisPort), "shutdown", "nosave"]);
  await exited;
  redis = undefined;
}

/** One wrong password from `ip`, sent to one instance; its status. */
async function signIn(instance: ServerProcess, ip: string): Promise<number> {
  const response = await fetch(`${instance.origin}/t/demo/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: instance.origin, "x-forwarded-for": ip },
    body: JSON.stringify({ email: `nobody-${randomBytes(4).toString("hex")}@example.com`, password: "wrong-pass-1" }),
  });
  return response.status;
}

async function readiness(instance: ServerProcess): Promise<{ status: number; redis?: string }> {
  const response = await fetch(`${instance.origin}/readyz`);
  const body = (await response.json()) as { checks?: { redis?: string } };
  return { status: response.status, redis: body.checks?.redis };
}

async function storeUp(instance: ServerProcess): Promise<string | undefined> {
  const response = await fetch(`${instance.origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await response.text()).split("\n").find((entry) => entry.startsWith("portico_rate_limit_store_up "));
  return line?.split(" ")[1];
}

test.describe("on Redis", () => {
  test.beforeAll(async () => {
    redisPort = await freePort();
    await startRedis();
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      PORTICO_SECRET: SECRET,
      PORTICO_METRICS_TOKEN: METRICS_TOKEN,
      LOG_LEVEL: "info",
    };
    // One after the other: the first creates the demo tenant both serve.
    instances.push(await startServer(env));
    instances.push(await startServer(env));
  });

  test.afterAll(async () => {
    for (const instance of instances) expect(await instance.stop()).toBe(0);
    instances = [];
    if (redis) await stopRedis();
    await database?.drop();
  });

  test("an address gets three sign-in attempts in the window across both instances, not three on each", async () => {
    const [one, two] = instances as [ServerProcess, ServerProcess];
    const ip = "203.0.113.10";
    expect([await signIn(one, ip), await signIn(two, ip), await signIn(one, ip)]).toEqual([401, 401, 401]);
    expect(await signIn(two, ip)).toBe(429);
    expect(await signIn(one, ip)).toBe(429);
    expect(await readiness(one)).toEqual({ status: 200, redis: "ok" });
  });

  test("with Redis stopped each instance still limits on its own, and says so", async () => {
    const [one, two] = instances as [ServerProcess, ServerProcess];
    await stopRedis();
    for (const instance of instances)
      await expect
        .poll(async () => await readiness(instance), { timeout: 10_000 })
        .toEqual({
          status: 200,
          redis: "degraded",
        });

    const ip = "203.0.113.20";
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await signIn(one, ip));
    expect(answers).toEqual([401, 401, 401, 429]);
    // The other instance counts this address apart while the shared store is away.
    expect(await signIn(two, ip)).toBe(401);

    expect(await storeUp(one)).toBe("0");
    for (const instance of instances) {
      const warnings = instance
        .log()
        .split("\n")
        .filter((line) => line.includes("The rate-limit store (redis) does not answer"));
      expect(warnings).toHaveLength(1);
    }
  });

  test("once Redis is back on its address both instances share the budget again", async () => {
    const [one, two] = instances as [ServerProcess, ServerProcess];
    await startRedis();
    for (const instance of instances)
      await expect
        .poll(async () => await readiness(instance), { timeout: 15_000 })
        .toEqual({ status: 200, redis: "ok" });
    expect(await storeUp(two)).toBe("1");

    const ip = "203.0.113.30";
    expect([await signIn(two, ip), await signIn(one, ip), await signIn(two, ip)]).toEqual([401, 401, 401]);
    expect(await signIn(one, ip)).toBe(429);
  });
});

test.describe("without Redis, on PostgreSQL", () => {
  let db: { url: string; drop(): Promise<void> };
  let servers: ServerProcess[] = [];

  test.beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, PORTICO_SECRET: SECRET, REDIS_URL: "" };
    servers.push(await startServer(env));
    servers.push(await startServer(env));
  });

  test.afterAll(async () => {
    for (const server of servers) expect(await server.stop()).toBe(0);
    servers = [];
    await db?.drop();
  });

  test("the budget is shared through the control database, and /readyz has no Redis check", async () => {
    const [one, two] = servers as [ServerProcess, ServerProcess];
    const ip = "198.51.100.40";
    expect([await signIn(one, ip), await signIn(two, ip), await signIn(one, ip)]).toEqual([401, 401, 401]);
    expect(await signIn(two, ip)).toBe(429);
    expect(await readiness(two)).toEqual({ status: 200, redis: undefined });
  });
});
