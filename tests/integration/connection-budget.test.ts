/**
 * With many tenants on one PostgreSQL, an instance's connections are bounded by a setting
 * (PORTICO_PG_POOL_MAX), not by the number of tenants; tenants with their own database get a
 * small pool each, closed when they are evicted (issue 15, item 6).
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectTenantDatabase } from "~/db/tenant-database.server";
import { EXTERNAL_POOL_MAX } from "~/db/tenant-postgres.server";
import type { PostgresStorage } from "~/db/postgres-storage.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestDatabase, createTestStorage, type TestStorage } from "../support/storage";
import { testRegistry } from "../support/registry";

const SECRET = "connection-budget-deployment-secret".padEnd(48, "z");
const POOL_MAX = 4;
const TENANTS = 200;

let test: TestStorage<PostgresStorage>;
let own: { url: string; drop(): Promise<void> };
let admin: pg.Client;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error("This suite needs TEST_DATABASE_URL (PostgreSQL).");
  test = await createTestStorage("postgresql");
  own = await createTestDatabase();
  admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
});
// Dropping a database with hundreds of schemas takes a while on a busy machine.
afterAll(async () => {
  await admin.end();
  await test.cleanup();
  await own.drop();
}, 120_000);

/** Server-side connections to a database, counted by PostgreSQL itself. */
async function connectionsTo(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const { rows } = await admin.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
    [name],
  );
  return rows[0]!.n;
}

it(`${TENANTS} tenants in the deployment's PostgreSQL use at most PORTICO_PG_POOL_MAX connections`, async () => {
  // The storage under test, with the setting as the server applies it.
  const { PostgresStorage } = await import("~/db/postgres-storage.server");
  const storage = new PostgresStorage(test.databaseUrl!, { max: POOL_MAX });
  const tenants = new TenantService(storage, SECRET);
  const registry = testRegistry(tenants, storage, "http://localhost:3999", { maxHotTenants: TENANTS });
  try {
    const created: Tenant[] = [];
    for (let i = 0; i < TENANTS; i++) created.push(await tenants.create({ slug: `budget-${i}`, name: `Budget ${i}` }));
    // Every tenant hot and queried at the same moment: the pool, not the tenant count, sets the ceiling.
    let peak = 0;
    let touching = true;
    const sampling = (async () => {
      while (touching) peak = Math.max(peak, await connectionsTo(test.databaseUrl!));
    })();
    const counts = await Promise.all(
      created.map(async (tenant) => {
        const resolved = await registry.resolve({ id: tenant.id });
        if (resolved.status !== "ok") throw new Error(`${tenant.slug} did not resolve: ${resolved.status}`);
        return resolved.db.user.count();
      }),
    );
    touching = false;
    await sampling;
    expect(counts).toEqual(created.map(() => 0));
    expect(registry.hotTenantIds).toHaveLength(TENANTS);
    const settled = await connectionsTo(test.databaseUrl!);
    console.info(`connections with ${TENANTS} hot tenants: ${settled} settled, peak ${peak} (pool max ${POOL_MAX})`);
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThanOrEqual(POOL_MAX);
    expect(peak).toBeLessThanOrEqual(POOL_MAX);
  } finally {
    await registry.close();
    await storage.close();
  }
}, 300_000);

it("tenants with their own database get a small pool, closed once the last of them is evicted", async () => {
  const { storage } = test;
  const tenants = new TenantService(storage, SECRET);
  const registry = testRegistry(tenants, storage, "http://localhost:3999", { maxHotTenants: 3 });
  try {
    const movers: Tenant[] = [];
    for (let i = 0; i < 3; i++) {
      const tenant = await tenants.create({ slug: `own-${i}`, name: `Own ${i}` });
      const moved = await connectTenantDatabase({ storage, tenants }, tenant, own.url);
      expect(moved.ok).toBe(true);
      movers.push(tenant);
    }
    const stay = await tenants.create({ slug: "stays", name: "Stays" });
    await Promise.all(
      movers.map(async (tenant) => {
        const resolved = await registry.resolve({ id: tenant.id });
        if (resolved.status !== "ok") throw new Error(`${tenant.slug}: ${resolved.status}`);
        await Promise.all([resolved.db.user.count(), resolved.db.user.count(), resolved.db.user.count()]);
      }),
    );
    // Three tenants on one customer database share one pool of EXTERNAL_POOL_MAX connections.
    expect(storage.external.size).toBe(1);
    expect(await connectionsTo(own.url)).toBeLessThanOrEqual(EXTERNAL_POOL_MAX);
    expect(await connectionsTo(own.url)).toBeGreaterThan(0);

    // Other tenants push all three out of the registry (max 3 hot): the pool closes with the last.
    await registry.resolve({ id: stay.id });
    expect(storage.external.size).toBe(1);
    for (let i = 0; i < 3; i++)
      await registry.resolve({ id: (await tenants.create({ slug: `push-${i}`, name: "Push" })).id });
    expect(registry.hotTenantIds.some((id) => movers.some((tenant) => tenant.id === id))).toBe(false);
    await expect.poll(() => storage.external.size).toBe(0);
    await expect.poll(() => connectionsTo(own.url)).toBe(0);

    // Evicted is not gone: the next request opens the pool again.
    const again = await registry.resolve({ id: movers[0]!.id });
    expect(again.status).toBe("ok");
    expect(storage.external.size).toBe(1);
  } finally {
    await registry.close();
  }
  expect(storage.external.size).toBe(0);
}, 120_000);
