/**
 * The registry's lookup cache is keyed by what clients send (Host headers, slugs in paths),
 * so a flood of made-up names must neither grow memory without bound nor push out the
 * tenants real users are signing in to (issue 13, item 4).
 */
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, type TestStorage } from "../support/storage";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

let test: TestStorage;
let tenants: TenantService;

beforeAll(async () => {
  test = await createTestStorage("sqlite");
  tenants = new TenantService(test.storage, "registry-bounds-deployment-secret".padEnd(48, "z"));
  await tenants.create({ slug: "acme", name: "Acme", hostnames: ["auth.acme.test"] });
});
afterAll(async () => {
  await test.cleanup();
});

const newRegistry = (maxCachedLookups: number) =>
  new TenantRegistry({
    tenants,
    storage: test.storage,
    publicUrl: new URL("http://localhost:3999"),
    maxHotTenants: 10,
    lookupTtlMs: 60_000,
    maxCachedLookups,
    closeGraceMs: 0,
  });

it("20,000 random hosts and slugs leave the heap within a few MB", async () => {
  const registry = newRegistry(1_000);
  const name = () => randomBytes(12).toString("hex");
  // Warm up code paths (Prisma, Zod) so the measurement counts only what the cache keeps.
  for (let i = 0; i < 500; i++)
    await registry.lookup(i % 2 ? { slug: `s${name()}` } : { hostname: `${name()}.example` });
  const before = settledHeap();
  for (let i = 0; i < 20_000; i++) {
    await registry.lookup(i % 2 ? { slug: `s${name()}` } : { hostname: `${name()}.example` });
  }
  const grown = settledHeap() - before;
  expect(grown).toBeLessThan(2 * 1024 * 1024);
  await registry.close();
  // 20,500 control-plane queries: seconds on an idle machine, longer on a busy CI runner.
}, 180_000);

it("answers names no tenant can have without asking the control plane", async () => {
  const registry = newRegistry(1_000);
  const bySlug = vi.spyOn(tenants, "getBySlug");
  const byHostname = vi.spyOn(tenants, "getByHostname");
  for (const slug of ["../etc", "A", "x".repeat(300), "%E0%A4%A", "acme/../admin", ""]) {
    expect(await registry.lookup({ slug })).toBeNull();
  }
  for (const hostname of ["localhost", "[::1]", "evil..com", `${"a".repeat(64)}.com`, "a b.com", "ex ample"]) {
    expect(await registry.lookup({ hostname })).toBeNull();
  }
  expect(bySlug).not.toHaveBeenCalled();
  expect(byHostname).not.toHaveBeenCalled();
  vi.restoreAllMocks();
  await registry.close();
});

it("remembers a miss (one control-plane query per name) and never evicts a real tenant for made-up names", async () => {
  const registry = newRegistry(100);
  expect((await registry.lookup({ hostname: "auth.acme.test" }))?.slug).toBe("acme");
  const byHostname = vi.spyOn(tenants, "getByHostname");
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 50; i++) expect(await registry.lookup({ hostname: `miss-${i}.example` })).toBeNull();
  }
  expect(byHostname).toHaveBeenCalledTimes(50);

  byHostname.mockClear();
  for (let i = 0; i < 5_000; i++) await registry.lookup({ hostname: `flood-${i}.example` });
  byHostname.mockClear();
  expect((await registry.lookup({ hostname: "auth.acme.test" }))?.slug).toBe("acme");
  expect(byHostname).not.toHaveBeenCalled();
  vi.restoreAllMocks();
  await registry.close();
});
