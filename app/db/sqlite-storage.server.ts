import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ControlSqliteClient, TenantSqliteClient } from "./clients.server";
import { migrateSqlite, sqliteMigrationStatus } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import { assertTenantId, type Storage, type TenantConnection } from "./storage.server";

/** How long a writer waits for a lock before SQLITE_BUSY; sign-ups and migrations may overlap. */
const BUSY_TIMEOUT_MS = 5000;

/** Opens the file, applies pending migrations, and leaves it in WAL mode (readers never block). */
function migrateFile(file: string, dir: string, { create }: { create: boolean }): void {
  if (!create && !existsSync(file)) throw new Error(`Database file ${file} does not exist`);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    migrateSqlite(db, dir);
  } finally {
    db.close();
  }
}

function adapterFor(file: string) {
  return new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
}

export class SqliteStorage implements Storage {
  readonly provider = "sqlite" as const;
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
      mkdirSync(this.dataDir, { recursive: true });
      migrateFile(this.controlFile, migrationsDir("control", "sqlite"), { create: true });
      this.#control = new ControlSqliteClient({ adapter: adapterFor(this.controlFile) });
    }
    return this.#control;
  }

  async createTenantDatabase(tenantId: string) {
    mkdirSync(path.join(this.dataDir, "tenants"), { recursive: true });
    migrateFile(this.tenantFile(tenantId), migrationsDir("tenant", "sqlite"), { create: true });
  }

  async openTenantDatabase(tenantId: string): Promise<TenantConnection> {
    const file = this.tenantFile(tenantId);
    migrateFile(file, migrationsDir("tenant", "sqlite"), { create: false });
    const db = new TenantSqliteClient({ adapter: adapterFor(file) });
    return { db, close: () => db.$disconnect() };
  }

  async tenantMigrationStatus(tenantId: string) {
    const db = new Database(this.tenantFile(tenantId), { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      return sqliteMigrationStatus(db, migrationsDir("tenant", "sqlite"));
    } finally {
      db.close();
    }
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
    await this.#control?.$disconnect();
    this.#control = undefined;
  }
}
