/**
 * A tenant changed through one instance is in force on every other within a second, without a
 * control-plane query per request: Redis pub/sub when configured, PostgreSQL LISTEN/NOTIFY
 * otherwise, and a re-read of every tenant's version when the channel reconnects (issue 15,
 * item 3). Two "instances" here are two storages, TenantServices, feeds and registries on one
 * real PostgreSQL database.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import { AuditLog } from "~/audit/audit.server";
import { PostgresStorage } from "~/db/postgres-storage.server";
import type { ChangeFeed } from "~/tenancy/change-feed.server";
import { PostgresChangeFeed } from "~/tenancy/change-feed-postgres.server";
import { RedisChangeFeed } from "~/tenancy/change-feed-redis.server";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { ThemeService } from "~/theme/themes.server";
import { freePort } from "../support/server-process";
import { createTestDatabase } from "../support/storage";

const SECRET = "change-feed-deployment-secret".padEnd(48, "z");
const REDIS_URL = "redis://127.0.0.1:6379";

type Instance = { storage: PostgresStorage; tenants: TenantService; feed: ChangeFeed; registry: TenantRegistry };

let database: { url: string; drop(): Promise<void> };
const open: Instance[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const instance of open.splice(0)) {
    await instance.feed.close();
    await instance.registry.close();
    await instance.storage.close();
  }
});
afterAll(async () => {
  await database.drop();
});

async function startInstance(makeFeed: (pool: pg.Pool) => ChangeFeed): Promise<Instance> {
  const storage = new PostgresStorage(database.url, { max: 3 });
  await storage.control();
  const feed = makeFeed(storage.pool);
  const tenants = new TenantService(storage, SECRET, feed);
  const registry = new TenantRegistry({
    tenants,
    storage,
    publicUrl: new URL("http://localhost:3999"),
    maxHotTenants: 10,
    changes: feed,
    closeGraceMs: 0,
  });
  await feed.start();
  const instance = { storage, tenants, feed, registry };
  open.push(instance);
  await until(() => feed.live, 5_000);
  return instance;
}

/** Polls until `check` holds; returns how long it took, or fails after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 1_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

const slug = () => `t${randomBytes(5).toString("hex")}`;

const channels: Array<[string, (pool: pg.Pool, channel: string) => ChangeFeed]> = [
  ["PostgreSQL LISTEN/NOTIFY", (pool) => new PostgresChangeFeed(database.url, pool)],
  ["Redis pub/sub", (_pool, channel) => new RedisChangeFeed(REDIS_URL, { channel })],
];

describe.each(channels)("through %s", (_name, makeFeed) => {
  it("a change through one instance is in force on the other within a second, with no query per request", async () => {
    // Each test its own Redis channel: other runs on this machine's Redis must not be heard.
    const channel = `portico-test:${randomBytes(6).toString("hex")}`;
    const a = await startInstance((pool) => makeFeed(pool, channel));
    const b = await startInstance((pool) => makeFeed(pool, channel));
    const name = slug();

    // A new tenant reaches b's directory: its slug resolves there.
    const created = await a.tenants.create({ slug: name, name: "Fan-out" });
    const createdAfter = await until(async () => (await b.registry.lookup({ slug: name }))?.id === created.id);

    // Warm: b answers lookups and made-up names from memory, without a single control-plane query.
    const byId = vi.spyOn(b.tenants, "getById");
    const bySlug = vi.spyOn(b.tenants, "getBySlug");
    const byHostname = vi.spyOn(b.tenants, "getByHostname");
    for (let i = 0; i < 200; i++) {
      expect((await b.registry.lookup({ slug: name }))?.configVersion).toBe(created.configVersion);
      expect(await b.registry.lookup({ slug: slug() })).toBeNull();
      expect(await b.registry.lookup({ hostname: `${slug()}.example.com` })).toBeNull();
    }
    expect(byId).not.toHaveBeenCalled();
    expect(bySlug).not.toHaveBeenCalled();
    expect(byHostname).not.toHaveBeenCalled();

    // Methods, domains and status changed on a are in force on b within a second each.
    const updated = await a.tenants.updateConfig(name, { ...created.config, signUp: { mode: "closed" } });
    const configAfter = await until(
      async () => (await b.registry.lookup({ slug: name }))?.configVersion === updated.configVersion,
    );
    expect((await b.registry.lookup({ slug: name }))?.config.signUp.mode).toBe("closed");

    await a.tenants.setHostnames(name, ["login.fanout.test"]);
    const domainAfter = await until(
      async () => (await b.registry.lookup({ hostname: "login.fanout.test" }))?.id === created.id,
    );

    expect((await b.registry.resolve({ slug: name })).status).toBe("ok");
    await a.tenants.setStatus(name, "disabled");
    const statusAfter = await until(async () => (await b.registry.resolve({ slug: name })).status === "not_found");
    expect(b.registry.hotTenantIds).not.toContain(created.id);

    // A console path that only invalidates (no TenantService write) reaches b too.
    const seen = vi.fn();
    b.feed.subscribe({ change: seen, connected: () => undefined, disconnected: () => undefined });
    a.registry.invalidate(created.id);
    await until(() => seen.mock.calls.length > 0);

    await a.tenants.delete(name);
    const deletedAfter = await until(async () => (await b.registry.lookup({ slug: name })) === null);
    expect(await b.registry.lookup({ hostname: "login.fanout.test" })).toBeNull();

    console.info(
      `fan-out (${a.feed.kind}): created ${createdAfter.toFixed(0)} ms, config ${configAfter.toFixed(0)} ms, ` +
        `domain ${domainAfter.toFixed(0)} ms, status ${statusAfter.toFixed(0)} ms, deleted ${deletedAfter.toFixed(0)} ms`,
    );
    vi.restoreAllMocks();
  }, 30_000);

  it("a session change (sign-out, ban, revocation) reaches the other instance's session caches, not its tenant caches", async () => {
    const channel = `portico-test:${randomBytes(6).toString("hex")}`;
    const a = await startInstance((pool) => makeFeed(pool, channel));
    const b = await startInstance((pool) => makeFeed(pool, channel));
    const tenantId = randomBytes(12).toString("hex");
    const sessions = vi.fn();
    const tenantChanges = vi.fn();
    b.feed.subscribeSessions(sessions);
    b.feed.subscribe({ change: tenantChanges, connected: () => undefined, disconnected: () => undefined });
    const ownEcho = vi.fn();
    a.feed.subscribeSessions(ownEcho);

    a.feed.publishSessions({ tenantId, userId: "user-1" });
    a.feed.publishSessions({ tenantId });
    const after = await until(() => sessions.mock.calls.length === 2);
    expect(sessions.mock.calls).toEqual([[{ tenantId, userId: "user-1" }], [{ tenantId }]]);
    expect(tenantChanges).not.toHaveBeenCalled();
    expect(ownEcho).not.toHaveBeenCalled();
    console.info(`session change (${a.feed.kind}) heard after ${after.toFixed(0)} ms`);
  }, 30_000);
});

it("ignores malformed messages on the channel", async () => {
  const a = await startInstance((pool) => new PostgresChangeFeed(database.url, pool));
  const heard = vi.fn();
  a.feed.subscribe({ change: heard, connected: () => undefined, disconnected: () => undefined });
  for (const payload of [
    "not json",
    "[]",
    '{"o":"x","t":"../../etc"}',
    '{"o":"x","t":"aaaaaaaaaaaaaaaaaaaaaaaa","v":"1"}',
  ]) {
    await a.storage.pool.query("SELECT pg_notify('portico_tenant_changes', $1)", [payload]);
  }
  await a.storage.pool.query("SELECT pg_notify('portico_tenant_changes', $1)", [
    JSON.stringify({ o: "another-instance", t: "aaaaaaaaaaaaaaaaaaaaaaaa", v: 3 }),
  ]);
  await until(() => heard.mock.calls.length > 0);
  expect(heard.mock.calls).toEqual([[{ tenantId: "aaaaaaaaaaaaaaaaaaaaaaaa", configVersion: 3 }]]);
});

it("after its listening connection comes back, an instance picks up changes made while it was down", async () => {
  const a = await startInstance((pool) => new PostgresChangeFeed(database.url, pool));
  const b = await startInstance((pool) => new PostgresChangeFeed(database.url, pool, { reconnectMs: 1_500 }));
  const name = slug();
  const tenant = await a.tenants.create({ slug: name, name: "Safety net", hostnames: ["old.safety.test"] });
  await until(async () => (await b.registry.lookup({ slug: name }))?.id === tenant.id);

  // Cut every listening connection of this database (b's among them), as a network blip would.
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'portico-change-feed'",
  );
  await admin.end();
  await until(() => !b.feed.live);

  // While b is deaf: the hostname moves and a second tenant appears. b's messages are lost.
  await a.tenants.setHostnames(name, ["new.safety.test"]);
  const other = await a.tenants.create({ slug: slug(), name: "Created while down" });

  await until(() => b.feed.live, 5_000);
  const names = vi.spyOn(b.tenants, "names");
  const byName = [vi.spyOn(b.tenants, "getBySlug"), vi.spyOn(b.tenants, "getByHostname")];
  const getById = vi.spyOn(b.tenants, "getById");
  expect((await b.registry.lookup({ hostname: "new.safety.test" }))?.id).toBe(tenant.id);
  expect(await b.registry.lookup({ hostname: "old.safety.test" })).toBeNull();
  expect((await b.registry.lookup({ slug: other.slug }))?.id).toBe(other.id);
  // Answered from the directory the reconnect re-read, not by per-name queries: one read of
  // every tenant's names, then one record per tenant asked for.
  expect(names.mock.calls.length).toBeLessThanOrEqual(1);
  for (const spy of byName) expect(spy).not.toHaveBeenCalled();
  expect(getById.mock.calls.length).toBeLessThanOrEqual(2);
  vi.restoreAllMocks();
}, 30_000);

it("a tenant disabled with the CLI (another process) stops being served by a running instance within a second", async () => {
  const b = await startInstance((pool) => new PostgresChangeFeed(database.url, pool));
  const name = slug();
  const tenant = await b.tenants.create({ slug: name, name: "CLI target" });
  expect((await b.registry.resolve({ slug: name })).status).toBe("ok");
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(PORTICO_|DATABASE_URL$|REDIS_URL$|NODE_ENV$)/.test(key)),
  );
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/tenant.ts", "disable", name], {
      env: { ...inherited, NODE_ENV: "test", DATABASE_URL: database.url, PORTICO_SECRET: SECRET, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  expect(exitCode).toBe(0);
  await until(async () => (await b.registry.resolve({ slug: name })).status === "not_found");
  expect(b.registry.hotTenantIds).not.toContain(tenant.id);
}, 60_000);

it("after Redis comes back, an instance picks up changes whose messages were lost while it was down", async () => {
  // A Redis of this test's own: stopping the machine's shared one would break other suites.
  const port = await freePort();
  const startRedis = () => {
    const child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    return child;
  };
  let redis = startRedis();
  try {
    const channel = `portico-test:${randomBytes(6).toString("hex")}`;
    const b = await startInstance(
      () => new RedisChangeFeed(`redis://127.0.0.1:${port}`, { channel, reconnectMs: 200 }),
    );
    const name = slug();
    const tenant = await b.tenants.create({ slug: name, name: "Redis safety net", hostnames: ["old.redis.test"] });
    expect((await b.registry.lookup({ hostname: "old.redis.test" }))?.id).toBe(tenant.id);

    redis.kill("SIGKILL");
    await until(() => !b.feed.live, 5_000);
    // A writer whose message never arrives: b was deaf when the change was made.
    const writer = new PostgresStorage(database.url, { max: 1 });
    try {
      await new TenantService(writer, SECRET).setHostnames(name, ["new.redis.test"]);
    } finally {
      await writer.close();
    }

    redis = startRedis();
    await until(() => b.feed.live, 10_000);
    const byName = [vi.spyOn(b.tenants, "getBySlug"), vi.spyOn(b.tenants, "getByHostname")];
    expect((await b.registry.lookup({ hostname: "new.redis.test" }))?.id).toBe(tenant.id);
    expect(await b.registry.lookup({ hostname: "old.redis.test" })).toBeNull();
    for (const spy of byName) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  } finally {
    redis.kill("SIGKILL");
  }
}, 60_000);

it("a theme published through one instance is served by the other within a second, without a query per request", async () => {
  const a = await startInstance((pool) => new PostgresChangeFeed(database.url, pool));
  const b = await startInstance((pool) => new PostgresChangeFeed(database.url, pool));
  const themesA = new ThemeService(a.storage, new AuditLog(a.storage), { changes: a.feed });
  // A minute-long fallback cache: only the message can bring the publish within a second.
  const themesB = new ThemeService(b.storage, new AuditLog(b.storage), { changes: b.feed, cacheMs: 60_000 });
  const tenant = await a.tenants.create({ slug: slug(), name: "Themed" });
  const actor = { tenantId: tenant.id, actor: { type: "platform_user" as const, id: "pat", label: "pat@example.com" } };
  await themesA.publish(tenant.id, { productName: "First" }, actor);
  await until(async () => (await themesB.published(tenant.id)).productName === "First");

  let queries = 0;
  b.storage.pool.on("acquire", () => queries++);
  for (let i = 0; i < 100; i++) expect((await themesB.published(tenant.id)).productName).toBe("First");
  expect(queries).toBe(0);

  await themesA.publish(tenant.id, { productName: "Second" }, actor);
  const after = await until(async () => (await themesB.published(tenant.id)).productName === "Second");
  console.info(`theme fan-out: ${after.toFixed(0)} ms`);
}, 30_000);

/** A TCP proxy that can fall silent: connections stay open but nothing passes, as in a network partition. */
async function partitionableProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let silent = false;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("error", () => client.destroy());
    if (silent) return;
    const upstream = net.connect(targetPort, "127.0.0.1");
    sockets.add(upstream);
    client.on("data", (data) => silent || upstream.write(data));
    upstream.on("data", (data) => silent || client.write(data));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close);
    upstream.on("close", close);
    upstream.on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    partition: () => (silent = true),
    heal() {
      silent = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const partitioned: Array<[string, number, (port: number, pool: pg.Pool) => ChangeFeed]> = [
  [
    "PostgreSQL",
    5432,
    (port, pool) => {
      const url = new URL(database.url);
      url.port = String(port);
      return new PostgresChangeFeed(url.toString(), pool, { heartbeatMs: 300, reconnectMs: 200 });
    },
  ],
  [
    "Redis",
    6379,
    (port) =>
      new RedisChangeFeed(`redis://127.0.0.1:${port}`, {
        channel: `portico-test:${randomBytes(6).toString("hex")}`,
        heartbeatMs: 300,
        reconnectMs: 200,
      }),
  ],
];

describe.each(partitioned)("a silent %s connection", (_name, targetPort, makeFeed) => {
  it("is noticed by its heartbeat; once healed, the instance re-reads what it missed", async () => {
    const proxy = await partitionableProxy(targetPort);
    try {
      const feedFor = (pool: pg.Pool) => makeFeed(proxy.port, pool);
      const b = await startInstance(feedFor);
      const name = slug();
      const tenant = await b.tenants.create({ slug: name, name: "Partitioned", hostnames: [`old.${name}.test`] });
      expect((await b.registry.lookup({ hostname: `old.${name}.test` }))?.id).toBe(tenant.id);

      proxy.partition();
      await until(() => !b.feed.live, 5_000);
      const writer = new PostgresStorage(database.url, { max: 1 });
      try {
        await new TenantService(writer, SECRET).setHostnames(name, [`new.${name}.test`]);
      } finally {
        await writer.close();
      }

      proxy.heal();
      await until(() => b.feed.live, 10_000);
      const byName = [vi.spyOn(b.tenants, "getBySlug"), vi.spyOn(b.tenants, "getByHostname")];
      expect((await b.registry.lookup({ hostname: `new.${name}.test` }))?.id).toBe(tenant.id);
      expect(await b.registry.lookup({ hostname: `old.${name}.test` })).toBeNull();
      for (const spy of byName) expect(spy).not.toHaveBeenCalled();
      vi.restoreAllMocks();
    } finally {
      proxy.heal();
      await proxy.close();
    }
  }, 60_000);
});
