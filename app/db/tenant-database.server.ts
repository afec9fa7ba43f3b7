import { z } from "zod";
import type { Tenant, TenantService } from "~/tenancy/tenants.server";
import type { Storage, TenantDatabaseLocation } from "./storage.server";
import { checkPostgresReachable, describePostgresUrl, type ReachabilityProblem } from "./tenant-postgres.server";
import { errorField, log } from "~/ops/log.server";

/**
 * The console's database section: where a tenant's data lives, its migrations, and moving
 * new data to a PostgreSQL database the tenant brings. The connection string is a tenant
 * secret (`databaseUrl`, encrypted with the others); it is never returned, only its host and
 * database. Switching does not copy existing users or sessions: the tenant starts empty there.
 */
export type TenantDatabaseDeps = { storage: Storage; tenants: TenantService };

export type TenantDatabaseStatus = {
  location: TenantDatabaseLocation;
  migrations: { applied: string[]; pending: string[] } | null;
  /** Why the migration status could not be read (the tenant's own database is down). */
  problem: string | null;
};

async function databaseUrlOf({ tenants }: TenantDatabaseDeps, tenant: Tenant): Promise<string | undefined> {
  return (await tenants.getSecrets(tenant.id)).databaseUrl || undefined;
}

export async function getTenantDatabaseStatus(deps: TenantDatabaseDeps, tenant: Tenant): Promise<TenantDatabaseStatus> {
  const databaseUrl = await databaseUrlOf(deps, tenant);
  const location = deps.storage.describeTenantDatabase(tenant.id, { databaseUrl });
  try {
    const migrations = await deps.storage.tenantMigrationStatus(tenant.id, { databaseUrl });
    return { location, migrations, problem: null };
  } catch (error) {
    log.error({ tenant: tenant.slug, err: errorField(error) }, "Migration status of a tenant unavailable");
    return { location, migrations: null, problem: "The tenant's database cannot be reached right now." };
  }
}

/** Applies pending migrations to wherever the tenant's data lives; returns the names applied. */
export async function applyTenantMigrations(deps: TenantDatabaseDeps, tenant: Tenant): Promise<string[]> {
  return deps.storage.migrateTenantDatabase(tenant.id, { databaseUrl: await databaseUrlOf(deps, tenant) });
}

export const DatabaseUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter a connection string.")
  .max(2000, "Use at most 2000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter a PostgreSQL URL such as postgresql://user:password@db.example.com:5432/portico.")
  .refine((value) => !URL.canParse(value) || new URL(value).pathname.length > 1, "Include the database name.");

const PROBLEMS: Record<ReachabilityProblem, string> = {
  unreachable:
    "Could not connect to that database server. Check the host and port, and that it accepts connections from here.",
  auth_failed: "The database server refused that user name or password.",
  database_missing: "That database does not exist on the server.",
  not_permitted: "That user may not create schemas in this database (it needs the CREATE privilege).",
};

export type ConnectResult = { ok: true; target: { host: string; database: string } } | { ok: false; error: string };

/**
 * Checks the database answers, creates and migrates the tenant's schema there, and only
 * then saves the URL, so a tenant is never pointed at a database it cannot use. Errors are
 * this module's own messages: the driver's can quote the URL, password included.
 */
export async function connectTenantDatabase(
  deps: TenantDatabaseDeps,
  tenant: Tenant,
  databaseUrl: string,
): Promise<ConnectResult> {
  const problem = await checkPostgresReachable(databaseUrl);
  if (problem) return { ok: false, error: PROBLEMS[problem] };
  try {
    await deps.storage.createTenantDatabase(tenant.id, { databaseUrl });
  } catch (error) {
    log.error({ tenant: tenant.slug, err: errorField(error) }, "Could not prepare a tenant's own database");
    return { ok: false, error: "Connected, but could not create the tenant's tables in that database." };
  }
  await deps.tenants.setSecret(tenant.slug, "databaseUrl", databaseUrl);
  const { host, database } = describePostgresUrl(databaseUrl);
  return { ok: true, target: { host, database } };
}

/** Points the tenant back at the deployment's storage; the data in its own database stays there. */
export async function restoreDefaultTenantDatabase(deps: TenantDatabaseDeps, tenant: Tenant): Promise<void> {
  await deps.tenants.setSecret(tenant.slug, "databaseUrl", "");
}
