/**
 * Made-up names cost neither memory nor control-plane queries (issue 15, item 3): with a live
 * change feed, 10,000 lookups of random Host headers and unknown slugs are answered from the
 * tenant directory, so the heap stays within a few MB and the control database is not asked
 * once per name. Counted on the real PostgreSQL pool: every query checks a connection out.
 */
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PostgresStorage } from "~/db/postgres-storage.server";
import { PostgresChangeFeed } from "~/tenancy/change-feed-postgres.server";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, type TestStorage } from "../support/storage";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

let test: TestStorage<PostgresStorage>;
let feed: PostgresChangeFeed;
let registry: TenantRegistry;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error("This suite needs TEST_DATABASE_URL (PostgreSQL).");
  test = await createTestStorage("postgresql");
  feed = new PostgresChangeFeed(test.databaseUrl!, test.storage.pool);
  const tenants = new TenantService(test.storage, "bounded-caches-deployment-secret".padEnd(48, "z"), feed);
  await tenants.create({ slug: "acme", name: "Acme", hostnames: ["auth.acme.test"] });
  registry = new TenantRegistry({
    tenants,
    storage: test.storage,
    publicUrl: new URL("http://localhost:3999"),
    maxHotTenants: 10,
    changes: feed,
    closeGraceMs: 0,
  });
  await feed.start();
});
afterAll(async () => {
  await feed.close();
  await registry.close();
  await test.cleanup();
});

it("10,000 random Host headers and unknown slugs: heap within 2 MB, a bounded handful of control-plane queries", async () => {
  await expect.poll(() => feed.live).toBe(true);
  let queries = 0;
  test.storage.pool.on("acquire", () => queries++);
  const name = () => randomBytes(12).toString("hex");
  const lookup = (i: number) => registry.lookup(i % 2 ? { slug: `s${name()}` } : { hostname: `${name()}.example` });
  // Warm up code paths (and the directory's first load) so the heap counts only what is kept.
  for (let i = 0; i < 500; i++) await lookup(i);
  expect((await registry.lookup({ hostname: "auth.acme.test" }))?.slug).toBe("acme");
  const queriesBefore = queries;
  const before = settledHeap();
  for (let i = 0; i < 10_000; i++) expect(await lookup(i)).toBeNull();
  const grown = settledHeap() - before;
  const asked = queries - queriesBefore;
  console.info(`10,000 made-up names: heap +${(grown / 1024).toFixed(0)} KiB, ${asked} control-plane queries`);
  expect(grown).toBeLessThan(2 * 1024 * 1024);
  // Only the directory's periodic safety re-read (once a minute) may run meanwhile.
  expect(asked).toBeLessThanOrEqual(2);
  // The real tenant is still answered, from memory.
  expect((await registry.lookup({ hostname: "auth.acme.test" }))?.slug).toBe("acme");
  const acme = await registry.lookup({ slug: "acme" });
  expect(acme?.hostnames).toEqual(["auth.acme.test"]);
  // The counter does count: a change to the real tenant is read back from the control plane.
  const queriesAfter = queries;
  registry.invalidate(acme!.id);
  expect((await registry.lookup({ slug: "acme" }))?.id).toBe(acme!.id);
  expect(queries).toBeGreaterThan(queriesAfter);
}, 120_000);
