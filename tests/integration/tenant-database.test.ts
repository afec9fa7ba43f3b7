import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getLogger } from "~/ops/log.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { readMigrations } from "~/db/migrate.server";
import { migrationsDir, type Provider } from "~/db/paths.server";
import {
  applyTenantMigrations,
  connectTenantDatabase,
  DatabaseUrlSchema,
  getTenantDatabaseStatus,
  restoreDefaultTenantDatabase,
} from "~/db/tenant-database.server";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import {
  createTestDatabase,
  createTestStorage,
  rawPostgres,
  testProviders,
  withRaw,
  type TestStorage,
} from "../support/storage";

const PUBLIC_URL = "http://localhost:3998";
const SECRET = "tenant-database-test-secret".padEnd(48, "z");

async function signUp(resolved: ResolvedTenant, email: string): Promise<number> {
  if (resolved.status !== "ok") throw new Error(`tenant not ok: ${resolved.status}`);
  const response = await resolved.auth.handler(
    new Request(`${PUBLIC_URL}/t/${resolved.tenant.slug}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { origin: PUBLIC_URL, "content-type": "application/json", [CLIENT_IP_HEADER]: "10.9.8.7" },
      body: JSON.stringify({ name: "New", email, password: "correct-horse-battery" }),
    }),
  );
  return response.status;
}

describe("the database connection string", () => {
  it("accepts postgres URLs with a database and refuses anything else", () => {
    expect(DatabaseUrlSchema.safeParse("postgresql://u:p@db.example.com:5432/app").success).toBe(true);
    expect(DatabaseUrlSchema.safeParse("postgres://db.example.com/app").success).toBe(true);
    for (const bad of ["", "mysql://db/app", "not a url", "postgresql://db.example.com", "x".repeat(2001)]) {
      expect(DatabaseUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe.each(testProviders())("tenant databases on a %s deployment", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;
  const deps = () => ({ storage: test.storage, tenants });
  const tenantMigrationNames = readMigrations(migrationsDir("tenant", provider)).map((m) => m.name);

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    registry = new TenantRegistry({
      tenants,
      storage: test.storage,
      publicUrl: new URL(PUBLIC_URL),
      maxHotTenants: 10,
      lookupTtlMs: 0,
      closeGraceMs: 0,
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await registry.close();
    await test.cleanup();
  });

  it("describes the default location and its migration status, and applying again applies nothing", async () => {
    const tenant = await tenants.create({ slug: "where-data", name: "Where" });
    const status = await getTenantDatabaseStatus(deps(), tenant);
    expect(status.location).toEqual(
      provider === "sqlite"
        ? { kind: "sqlite_file", file: expect.stringContaining(`${tenant.id}.db`) }
        : { kind: "postgresql_schema", schema: `tenant_${tenant.id}` },
    );
    expect(status.migrations).toEqual({ applied: tenantMigrationNames, pending: [] });
    expect(await applyTenantMigrations(deps(), tenant)).toEqual([]);
  });

  it("refuses an unreachable database without saving it", async () => {
    const tenant = await tenants.create({ slug: "unreachable", name: "Unreachable" });
    const result = await connectTenantDatabase(deps(), tenant, "postgresql://u:hunter2@127.0.0.1:1/nowhere");
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/Could not connect/) });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect((await tenants.getSecrets(tenant.id)).databaseUrl).toBeUndefined();
  });

  it.runIf(process.env.TEST_DATABASE_URL)("refuses a database that does not exist on a reachable server", async () => {
    const tenant = await tenants.create({ slug: "missing-db", name: "Missing" });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = "/portico_no_such_database";
    const result = await connectTenantDatabase(deps(), tenant, url.toString());
    expect(result).toEqual({ ok: false, error: "That database does not exist on the server." });
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "serves new sign-ups from the tenant's own PostgreSQL database once connected, and can switch back",
    async () => {
      const external = await createTestDatabase();
      try {
        const tenant = await tenants.create({ slug: "own-db", name: "Own DB" });
        expect(await signUp(await registry.resolve({ slug: "own-db" }), "before@example.com")).toBe(200);

        const result = await connectTenantDatabase(deps(), tenant, external.url);
        const { hostname, pathname } = new URL(external.url);
        expect(result).toEqual({ ok: true, target: { host: hostname, database: pathname.slice(1) } });
        const secrets = await tenants.getSecrets(tenant.id);
        expect(secrets.databaseUrl).toBe(external.url);

        const status = await getTenantDatabaseStatus(deps(), tenant);
        expect(status.location).toMatchObject({ kind: "external_postgresql", schema: `tenant_${tenant.id}` });
        expect(JSON.stringify(status.location)).not.toContain("postgresql://");
        expect(status.migrations).toEqual({
          applied: readMigrations(migrationsDir("tenant", "postgresql")).map((m) => m.name),
          pending: [],
        });

        const resolved = await registry.resolve({ slug: "own-db" });
        expect(await signUp(resolved, "after@example.com")).toBe(200);
        const client = await rawPostgres(external.url, { schema: `tenant_${tenant.id}` });
        try {
          const { rows } = await client.query<{ email: string }>(`SELECT email FROM "user" ORDER BY email`);
          expect(rows.map((row) => row.email)).toEqual(["after@example.com"]);
        } finally {
          await client.end();
        }
        const inDefault = await withRaw(test, { tenantId: tenant.id }, (db) =>
          db.all<{ email: string }>(`SELECT email FROM "user" ORDER BY email`),
        );
        expect(inDefault.map((row) => row.email)).toEqual(["before@example.com"]);

        await restoreDefaultTenantDatabase(deps(), tenant);
        const back = await registry.resolve({ slug: "own-db" });
        if (back.status !== "ok") throw new Error(back.status);
        expect(await back.db.user.count()).toBe(1);
      } finally {
        // WITH (FORCE) ends the storage's idle pooled connections too, which its pool logs.
        vi.spyOn(getLogger(), "error").mockImplementation(() => undefined);
        await external.drop();
      }
    },
  );
});
