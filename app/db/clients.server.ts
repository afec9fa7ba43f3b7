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
