import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  MigrationError,
  migratePostgres,
  migrateSqlite,
  postgresMigrationStatus,
  readMigrations,
  sqliteMigrationStatus,
  type MigrationStatus,
} from "~/db/migrate.server";
import { createStorage } from "~/db/index.server";
import { migrationsDir, type Provider } from "~/db/paths.server";
import { tenantSchema } from "~/db/postgres-storage.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";
import {
  createTestStorage,
  randomTenantId,
  rawSqlite,
  tempDir,
  testProviders,
  withRaw,
  type TestStorage,
} from "../support/storage";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A migrations folder the test writes migration by migration. */
class MigrationsFolder {
  readonly dir = tempDir("portico-migrations-");
  write(name: string, sql: string) {
    mkdirSync(path.join(this.dir, name), { recursive: true });
    writeFileSync(path.join(this.dir, name, "migration.sql"), sql);
  }
  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One database (a SQLite file or a PostgreSQL schema) the synthetic migrations run against. */
type Target = {
  migrate(dir: string): Promise<string[]>;
  status(dir: string): Promise<MigrationStatus>;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  tables(): Promise<string[]>;
  close(): Promise<void>;
};

function sqliteTarget(file: string): Target {
  const db = new Database(file);
  return {
    migrate: async (dir) => migrateSqlite(db, dir),
    status: async (dir) => sqliteMigrationStatus(db, dir),
    query: async <T>(sql: string) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all() as T[];
      statement.run();
      return [];
    },
    tables: async () =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    close: async () => void db.close(),
  };
}

function postgresTarget(pool: pg.Pool, schema: string): Target {
  return {
    migrate: (dir) => migratePostgres(pool, schema, dir),
    status: (dir) => postgresMigrationStatus(pool, schema, dir),
    query: async <T>(sql: string) => {
      const client = await pool.connect();
      try {
        await client.query(`SET search_path TO "${schema}"`);
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.query("RESET search_path");
        client.release();
      }
    },
    tables: async () =>
      (
        await pool.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
          [schema],
        )
      ).rows.map((r) => r.table_name),
    close: async () => undefined,
  };
}

async function realTables(test: TestStorage, plane: "control" | { tenantId: string }): Promise<string[]> {
  if (test.storage instanceof SqliteStorage) {
    return withRaw(test, plane, async (db) =>
      (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map(
        (r) => r.name,
      ),
    );
  }
  const schema = plane === "control" ? "portico" : tenantSchema(plane.tenantId);
  return withRaw(test, "control", async (db) =>
    (
      await db.all<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
        [schema],
      )
    ).map((r) => r.table_name),
  );
}

async function ledger(test: TestStorage, plane: "control" | { tenantId: string }) {
  return withRaw(test, plane, (db) =>
    db.all<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_portico_migrations" ORDER BY name`),
  );
}

describe.each(testProviders())("migrations on %s", (provider: Provider) => {
  describe("the real migrations", () => {
    let test: TestStorage;
    beforeEach(async () => {
      test = await createTestStorage(provider);
    });
    afterEach(async () => {
      await test.cleanup();
    });

    it("create the control plane and a tenant database and record each migration with its checksum", async () => {
      await test.storage.control();
      const tenantId = randomTenantId();
      await test.storage.createTenantDatabase(tenantId);

      expect(await realTables(test, "control")).toEqual(
        expect.arrayContaining(["_portico_migrations", "tenant", "tenant_hostname"]),
      );
      expect(await realTables(test, { tenantId })).toEqual(
        expect.arrayContaining(["_portico_migrations", "user", "session", "account", "verification"]),
      );

      for (const plane of ["control", "tenant"] as const) {
        const expected = readMigrations(migrationsDir(plane, provider)).map(({ name, checksum }) => ({
          name,
          checksum,
        }));
        expect(expected.length).toBeGreaterThan(0);
        expect(await ledger(test, plane === "control" ? "control" : { tenantId })).toEqual(expected);
      }
      expect(await test.storage.tenantMigrationStatus(tenantId)).toEqual({
        applied: readMigrations(migrationsDir("tenant", provider)).map((m) => m.name),
        pending: [],
      });
    });

    it("apply nothing the second time (a restart), keeping the data and the ledger as it was", async () => {
      const control = await test.storage.control();
      await control.tenant.create({
        data: { id: randomTenantId(), slug: "kept", name: "Kept", config: "{}", secrets: "x" },
      });
      const ledgerBefore = await withRaw(test, "control", (db) =>
        db.all(`SELECT * FROM "_portico_migrations" ORDER BY name`),
      );
      await test.storage.close();

      // A new storage on the same database, as after a restart.
      const restarted = createStorage({ dataDir: test.dataDir, databaseUrl: test.databaseUrl });
      try {
        expect(await (await restarted.control()).tenant.count()).toBe(1);
      } finally {
        await restarted.close();
      }
      if (test.storage instanceof SqliteStorage) {
        const db = rawSqlite(test.storage.controlFile);
        try {
          expect(migrateSqlite(db, migrationsDir("control", "sqlite"))).toEqual([]);
        } finally {
          db.close();
        }
      } else {
        const pool = new pg.Pool({ connectionString: test.databaseUrl, max: 1 });
        try {
          expect(await migratePostgres(pool, "portico", migrationsDir("control", "postgresql"))).toEqual([]);
        } finally {
          await pool.end();
        }
      }
      expect(
        await withRaw(test, "control", (db) => db.all(`SELECT * FROM "_portico_migrations" ORDER BY name`)),
      ).toEqual(ledgerBefore);
    });

    it("bring a tenant database that has never been migrated up to date when it is opened", async () => {
      const tenantId = randomTenantId();
      // An existing but empty database: no tables, no ledger (an older install's tenant before
      // its first migration, or one whose migrations were never applied).
      if (test.storage instanceof SqliteStorage) {
        mkdirSync(path.dirname(test.storage.tenantFile(tenantId)), { recursive: true });
        new Database(test.storage.tenantFile(tenantId)).close();
      } else {
        await test.storage.pool.query(`CREATE SCHEMA "${tenantSchema(tenantId)}"`);
      }
      expect(await realTables(test, { tenantId })).toEqual([]);

      const connection = await test.storage.openTenantDatabase(tenantId);
      try {
        expect(await connection.db.user.count()).toBe(0);
        const user = await connection.db.user.create({
          data: { id: "u1", name: "Ada", email: "ada@example.com", updatedAt: new Date() },
        });
        expect(user.email).toBe("ada@example.com");
      } finally {
        await connection.close();
      }
      expect(await test.storage.tenantMigrationStatus(tenantId)).toEqual({
        applied: readMigrations(migrationsDir("tenant", provider)).map((m) => m.name),
        pending: [],
      });
    });

    it("upgrade a control plane from its first migration without losing tenants or their hostnames", async () => {
      const [first, ...later] = readMigrations(migrationsDir("control", provider));
      expect(later.length).toBeGreaterThan(0);
      const firstOnly = new MigrationsFolder();
      try {
        firstOnly.write(first!.name, first!.sql);
        const tenantId = randomTenantId();
        const insertTenant = `INSERT INTO "tenant" ("id", "slug", "name", "config", "secrets", "updatedAt") VALUES ('${tenantId}', 'old', 'Old', '{}', 'x', CURRENT_TIMESTAMP)`;
        const insertHostname = `INSERT INTO "tenant_hostname" ("hostname", "tenantId") VALUES ('auth.old.example', '${tenantId}')`;
        if (test.storage instanceof SqliteStorage) {
          mkdirSync(test.dataDir, { recursive: true });
          const db = new Database(test.storage.controlFile);
          try {
            db.pragma("foreign_keys = ON");
            migrateSqlite(db, firstOnly.dir);
            db.exec(`${insertTenant}; ${insertHostname};`);
          } finally {
            db.close();
          }
        } else {
          await migratePostgres(test.storage.pool, "portico", firstOnly.dir);
          await test.storage.pool.query(
            `SET search_path TO portico; ${insertTenant}; ${insertHostname}; SET search_path TO public`,
          );
        }

        const control = await test.storage.control();
        const tenant = await control.tenant.findUnique({ where: { id: tenantId }, include: { hostnames: true } });
        expect(tenant?.slug).toBe("old");
        expect(tenant?.hostnames.map((h) => h.hostname)).toEqual(["auth.old.example"]);
      } finally {
        firstOnly.remove();
      }
    });

    it("refuse to open a tenant database that does not exist instead of creating an empty one", async () => {
      const tenantId = randomTenantId();
      await expect(test.storage.openTenantDatabase(tenantId)).rejects.toThrow(/does not exist/);
      if (test.storage instanceof SqliteStorage) expect(existsSync(test.storage.tenantFile(tenantId))).toBe(false);
      else expect(await realTables(test, { tenantId })).toEqual([]);
    });
  });

  describe("the runner", () => {
    let test: TestStorage;
    let pool: pg.Pool | undefined;
    let folder: MigrationsFolder;
    let target: Target;

    beforeAll(async () => {
      test = await createTestStorage(provider);
      if (test.databaseUrl) pool = new pg.Pool({ connectionString: test.databaseUrl, max: 4 });
    });
    afterAll(async () => {
      await pool?.end();
      await test.cleanup();
    });
    beforeEach(() => {
      folder = new MigrationsFolder();
      const name = `m_${randomBytes(4).toString("hex")}`;
      target = pool ? postgresTarget(pool, name) : sqliteTarget(path.join(test.dataDir, `${name}.db`));
    });
    afterEach(async () => {
      await target.close();
      folder.remove();
    });

    const NOTE = "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL);";

    it("applies every migration in name order and records name and checksum", async () => {
      const second = "ALTER TABLE note ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT false;";
      folder.write("0002_pinned", second);
      folder.write("0001_note", NOTE);
      expect(await target.migrate(folder.dir)).toEqual(["0001_note", "0002_pinned"]);
      expect(await target.tables()).toEqual(["_portico_migrations", "note"]);
      expect(await target.query(`SELECT name, checksum FROM "_portico_migrations" ORDER BY name`)).toEqual([
        { name: "0001_note", checksum: sha256(NOTE) },
        { name: "0002_pinned", checksum: sha256(second) },
      ]);
      expect(await target.status(folder.dir)).toEqual({ applied: ["0001_note", "0002_pinned"], pending: [] });
      expect(await target.migrate(folder.dir)).toEqual([]);
    });

    it("upgrades an older database: only the new migration runs and existing rows survive", async () => {
      folder.write("0001_note", NOTE);
      expect(await target.migrate(folder.dir)).toEqual(["0001_note"]);
      await target.query("INSERT INTO note (id, body) VALUES (1, 'written before the upgrade')");

      folder.write("0002_pinned", "ALTER TABLE note ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT false;");
      folder.write("0003_tag", "CREATE TABLE tag (id INTEGER PRIMARY KEY, label TEXT NOT NULL);");
      expect(await target.status(folder.dir)).toEqual({ applied: ["0001_note"], pending: ["0002_pinned", "0003_tag"] });
      expect(await target.migrate(folder.dir)).toEqual(["0002_pinned", "0003_tag"]);

      const rows = await target.query<{ id: number; body: string; pinned: unknown }>(
        "SELECT id, body, pinned FROM note",
      );
      expect(rows).toEqual([{ id: 1, body: "written before the upgrade", pinned: provider === "sqlite" ? 0 : false }]);
      expect(await target.tables()).toContain("tag");
    });

    it("refuses to run when an applied migration was changed, naming it", async () => {
      folder.write("0001_note", NOTE);
      await target.migrate(folder.dir);
      folder.write("0001_note", NOTE.replace("body TEXT NOT NULL", "body TEXT"));
      folder.write("0002_tag", "CREATE TABLE tag (id INTEGER PRIMARY KEY);");

      await expect(target.migrate(folder.dir)).rejects.toThrow(MigrationError);
      await expect(target.migrate(folder.dir)).rejects.toThrow(/0001_note was changed after it was applied/);
      await expect(target.status(folder.dir)).rejects.toThrow(/0001_note/);
      // Nothing else ran either.
      expect(await target.tables()).not.toContain("tag");
    });

    it("rolls back a failing migration completely and does not record it; it applies once fixed", async () => {
      folder.write("0001_note", NOTE);
      await target.migrate(folder.dir);
      folder.write(
        "0002_broken",
        "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nINSERT INTO note (id, body) VALUES (2, 'half');\nINSERT INTO no_such_table VALUES (1);",
      );

      await expect(target.migrate(folder.dir)).rejects.toThrow(/no_such_table/);
      expect(await target.tables()).toEqual(["_portico_migrations", "note"]);
      expect(await target.query("SELECT id FROM note")).toEqual([]);
      expect(await target.status(folder.dir)).toEqual({ applied: ["0001_note"], pending: ["0002_broken"] });

      // A migration that never applied may still be edited.
      folder.write("0002_broken", "CREATE TABLE tag (id INTEGER PRIMARY KEY);");
      expect(await target.migrate(folder.dir)).toEqual(["0002_broken"]);
      expect(await target.tables()).toContain("tag");
    });

    it("reports a missing migrations folder clearly", async () => {
      await expect(target.migrate(path.join(folder.dir, "nope"))).rejects.toThrow(/No migrations folder at .*nope/);
    });

    if (provider === "postgresql") {
      it("applies each migration once when several app instances migrate at the same moment", async () => {
        folder.write("0001_note", NOTE);
        folder.write("0002_tag", "CREATE TABLE tag (id INTEGER PRIMARY KEY);");
        const results = await Promise.all([
          target.migrate(folder.dir),
          target.migrate(folder.dir),
          target.migrate(folder.dir),
        ]);
        expect(results.flat().sort()).toEqual(["0001_note", "0002_tag"]);
        expect(await target.query(`SELECT count(*)::int AS n FROM "_portico_migrations"`)).toEqual([{ n: 2 }]);
      });
    }
  });
});
