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
 * One connection pool serves the control plane and every tenant: each tenant's Prisma client
 * qualifies its tables with the tenant's schema, so hundreds of hot tenants do not mean
 * hundreds of pools (PostgreSQL's connection limit would be the first thing to break).
 * Tenants with their own database get one more pool per distinct database URL.
 */
export class PostgresStorage implements Storage {
  readonly provider = "postgresql" as const;
  readonly pool: pg.Pool;
  readonly #external = new ExternalPostgresPools();
  #control: ControlDb | undefined;

  constructor(databaseUrl: string, { max = 10 }: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max });
    // An idle client's error (the server restarting) must not crash the process.
    this.pool.on("error", (error) => log.error({ err: errorField(error) }, "PostgreSQL pool error"));
  }

  /** The pool holding this tenant's schema: the deployment's, or the tenant's own database's. */
  #poolFor(options?: TenantDatabaseOptions): pg.Pool {
    const url = externalDatabaseUrl(options);
    return url ? this.#external.pool(url) : this.pool;
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
    await createPostgresTenant(this.#poolFor(options), tenantId);
  }

  async openTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): Promise<TenantConnection> {
    return openPostgresTenant(this.#poolFor(options), tenantId);
  }

  async tenantMigrationStatus(tenantId: string, options?: TenantDatabaseOptions) {
    return postgresTenantStatus(this.#poolFor(options), tenantId);
  }

  async migrateTenantDatabase(tenantId: string, options?: TenantDatabaseOptions) {
    return migratePostgresTenant(this.#poolFor(options), tenantId);
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
    await this.#external.close();
    await this.pool.end();
  }
}
