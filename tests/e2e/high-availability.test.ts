import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { INSTANCE_HEADER, metricValue, startCluster, type Cluster } from "../support/cluster";
import type { ServerProcess } from "../support/server-process";
import { startSlowWebhookReceiver } from "../support/slow-webhook-receiver";
import { createTestDatabase } from "../support/storage";
import { randomClientIp } from "./fixtures";

/**
 * Three instances of the production build on one fresh PostgreSQL database and one Redis,
 * behind a round-robin proxy (docs/self-hosting.md, "High availability"). Nothing a user,
 * an admin or an attacker does may depend on which instance answers.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

const PASSWORD = "correct-horse-battery";
const RATE_LIMIT = { window: 60, max: 12 };
const BURST = 1_000;

let cluster: Cluster;
let dropDatabase: () => Promise<void>;
let apiKey: string;
let tenantId: string;
let control: pg.Client;

/** A request through the proxy; `instance` pins it to one instance, otherwise round robin. */
function call(
  path: string,
  { instance, ip, ...init }: RequestInit & { instance?: number; ip?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (instance !== undefined) headers.set(INSTANCE_HEADER, String(instance));
  headers.set("x-forwarded-for", ip ?? randomClientIp());
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  if (init.method === "POST") headers.set("origin", cluster.proxy.origin);
  return fetch(`${cluster.proxy.origin}${path}`, { ...init, headers, redirect: "manual" });
}

const SLUG = "ha-cluster";
const auth = (path: string) => `/t/${SLUG}/api/auth${path}`;

async function signUp(instance: number, email: string): Promise<Response> {
  return call(auth("/sign-up/email"), {
    instance,
    method: "POST",
    body: JSON.stringify({ email, password: PASSWORD, name: "Ha User" }),
  });
}

async function signIn(instance: number, email: string, ip?: string): Promise<Response> {
  return call(auth("/sign-in/email"), {
    instance,
    ip,
    method: "POST",
    body: JSON.stringify({ email, password: PASSWORD }),
  });
}

function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
}

async function sessionUser(instance: number, cookie: string): Promise<string | null> {
  const response = await call(auth("/get-session"), { instance, headers: { cookie } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user?: { email: string } } | null;
  return body?.user?.email ?? null;
}

let ownerCookie: string | undefined;
/**
 * The console session of the tenant's owner: the deployment's first platform account, which
 * owns the tenants nobody owns (signed up through the proxy, once).
 */
async function consoleCookie(): Promise<string> {
  if (ownerCookie) return ownerCookie;
  const response = await call("/api/platform/auth/sign-up/email", {
    method: "POST",
    body: JSON.stringify({ name: "Owner", email: "owner@ha.test", password: PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (ownerCookie = sessionCookie(response));
}

function managementApi(instance: number, path: string, init: RequestInit = {}): Promise<Response> {
  return call(`/api/v1${path}`, {
    ...init,
    instance,
    headers: { authorization: `Bearer ${apiKey}`, ...(init.body ? { "content-type": "application/json" } : {}) },
  });
}

/** The session is refused on each of `instances` within a second of its revocation elsewhere. */
async function expectRefusedEverywhere(cookie: string, instances: number[]) {
  const delays = [];
  for (const instance of instances) {
    delays.push(await timeUntil(async () => (await sessionUser(instance, cookie)) === null, 1_000));
  }
  test.info().annotations.push({ type: "revocation delay on other instances (ms)", description: delays.join(", ") });
  console.log(`revocation seen on the other instances after ${delays.join(", ")} ms`);
  for (const delay of delays) expect(delay).toBeLessThanOrEqual(1_000);
}

/** How long until `check` holds, polled every 25 ms; fails past `limitMs` plus a margin to report. */
async function timeUntil(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > limitMs * 3) throw new Error(`Not in force after ${Date.now() - start} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test.beforeAll(async () => {
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  cluster = await startCluster(database.url);
  const created = JSON.parse(
    (
      await cluster.script(`
        const { ApiKeyService } = await import("./app/api-keys/keys.server.ts");
        const tenant = await portico.tenants.create({
          slug: "${SLUG}",
          name: "High Availability",
          config: { rateLimit: ${JSON.stringify(RATE_LIMIT)}, signInProtection: { enumerationProtection: false } },
        });
        const { key } = await new ApiKeyService(portico.storage).create({
          tenant, createdById: null, name: "ha test", scopes: ["config:read", "config:write"],
        });
        console.log(JSON.stringify({ key, tenantId: tenant.id }));`)
    )
      .trim()
      .split("\n")
      .at(-1)!,
  ) as { key: string; tenantId: string };
  apiKey = created.key;
  tenantId = created.tenantId;
  control = new pg.Client({ connectionString: database.url });
  await control.connect();
});

test.afterAll(async () => {
  await control?.end();
  await cluster?.stop();
  await dropDatabase?.();
});

test("three instances started together apply each migration once and all serve", async () => {
  const { rows } = await control.query<{ name: string; copies: number }>(
    `SELECT name, count(*)::int AS copies FROM portico."_portico_migrations" GROUP BY name`,
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((row) => row.copies !== 1)).toEqual([]);
  for (const instance of [0, 1, 2]) {
    expect((await call("/readyz", { instance })).status).toBe(200);
  }
});

test("a user signs up on one instance, signs in on another, and a ban through a third is in force everywhere within a second", async () => {
  const email = `ha-${randomUUID().slice(0, 8)}@example.com`;
  const signedUp = await signUp(0, email);
  expect(signedUp.status).toBe(200);
  const signedIn = await signIn(1, email);
  expect(signedIn.status).toBe(200);
  const cookie = sessionCookie(signedIn);
  for (const instance of [0, 1, 2]) expect(await sessionUser(instance, cookie)).toBe(email);

  const { user } = (await signedUp.json()) as { user: { id: string } };
  // The tenant's owner bans them in the console, served by the third instance.
  const banned = await call(`/admin/${SLUG}/users/${user.id}`, {
    instance: 2,
    method: "POST",
    headers: { cookie: await consoleCookie(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "ban", reason: "ha test", duration: "permanent" }).toString(),
  });
  expect(banned.status, await banned.text()).toBeLessThan(400);
  // The instance that banned knows at once; the others within a second (issue 15: sessions
  // may be cached per instance only if revocation reaches every instance that fast).
  expect(await sessionUser(2, cookie)).toBeNull();
  await expectRefusedEverywhere(cookie, [0, 1]);
  expect((await signIn(0, email)).status).toBe(403);
});

test("signing out on one instance ends the session on the others within a second", async () => {
  const email = `ha-${randomUUID().slice(0, 8)}@example.com`;
  const cookie = sessionCookie(await signUp(1, email));
  expect(await sessionUser(2, cookie)).toBe(email);
  const signedOut = await call(auth("/sign-out"), { instance: 0, method: "POST", body: "{}", headers: { cookie } });
  expect(signedOut.status).toBe(200);
  expect(await sessionUser(0, cookie)).toBeNull();
  await expectRefusedEverywhere(cookie, [1, 2]);
});

test("a setting changed through one instance is in force on every instance within a second", async () => {
  const changed = await managementApi(0, "/config", {
    method: "PATCH",
    body: JSON.stringify({ signUp: { mode: "invite-only" } }),
  });
  expect(changed.status).toBe(200);
  const refusedOn = async (instance: number) =>
    (await signUp(instance, `late-${randomUUID().slice(0, 8)}@example.com`)).status !== 200;
  const delays = [];
  for (const instance of [1, 2]) delays.push(await timeUntil(() => refusedOn(instance), 1_000));
  test.info().annotations.push({ type: "fan-out delay (ms)", description: delays.join(", ") });
  console.log(`fan-out delay: ${delays.join(", ")} ms`);
  for (const delay of delays) expect(delay).toBeLessThanOrEqual(1_000);

  const restored = await managementApi(1, "/config", {
    method: "PATCH",
    body: JSON.stringify({ signUp: { mode: "open" } }),
  });
  expect(restored.status).toBe(200);
});

test("a client gets the single-instance number of requests, however the balancer spreads them", async () => {
  const ip = randomClientIp();
  const statuses: number[] = [];
  for (let i = 0; i < RATE_LIMIT.max * 3; i++) {
    statuses.push((await call(auth("/get-session"), { ip })).status);
  }
  expect(statuses.filter((status) => status === 200)).toHaveLength(RATE_LIMIT.max);
  expect(statuses.filter((status) => status === 429)).toHaveLength(RATE_LIMIT.max * 2);
});

/** What /readyz of one instance says about Redis ("ok", "degraded"), or the status when not ready. */
async function redisCheck(instance: number): Promise<string> {
  const response = await call("/readyz", { instance });
  const body = (await response.json()) as { checks?: { redis?: string } };
  return response.status === 200 ? (body.checks?.redis ?? "missing") : `status ${response.status}`;
}

/** Sends `count` get-session requests from one address, round robin; how many were let through. */
async function allowedOf(count: number, ip: string): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < count; i++) if ((await call(auth("/get-session"), { ip })).status === 200) allowed++;
  return allowed;
}

test("with Redis stopped every instance keeps serving and limits on its own; when Redis is back the limit is shared again", async () => {
  await cluster.redis.shutdown();
  for (const instance of [0, 1, 2]) await expect.poll(() => redisCheck(instance), { timeout: 10_000 }).toBe("degraded");

  // Sign-up, sign-in and session checks go on.
  const email = `outage-${randomUUID().slice(0, 8)}@example.com`;
  expect((await signUp(0, email)).status).toBe(200);
  const cookie = sessionCookie(await signIn(1, email));
  expect(await sessionUser(2, cookie)).toBe(email);

  // Failing open to each instance's own memory: still limited, at the single-instance count per instance.
  expect(await allowedOf(RATE_LIMIT.max * 4, randomClientIp())).toBe(RATE_LIMIT.max * 3);
  // One warning per instance for the outage, not one per request.
  const warning = "does not answer: limits are counted per instance until it is back";
  for (const instance of cluster.instances) expect(instance.log().split(warning).length - 1).toBe(1);

  await cluster.redis.restart();
  for (const instance of [0, 1, 2]) await expect.poll(() => redisCheck(instance), { timeout: 15_000 }).toBe("ok");
  expect(await allowedOf(RATE_LIMIT.max * 3, randomClientIp())).toBe(RATE_LIMIT.max);
});

test("a burst of webhook events survives an instance killed in the middle: every event arrives, duplicates only from its claims", async () => {
  // A slow receiver keeps every claimed delivery in flight for a second.
  const receiver = await startSlowWebhookReceiver(1_000);
  const { received } = receiver;
  const [first, second, victim] = cluster.instances as [ServerProcess, ServerProcess, ServerProcess];
  // At first only the victim delivers (the others are paused), so every claim held when it
  // dies is its own; the others take over when it is gone.
  first.child.kill("SIGSTOP");
  second.child.kill("SIGSTOP");
  let leasedAtKill: Set<string>;
  let sent: string[];
  try {
    const output = await cluster.script(`
      const { createEndpoint } = await import("./app/webhooks/endpoints.server.ts");
      const { enqueueEvent } = await import("./app/webhooks/outbox.server.ts");
      await createEndpoint(${JSON.stringify(tenantId)}, { url: "${receiver.url}", description: "", eventTypes: ["user.updated"] }, portico.webhooks);
      const ids = [];
      for (let i = 0; i < ${BURST}; i++) ids.push((await enqueueEvent(${JSON.stringify(tenantId)}, "user.updated", { n: i }, portico.webhooks)).messageId);
      console.log(JSON.stringify(ids));`);
    sent = JSON.parse(output.trim().split("\n").at(-1)!) as string[];
    expect(sent).toHaveLength(BURST);

    const delivered = 'portico_outbox_deliveries_total{kind="webhook",outcome="delivered"}';
    await expect.poll(() => metricValue(victim, delivered), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
    const leased = async () =>
      (
        await control.query<{ messageId: string }>(
          `SELECT "messageId" FROM portico.webhook_delivery WHERE status = 'pending' AND "lockedUntil" > now()`,
        )
      ).rows.map((row) => row.messageId);
    await expect.poll(async () => (await leased()).length, { timeout: 10_000, intervals: [20] }).toBeGreaterThan(0);
    victim.child.kill("SIGKILL");
    await new Promise((resolve) =>
      victim.child.exitCode === null ? victim.child.once("exit", resolve) : resolve(null),
    );
    leasedAtKill = new Set(await leased());
  } finally {
    first.child.kill("SIGCONT");
    second.child.kill("SIGCONT");
  }
  try {
    expect(leasedAtKill.size).toBeGreaterThan(0);
    expect(received.size).toBeLessThan(BURST);

    // The survivors deliver the rest; the dead instance's claims (never acknowledged to it) come
    // back when their lease runs out.
    await expect.poll(() => received.size, { timeout: 180_000, intervals: [500] }).toBe(BURST);
    expect([...received.keys()].sort()).toEqual([...sent].sort());
    const duplicates = [...received].filter(([, count]) => count > 1).map(([id]) => id);
    const resent = [...receiver.seen].filter(([, count]) => count > 1).length;
    const report =
      `${BURST} events, ${leasedAtKill.size} claimed by the instance when it was killed, ` +
      `${resent} sent again after its lease ran out, ${duplicates.length} acknowledged twice`;
    test.info().annotations.push({ type: "webhook burst", description: report });
    console.log(`webhook burst: ${report}`);
    expect(duplicates.filter((id) => !leasedAtKill.has(id))).toEqual([]);
  } finally {
    await receiver.close();
  }
});
