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
  // Pools are shared, so closing a tenant only drops its client (and the error listener its
  // adapter put on the pool, which would otherwise pile up with every rebuild).
  return { db, provider: "postgresql", close: () => db.$disconnect() };
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

/** Connections a tenant's own database gets from one instance: it is one customer's server, with its own limit. */
export const EXTERNAL_POOL_MAX = 2;

/** A pool lent for as long as a tenant is open; `release()` closes it once no open tenant uses it. */
export type PoolLease = { pool: pg.Pool; release(): Promise<void> };

/**
 * One small pool per distinct external database URL, shared by the open tenants that use it
 * and closed when the last of them is released (evicted from the registry), so a thousand
 * tenants with their own databases cost connections only while they are hot.
 */
export class ExternalPostgresPools {
  readonly #pools = new Map<string, { pool: pg.Pool; users: number }>();

  acquire(databaseUrl: string): PoolLease {
    let entry = this.#pools.get(databaseUrl);
    if (!entry) {
      const pool = new pg.Pool({
        connectionString: databaseUrl,
        max: EXTERNAL_POOL_MAX,
        connectionTimeoutMillis: EXTERNAL_CONNECT_TIMEOUT_MS,
      });
      // An idle client's error (the server restarting) must not crash the process.
      pool.on("error", (error) => log.error({ err: errorField(error) }, "External PostgreSQL pool error"));
      // Each open tenant's adapter listens for errors too; the registry bounds how many are open.
      pool.setMaxListeners(0);
      this.#pools.set(databaseUrl, (entry = { pool, users: 0 }));
    }
    entry.users++;
    const lent = entry;
    let released = false;
    return {
      pool: lent.pool,
      release: async () => {
        if (released) return;
        released = true;
        if (--lent.users > 0) return;
        if (this.#pools.get(databaseUrl) === lent) this.#pools.delete(databaseUrl);
        await lent.pool.end();
      },
    };
  }

  /** Runs one piece of work (create, migrate, status) on the database's pool. */
  async with<T>(databaseUrl: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const lease = this.acquire(databaseUrl);
    try {
      return await work(lease.pool);
    } finally {
      await lease.release();
    }
  }

  /** Opens a tenant in its own database; closing the connection releases the pool's lease. */
  async openTenant(databaseUrl: string, tenantId: string): Promise<TenantConnection> {
    const lease = this.acquire(databaseUrl);
    try {
      const connection = await openPostgresTenant(lease.pool, tenantId);
      return {
        ...connection,
        close: async () => {
          await connection.close();
          await lease.release();
        },
      };
    } catch (error) {
      await lease.release();
      throw error;
    }
  }

  /** How many external pools are open (each holds at most EXTERNAL_POOL_MAX connections). */
  get size(): number {
    return this.#pools.size;
  }

  async close(): Promise<void> {
    const entries = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(entries.map((entry) => entry.pool.end()));
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
