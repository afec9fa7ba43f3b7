import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as ControlPostgresClient } from "~/generated/control-postgresql/client";
import { PrismaClient as ControlSqliteClient } from "~/generated/control-sqlite/client";
import { PrismaClient as TenantPostgresClient } from "~/generated/tenant-postgresql/client";
import { PrismaClient as TenantSqliteClient } from "~/generated/tenant-sqlite/client";

export { ControlPostgresClient, ControlSqliteClient, TenantPostgresClient, TenantSqliteClient };

/**
 * Each plane's schema is generated twice, once per provider (scripts/prisma-generate.ts),
 * with identical models. The app works against one type per plane; the PostgreSQL clients
 * are used through it, which is sound because only the provider line differs.
 */
export type ControlDb = ControlSqliteClient;
export type TenantDb = TenantSqliteClient;

const providers = new WeakMap<object, "sqlite" | "postgresql">();

/** Opens a tenant client and remembers which provider it talks to (see tenantDbProvider). */
export function openTenantClient(provider: "sqlite", adapter: PrismaBetterSQLite3): TenantDb;
export function openTenantClient(provider: "postgresql", adapter: PrismaPg): TenantDb;
export function openTenantClient(provider: "sqlite" | "postgresql", adapter: PrismaBetterSQLite3 | PrismaPg): TenantDb {
  const db =
    provider === "sqlite"
      ? new TenantSqliteClient({ adapter: adapter as PrismaBetterSQLite3 })
      : (new TenantPostgresClient({ adapter: adapter as PrismaPg }) as unknown as TenantDb);
  providers.set(db, provider);
  return db;
}

/**
 * Which database a tenant client talks to: a tenant may keep its data in its own PostgreSQL
 * database whatever the deployment's provider is, and some queries differ per provider.
 */
export function tenantDbProvider(db: TenantDb): "sqlite" | "postgresql" {
  const provider = providers.get(db);
  if (!provider) throw new Error("This tenant client was not opened through openTenantClient().");
  return provider;
}
