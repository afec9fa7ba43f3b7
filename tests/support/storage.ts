import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Provider } from "~/db/paths.server";
import { PostgresStorage } from "~/db/postgres-storage.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";

/**
 * Real storage for integration tests: SQLite in a fresh temp directory, or PostgreSQL in a
 * fresh database created from TEST_DATABASE_URL (CI sets it; locally the PostgreSQL cases
 * only run when it is set).
 */
export type TestStorage<S extends SqliteStorage | PostgresStorage = SqliteStorage | PostgresStorage> = {
  storage: S;
  /** A fresh temp directory (SQLite keeps its files here; PostgreSQL runs get one too). */
  dataDir: string;
  /** The fresh PostgreSQL database's URL; undefined for SQLite. */
  databaseUrl?: string;
  cleanup(): Promise<void>;
};

/** The providers to run storage-backed suites against: SQLite always, PostgreSQL when configured. */
export function testProviders(): Provider[] {
  return process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
}

export function tempDir(label = "portico-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), label));
}

function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set; PostgreSQL tests cannot run.");
  return url;
}

/** Opens a client on the server's TEST_DATABASE_URL database for CREATE/DROP DATABASE. */
async function adminClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: requireTestDatabaseUrl() });
  await client.connect();
  return client;
}

/** Creates an empty PostgreSQL database and returns its URL and a function dropping it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `portico_test_${randomBytes(6).toString("hex")}`;
  const admin = await adminClient();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(requireTestDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = await adminClient();
      try {
        // WITH (FORCE) terminates any connection a test leaked (PostgreSQL 13+).
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function createTestStorage(provider: "sqlite"): Promise<TestStorage<SqliteStorage>>;
export async function createTestStorage(provider: "postgresql"): Promise<TestStorage<PostgresStorage>>;
export async function createTestStorage(provider: Provider): Promise<TestStorage>;
export async function createTestStorage(provider: Provider): Promise<TestStorage> {
  const dataDir = tempDir();
  if (provider === "sqlite") {
    const storage = new SqliteStorage(dataDir);
    return {
      storage,
      dataDir,
      async cleanup() {
        await storage.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase();
  // A small pool: tests never need many connections and CI's server limit is shared.
  const storage = new PostgresStorage(database.url, { max: 5 });
  return {
    storage,
    dataDir,
    databaseUrl: database.url,
    async cleanup() {
      await storage.close().catch(() => undefined);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Empties a test storage between tests far faster than creating a new PostgreSQL database:
 * removes every tenant row and every tenant database, keeping the migrated control plane.
 * Close anything holding tenant connections (a registry) first.
 */
export async function resetTestStorage(test: TestStorage): Promise<void> {
  const { storage } = test;
  const control = await storage.control();
  await control.tenant.deleteMany();
  if (storage instanceof SqliteStorage) {
    rmSync(path.join(test.dataDir, "tenants"), { recursive: true, force: true });
    return;
  }
  const { rows } = await storage.pool.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%'",
  );
  for (const { nspname } of rows) await storage.pool.query(`DROP SCHEMA "${nspname}" CASCADE`);
}

/** A raw better-sqlite3 handle on a database file, for assertions behind the app's back. */
export function rawSqlite(file: string, { readonly = false }: { readonly?: boolean } = {}): Database.Database {
  return new Database(file, { fileMustExist: true, readonly, timeout: 5000 });
}

/** A raw, connected pg client; `schema` becomes its search_path. The caller must `end()` it. */
export async function rawPostgres(url: string, { schema }: { schema?: string } = {}): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: schema ? `-c search_path="${schema}"` : undefined });
  await client.connect();
  return client;
}

/**
 * One raw-SQL interface over either provider, so provider-agnostic tests can read and write a
 * plane's tables directly. Placeholders are written `?` and translated to `$n` for PostgreSQL.
 */
export type RawDb = {
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
};

export type Plane = "control" | { tenantId: string };

export async function openRaw(test: TestStorage, plane: Plane): Promise<RawDb> {
  const { storage } = test;
  if (storage instanceof SqliteStorage) {
    const db = rawSqlite(plane === "control" ? storage.controlFile : storage.tenantFile(plane.tenantId));
    return {
      async all<T>(sql: string, params: unknown[] = []) {
        return db.prepare(sql).all(...params) as T[];
      },
      async run(sql: string, params: unknown[] = []) {
        db.prepare(sql).run(...params);
      },
      async close() {
        db.close();
      },
    };
  }
  const schema = plane === "control" ? "portico" : `tenant_${plane.tenantId}`;
  const client = await rawPostgres(test.databaseUrl!, { schema });
  const translate = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    async all<T>(sql: string, params: unknown[] = []) {
      return (await client.query(translate(sql), params)).rows as T[];
    },
    async run(sql: string, params: unknown[] = []) {
      await client.query(translate(sql), params);
    },
    async close() {
      await client.end();
    },
  };
}

/** Runs `fn` with a raw handle on a plane and always closes it. */
export async function withRaw<T>(test: TestStorage, plane: Plane, fn: (db: RawDb) => Promise<T>): Promise<T> {
  const db = await openRaw(test, plane);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A syntactically valid tenant id (24 chars of [a-z0-9]) that no tenant has. */
export function randomTenantId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return Array.from(randomBytes(24), (byte) => alphabet[byte % 32]).join("");
}
