/**
 * Several instances share one database (issue 15, item 1): when they start together the
 * migrations run once, and an instance of an older build refuses a schema a newer build has
 * already migrated, naming both versions, instead of serving against tables it does not know.
 */
import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { MigrationError } from "~/db/migrate.server";
import { migrationsDir, type Provider } from "~/db/paths.server";
import { PostgresStorage } from "~/db/postgres-storage.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, randomTenantId, withRaw, type TestStorage } from "../support/storage";

const SECRET = "schema-version-deployment-secret".padEnd(48, "z");
const FROM_THE_FUTURE = "29991231000000_from_a_newer_build";
const latest = (plane: "control" | "tenant", provider: Provider) =>
  readdirSync(migrationsDir(plane, provider)).sort().at(-1)!;

const providers: Provider[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
let test: TestStorage | undefined;
afterEach(async () => {
  await test?.cleanup();
  test = undefined;
});

/** A second instance on the same database, as a freshly started process would open it. */
function secondInstance(current: TestStorage) {
  return current.storage instanceof SqliteStorage
    ? new SqliteStorage(current.dataDir)
    : new PostgresStorage(current.databaseUrl!, { max: 2 });
}

describe.each(providers)("on %s", (provider) => {
  it("an older build refuses a control plane a newer build migrated, naming both versions", async () => {
    test = await createTestStorage(provider);
    await test.storage.control();
    await withRaw(test, "control", (db) =>
      db.run(`INSERT INTO "_portico_migrations" (name, checksum, applied_at) VALUES (?, ?, ?)`, [
        FROM_THE_FUTURE,
        "0".repeat(64),
        new Date().toISOString(),
      ]),
    );
    const older = secondInstance(test);
    try {
      const refusal = await older.control().then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(MigrationError);
      const message = (refusal as Error).message;
      expect(message).toContain(`the database is at ${FROM_THE_FUTURE}`);
      expect(message).toContain(`this build at ${latest("control", provider)}`);
      expect(message).toMatch(/newer than this build of Portico/);
    } finally {
      await older.close();
    }
  });

  it("an older build refuses a tenant database a newer build migrated; the other tenants are unaffected", async () => {
    test = await createTestStorage(provider);
    const tenants = new TenantService(test.storage, SECRET);
    const upgraded = await tenants.create({ slug: "upgraded", name: "Upgraded" });
    const untouched = await tenants.create({ slug: "untouched", name: "Untouched" });
    await withRaw(test, { tenantId: upgraded.id }, (db) =>
      db.run(`INSERT INTO "_portico_migrations" (name, checksum, applied_at) VALUES (?, ?, ?)`, [
        FROM_THE_FUTURE,
        "0".repeat(64),
        new Date().toISOString(),
      ]),
    );
    await expect(test.storage.openTenantDatabase(upgraded.id)).rejects.toThrow(
      new RegExp(`database is at ${FROM_THE_FUTURE}, this build at ${latest("tenant", provider)}`),
    );
    const other = await test.storage.openTenantDatabase(untouched.id);
    expect(await other.db.user.count()).toBe(0);
    await other.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("several instances starting together on PostgreSQL", () => {
  it("migrate the control plane and a new tenant schema once each, and all of them start", async () => {
    test = await createTestStorage("postgresql");
    const url = test.databaseUrl!;
    const instances = Array.from({ length: 4 }, () => new PostgresStorage(url, { max: 2 }));
    try {
      await Promise.all(instances.map((instance) => instance.control()));
      const tenantId = randomTenantId();
      await Promise.all(instances.map((instance) => instance.createTenantDatabase(tenantId)));
      for (const [plane, dir] of [
        ["control", migrationsDir("control", "postgresql")],
        [{ tenantId }, migrationsDir("tenant", "postgresql")],
      ] as const) {
        const ledger = await withRaw(test, plane, (db) =>
          db.all<{ name: string; n: number }>(
            `SELECT name, count(*)::int AS n FROM "_portico_migrations" GROUP BY name`,
          ),
        );
        expect(ledger.every((row) => row.n === 1)).toBe(true);
        expect(ledger.map((row) => row.name).sort()).toEqual(readdirSync(dir).sort());
      }
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});
