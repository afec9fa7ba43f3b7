import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ControlPostgresClient, type ControlDb } from "./clients.server";
import { migratePostgres } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import type { Storage, TenantConnection, TenantDatabaseOptions } from "./storage.server";
import {
  createPostgresTenant,
  describeExternalTenant,
  dropPostgresTenant,
  externalDatabaseUrl,
  ExternalPostgresPools,
  migratePostgresTenant,
  openPostgresTenant,
  postgresTenantStatus,
  tenantSchema,
} from "./tenant-postgres.server";
import { errorField, log } from "~/ops/log.server";

export { tenantSchema };

/** The control plane's schema; raw SQL must name it (the adapter only qualifies model queries). */
export const CONTROL_SCHEMA = "portico";

/**
 * One connection pool (at most PORTICO_PG_POOL_MAX connections) serves the control plane and
 * every tenant: each tenant's Prisma client qualifies its tables with the tenant's schema, so
 * a thousand tenants do not mean a thousand pools (PostgreSQL's connection limit would be the
 * first thing to break). Tenants with their own database get a small pool per distinct
 * database URL while they are open.
 */
export class PostgresStorage implements Storage {
  readonly provider = "postgresql" as const;
  readonly pool: pg.Pool;
  readonly external = new ExternalPostgresPools();
  #control: ControlDb | undefined;

  constructor(databaseUrl: string, { max = 10 }: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max });
    // An idle client's error (the server restarting) must not crash the process.
    this.pool.on("error", (error) => log.error({ err: errorField(error) }, "PostgreSQL pool error"));
    // Each hot tenant's adapter listens for errors too; PORTICO_MAX_HOT_TENANTS bounds them.
    this.pool.setMaxListeners(0);
  }

  /** Runs work on the pool holding this tenant's schema: the deployment's, or the tenant's own database's. */
  #withPool<T>(options: TenantDatabaseOptions | undefined, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const url = externalDatabaseUrl(options);
    return url ? this.external.with(url, work) : work(this.pool);
  }

  async control() {
    if (!this.#control) {
      await migratePostgres(this.pool, CONTROL_SCHEMA, migrationsDir("control", "postgresql"));
      const adapter = new PrismaPg(this.pool, { schema: CONTROL_SCHEMA });
      this.#control = new ControlPostgresClient({ adapter }) as unknown as ControlDb;
    }
    return this.#control;
  }

  async createTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    await this.#withPool(options, (pool) => createPostgresTenant(pool, tenantId));
  }

  async openTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): Promise<TenantConnection> {
    const url = externalDatabaseUrl(options);
    return url ? this.external.openTenant(url, tenantId) : openPostgresTenant(this.pool, tenantId);
  }

  async tenantMigrationStatus(tenantId: string, options?: TenantDatabaseOptions) {
    return this.#withPool(options, (pool) => postgresTenantStatus(pool, tenantId));
  }

  async migrateTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    return this.#withPool(options, (pool) => migratePostgresTenant(pool, tenantId));
  }

  describeTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    const url = externalDatabaseUrl(options);
    if (url) return describeExternalTenant(url, tenantId);
    return { kind: "postgresql_schema" as const, schema: tenantSchema(tenantId) };
  }

  async dropTenantDatabase(tenantId: string) {
    await dropPostgresTenant(this.pool, tenantId);
  }

  async ping() {
    await this.pool.query("SELECT 1");
  }

  async close() {
    await this.external.close();
    await this.pool.end();
  }
}
