import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

/**
 * Applies the plain SQL migrations under prisma/<plane>/migrations/<provider>/ without the
 * Prisma CLI (whose native schema engine cannot be downloaded on air-gapped servers; see
 * docs/decisions/0002-app-applies-migrations.md). Each migration runs once, in order, inside a
 * transaction, and is recorded with a checksum in `_portico_migrations`.
 */
export type Migration = { name: string; sql: string; checksum: string };
export type MigrationStatus = { applied: string[]; pending: string[] };

const LEDGER = "_portico_migrations";

export class MigrationError extends Error {}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function pendingAfter(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was changed after it was applied; restore it and add a new migration instead.`,
      );
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

/**
 * An instance of an older build must not run against a schema a newer build has moved on
 * (say, during a rolling deploy or a rollback): its queries would meet columns and tables it
 * does not know. Migration names start with their date, so the last name is the version.
 */
function assertNotNewer(migrations: Migration[], applied: Map<string, string>, where: string): void {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied.keys()].filter((name) => !known.has(name)).sort();
  if (unknown.length === 0) return;
  const database = [...applied.keys()].sort().at(-1);
  const build = migrations.at(-1)?.name ?? "none";
  throw new MigrationError(
    `The ${where} schema is newer than this build of Portico: the database is at ${database}, this build at ${build} ` +
      `(unknown migrations: ${unknown.join(", ")}). Start the newer build, or restore a backup taken before the upgrade.`,
  );
}

export function sqliteMigrationStatus(db: Database.Database, dir: string): MigrationStatus {
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const rows = db.prepare(`SELECT name, checksum FROM "${LEDGER}"`).all() as { name: string; checksum: string }[];
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  const migrations = readMigrations(dir);
  return { applied: [...applied.keys()].sort(), pending: pendingAfter(migrations, applied).map((m) => m.name) };
}

/** Applies pending migrations to a SQLite database; returns the names applied. */
export function migrateSqlite(db: Database.Database, dir: string, where = "database"): string[] {
  const { applied, pending } = sqliteMigrationStatus(db, dir);
  const migrations = readMigrations(dir);
  assertNotNewer(migrations, new Map(applied.map((name) => [name, ""])), where);
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const record = db.prepare(`INSERT INTO "${LEDGER}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
  // SQLite changes a column by copying the table and dropping the old one; with foreign keys
  // on, that DROP would cascade-delete every referencing row (a tenant's hostnames). The
  // pragma is a no-op inside a transaction, so it is switched off around them, and each
  // migration must leave no dangling reference before it is committed.
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
  db.pragma("foreign_keys = OFF");
  try {
    for (const name of pending) {
      const migration = byName.get(name)!;
      db.transaction(() => {
        db.exec(migration.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new MigrationError(`Migration ${name} leaves ${violations.length} rows pointing at missing rows.`);
        }
        record.run(migration.name, migration.checksum, new Date().toISOString());
      })();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
  return pending;
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

async function postgresApplied(client: pg.PoolClient, schema: string): Promise<Map<string, string>> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(schema)}."${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  );
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT name, checksum FROM ${quoteIdent(schema)}."${LEDGER}"`,
  );
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

export async function postgresMigrationStatus(pool: pg.Pool, schema: string, dir: string): Promise<MigrationStatus> {
  const client = await pool.connect();
  try {
    const applied = await postgresApplied(client, schema);
    return {
      applied: [...applied.keys()].sort(),
      pending: pendingAfter(readMigrations(dir), applied).map((m) => m.name),
    };
  } finally {
    client.release();
  }
}

/**
 * Applies pending migrations inside one PostgreSQL schema. An advisory lock keyed by the
 * schema name lets several app instances start at once without applying a migration twice.
 */
export async function migratePostgres(pool: pg.Pool, schema: string, dir: string): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`portico-migrate:${schema}`]);
    const applied = await postgresApplied(client, schema);
    assertNotNewer(migrations, applied, `"${schema}"`);
    const pending = pendingAfter(migrations, applied);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${quoteIdent(schema)}."${LEDGER}" (name, checksum) VALUES ($1, $2)`, [
        migration.name,
        migration.checksum,
      ]);
    }
    await client.query("COMMIT");
    return pending.map((m) => m.name);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
