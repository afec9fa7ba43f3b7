import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { ControlSqliteClient, openTenantClient } from "./clients.server";
import { migrateSqlite, sqliteMigrationStatus } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import { ensurePrivateDir, ensurePrivateFile } from "./private-files.server";
import { assertTenantId, type Storage, type TenantConnection, type TenantDatabaseOptions } from "./storage.server";
import {
  createPostgresTenant,
  describeExternalTenant,
  externalDatabaseUrl,
  ExternalPostgresPools,
  migratePostgresTenant,
  postgresTenantStatus,
} from "./tenant-postgres.server";

/** How long a writer waits for a lock before SQLITE_BUSY; sign-ups and migrations may overlap. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens the file, applies pending migrations, and leaves it in WAL mode (readers never block). */
function migrateFile(file: string, dir: string, { create }: { create: boolean }): string[] {
  if (!create && !existsSync(file)) throw new Error(`Database file ${file} does not exist`);
  ensurePrivateFile(file);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    return migrateSqlite(db, dir, path.basename(file));
  } finally {
    db.close();
  }
}

function adapterFor(file: string) {
  return new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
}

/**
 * The default storage: one SQLite file per plane and tenant. A tenant that brings its own
 * PostgreSQL database is served from there through the PostgreSQL client instead.
 */
export class SqliteStorage implements Storage {
  readonly provider = "sqlite" as const;
  readonly external = new ExternalPostgresPools();
  #control: ControlSqliteClient | undefined;

  constructor(private readonly dataDir: string) {}

  get controlFile() {
    return path.join(this.dataDir, "control.db");
  }

  tenantFile(tenantId: string) {
    assertTenantId(tenantId);
    return path.join(this.dataDir, "tenants", `${tenantId}.db`);
  }

  async control() {
    if (!this.#control) {
      ensurePrivateDir(this.dataDir);
      migrateFile(this.controlFile, migrationsDir("control", "sqlite"), { create: true });
      this.#control = new ControlSqliteClient({ adapter: adapterFor(this.controlFile) });
    }
    return this.#control;
  }

  async createTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    const url = externalDatabaseUrl(options);
    if (url) return this.external.with(url, (pool) => createPostgresTenant(pool, tenantId));
    ensurePrivateDir(this.dataDir);
    ensurePrivateDir(path.join(this.dataDir, "tenants"));
    migrateFile(this.tenantFile(tenantId), migrationsDir("tenant", "sqlite"), { create: true });
  }

  async openTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): Promise<TenantConnection> {
    const url = externalDatabaseUrl(options);
    if (url) return this.external.openTenant(url, tenantId);
    const file = this.tenantFile(tenantId);
    migrateFile(file, migrationsDir("tenant", "sqlite"), { create: false });
    const db = openTenantClient("sqlite", adapterFor(file));
    return { db, provider: "sqlite", close: () => db.$disconnect() };
  }

  async tenantMigrationStatus(tenantId: string, options?: TenantDatabaseOptions) {
    const url = externalDatabaseUrl(options);
    if (url) return this.external.with(url, (pool) => postgresTenantStatus(pool, tenantId));
    const db = new Database(this.tenantFile(tenantId), { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      return sqliteMigrationStatus(db, migrationsDir("tenant", "sqlite"));
    } finally {
      db.close();
    }
  }

  async migrateTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    const url = externalDatabaseUrl(options);
    if (url) return this.external.with(url, (pool) => migratePostgresTenant(pool, tenantId));
    return migrateFile(this.tenantFile(tenantId), migrationsDir("tenant", "sqlite"), { create: false });
  }

  describeTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    const url = externalDatabaseUrl(options);
    if (url) return describeExternalTenant(url, tenantId);
    return { kind: "sqlite_file" as const, file: this.tenantFile(tenantId) };
  }

  async dropTenantDatabase(tenantId: string) {
    const file = this.tenantFile(tenantId);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }

  async ping() {
    await (
      await this.control()
    ).$queryRaw`SELECT 1`;
  }

  async close() {
    await this.external.close();
    await this.#control?.$disconnect();
    this.#control = undefined;
  }
}
