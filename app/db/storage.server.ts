import type { ControlDb, TenantDb } from "./clients.server";
import type { MigrationStatus } from "./migrate.server";
import type { Provider } from "./paths.server";

/**
 * Where the two planes live. SQLite (the zero-config default) keeps the control plane in
 * `<data>/control.db` and each tenant in `<data>/tenants/<tenantId>.db`; PostgreSQL keeps the
 * control plane in the `portico` schema and each tenant in its own `tenant_<tenantId>` schema.
 * Either way a tenant's Prisma client can only reach that tenant's tables.
 */
export interface Storage {
  readonly provider: Provider;
  /** The control-plane client, migrated to the latest schema. */
  control(): Promise<ControlDb>;
  /** Creates the tenant's database (or schema) and applies every migration. */
  createTenantDatabase(tenantId: string): Promise<void>;
  /** Applies pending migrations, then opens a client that `close()` releases. */
  openTenantDatabase(tenantId: string): Promise<TenantConnection>;
  tenantMigrationStatus(tenantId: string): Promise<MigrationStatus>;
  dropTenantDatabase(tenantId: string): Promise<void>;
  /** Throws when the control database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type TenantConnection = { db: TenantDb; close(): Promise<void> };

/** Tenant ids become file and schema names, so they are checked before any use. */
export function assertTenantId(tenantId: string): void {
  if (!/^[a-z0-9]{24}$/.test(tenantId)) throw new Error(`Invalid tenant id: ${tenantId}`);
}
