import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { openTenantClient } from "./clients.server";
import { migratePostgres, postgresMigrationStatus, quoteIdent, type MigrationStatus } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import {
  assertTenantId,
  type TenantConnection,
  type TenantDatabaseLocation,
  type TenantDatabaseOptions,
} from "./storage.server";
import { errorField, log } from "~/ops/log.server";

/**
 * A tenant's tables in a PostgreSQL database: schema `tenant_<tenantId>`, whether that
 * database is the deployment's own (DATABASE_URL) or one the tenant brought. Both storages
 * use these functions, so a SQLite deployment can still serve a tenant from PostgreSQL.
 */
export function tenantSchema(tenantId: string): string {
  assertTenantId(tenantId);
  return `tenant_${tenantId}`;
}

const tenantMigrations = () => migrationsDir("tenant", "postgresql");

export async function createPostgresTenant(pool: pg.Pool, tenantId: string): Promise<void> {
  await migratePostgres(pool, tenantSchema(tenantId), tenantMigrations());
}

export async function openPostgresTenant(pool: pg.Pool, tenantId: string): Promise<TenantConnection> {
  const schema = tenantSchema(tenantId);
  const { rows } = await pool.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (rows.length === 0) throw new Error(`Tenant schema ${schema} does not exist`);
  await migratePostgres(pool, schema, tenantMigrations());
  const db = openTenantClient("postgresql", new PrismaPg(pool, { schema }));
  // Pools are shared, so closing a tenant only drops its client.
  return { db, provider: "postgresql", close: async () => undefined };
}

export async function postgresTenantStatus(pool: pg.Pool, tenantId: string): Promise<MigrationStatus> {
  return postgresMigrationStatus(pool, tenantSchema(tenantId), tenantMigrations());
}

export async function migratePostgresTenant(pool: pg.Pool, tenantId: string): Promise<string[]> {
  return migratePostgres(pool, tenantSchema(tenantId), tenantMigrations());
}

export async function dropPostgresTenant(pool: pg.Pool, tenantId: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(tenantSchema(tenantId))} CASCADE`);
}

/** A connection string reduced to what may be shown: never the password. */
export type PostgresTarget = { host: string; port: string; database: string; user: string };

export function describePostgresUrl(databaseUrl: string): PostgresTarget {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: url.port || "5432",
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || decodeURIComponent(url.username),
    user: decodeURIComponent(url.username),
  };
}

/** How long an external database gets to accept a connection before requests fail fast. */
const EXTERNAL_CONNECT_TIMEOUT_MS = 5000;

/**
 * One pool per distinct external database URL, created on first use and kept, so tenants
 * sharing a customer's database share its connections. Small pools: each is one customer's
 * server, which has its own connection limit.
 */
export class ExternalPostgresPools {
  readonly #pools = new Map<string, pg.Pool>();

  pool(databaseUrl: string): pg.Pool {
    let pool = this.#pools.get(databaseUrl);
    if (!pool) {
      pool = new pg.Pool({
        connectionString: databaseUrl,
        max: 5,
        connectionTimeoutMillis: EXTERNAL_CONNECT_TIMEOUT_MS,
      });
      // An idle client's error (the server restarting) must not crash the process.
      pool.on("error", (error) => log.error({ err: errorField(error) }, "External PostgreSQL pool error"));
      this.#pools.set(databaseUrl, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.end()));
  }
}

export type ReachabilityProblem = "unreachable" | "auth_failed" | "database_missing" | "not_permitted";

/**
 * Connects once with a short timeout and checks that the account may create a schema.
 * Returns a problem code rather than the driver's error, whose text can quote the URL.
 */
export async function checkPostgresReachable(
  databaseUrl: string,
  { timeoutMs = EXTERNAL_CONNECT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<ReachabilityProblem | null> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A connection dropped after connect() must not become an unhandled 'error' event.
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ allowed: boolean }>(
      "SELECT has_database_privilege(current_user, current_database(), 'CREATE') AS allowed",
    );
    return rows[0]?.allowed ? null : "not_permitted";
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "28P01" || code === "28000") return "auth_failed";
    if (code === "3D000") return "database_missing";
    return "unreachable";
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The tenant's own database URL, or undefined for the deployment default. */
export function externalDatabaseUrl(options?: TenantDatabaseOptions): string | undefined {
  return options?.databaseUrl || undefined;
}

export function describeExternalTenant(databaseUrl: string, tenantId: string): TenantDatabaseLocation {
  return { kind: "external_postgresql", schema: tenantSchema(tenantId), ...describePostgresUrl(databaseUrl) };
}
