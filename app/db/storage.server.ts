import type { ControlDb, TenantDb } from "./clients.server";
import type { MigrationStatus } from "./migrate.server";
import type { Provider } from "./paths.server";

/**
 * Where the two planes live. SQLite (the zero-config default) keeps the control plane in
 * `<data>/control.db` and each tenant in `<data>/tenants/<tenantId>.db`; PostgreSQL keeps the
 * control plane in the `portico` schema and each tenant in its own `tenant_<tenantId>` schema.
 * Either way a tenant's Prisma client can only reach that tenant's tables.
 *
 * A tenant may instead bring its own PostgreSQL database (`databaseUrl`, whatever the
 * deployment's provider): its tables then live in schema `tenant_<tenantId>` there.
 */
export interface Storage {
  readonly provider: Provider;
  /** The control-plane client, migrated to the latest schema. */
  control(): Promise<ControlDb>;
  /** Creates the tenant's database (or schema) and applies every migration. */
  createTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): Promise<void>;
  /** Applies pending migrations, then opens a client that `close()` releases. */
  openTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): Promise<TenantConnection>;
  tenantMigrationStatus(tenantId: string, options?: TenantDatabaseOptions): Promise<MigrationStatus>;
  /** Applies pending migrations to an existing tenant database; returns the names applied. */
  migrateTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): Promise<string[]>;
  /** Where the tenant's data lives, in terms safe to show (no password). */
  describeTenantDatabase(tenantId: string, options?: TenantDatabaseOptions): TenantDatabaseLocation;
  /** Drops the tenant's database in the deployment's own storage (never a tenant's own database). */
  dropTenantDatabase(tenantId: string): Promise<void>;
  /** Throws when the control database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `databaseUrl`: the tenant's own PostgreSQL database; unset or empty means the deployment default. */
export type TenantDatabaseOptions = { databaseUrl?: string };

export type TenantConnection = { db: TenantDb; provider: Provider; close(): Promise<void> };

export type TenantDatabaseLocation =
  | { kind: "sqlite_file"; file: string }
  | { kind: "postgresql_schema"; schema: string }
  | { kind: "external_postgresql"; schema: string; host: string; port: string; database: string; user: string };

/** Tenant ids become file and schema names, so they are checked before any use. */
export function assertTenantId(tenantId: string): void {
  if (!/^[a-z0-9]{24}$/.test(tenantId)) throw new Error(`Invalid tenant id: ${tenantId}`);
}
