import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ControlPostgresClient, TenantPostgresClient, type ControlDb, type TenantDb } from "./clients.server";
import { migratePostgres, postgresMigrationStatus, quoteIdent } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import { assertTenantId, type Storage, type TenantConnection } from "./storage.server";

const CONTROL_SCHEMA = "portico";

export function tenantSchema(tenantId: string): string {
  assertTenantId(tenantId);
  return `tenant_${tenantId}`;
}

/**
 * One connection pool serves the control plane and every tenant: each tenant's Prisma client
 * qualifies its tables with the tenant's schema, so hundreds of hot tenants do not mean
 * hundreds of pools (PostgreSQL's connection limit would be the first thing to break).
 */
export class PostgresStorage implements Storage {
  readonly provider = "postgresql" as const;
  readonly pool: pg.Pool;
  #control: ControlDb | undefined;

  constructor(databaseUrl: string, { max = 20 }: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max });
    // An idle client's error (the server restarting) must not crash the process.
    this.pool.on("error", (error) => console.error("[portico] PostgreSQL pool error:", error.message));
  }

  async control() {
    if (!this.#control) {
      await migratePostgres(this.pool, CONTROL_SCHEMA, migrationsDir("control", "postgresql"));
      const adapter = new PrismaPg(this.pool, { schema: CONTROL_SCHEMA });
      this.#control = new ControlPostgresClient({ adapter }) as unknown as ControlDb;
    }
    return this.#control;
  }

  async createTenantDatabase(tenantId: string) {
    await migratePostgres(this.pool, tenantSchema(tenantId), migrationsDir("tenant", "postgresql"));
  }

  async openTenantDatabase(tenantId: string): Promise<TenantConnection> {
    const schema = tenantSchema(tenantId);
    const { rows } = await this.pool.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (rows.length === 0) throw new Error(`Tenant schema ${schema} does not exist`);
    await migratePostgres(this.pool, schema, migrationsDir("tenant", "postgresql"));
    const db = new TenantPostgresClient({ adapter: new PrismaPg(this.pool, { schema }) }) as unknown as TenantDb;
    // The pool is shared, so closing a tenant only drops its client.
    return { db, close: async () => undefined };
  }

  async tenantMigrationStatus(tenantId: string) {
    return postgresMigrationStatus(this.pool, tenantSchema(tenantId), migrationsDir("tenant", "postgresql"));
  }

  async dropTenantDatabase(tenantId: string) {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(tenantSchema(tenantId))} CASCADE`);
  }

  async ping() {
    await this.pool.query("SELECT 1");
  }

  async close() {
    await this.pool.end();
  }
}
