import { migrationsDir, type Provider } from "~/db/paths.server";
import { readMigrations } from "~/db/migrate.server";
import { CONTROL_SCHEMA } from "~/db/postgres-storage.server";
import type { Storage } from "~/db/storage.server";
import type { RateLimitBackend } from "~/rate-limit/backends.server";
import { isDraining } from "./lifecycle.server";
import { errorField, log } from "~/ops/log.server";

/** What /readyz answers: every check by name, and which one failed first. */
export type Readiness =
  | { ready: true; checks: Record<string, "ok" | "degraded"> }
  | { ready: false; failing: "draining" | "control_database" | "migrations"; message: string };

/**
 * Whether this instance should get traffic: not draining, the control database answers and
 * every control-plane migration shipped with this build is applied (an older build's database,
 * or one another instance is still migrating, is not ready). With REDIS_URL set, `redis` says
 * whether the shared rate limits answer; while it does not the instance stays ready and counts
 * limits per process ("degraded", decision 0015). Tenant databases are migrated when each tenant is loaded, so they are
 * not part of readiness.
 */
/** The migrations this build ships, read once: probes come every few seconds. */
const shipped = new Map<Provider, string[]>();
function shippedMigrations(provider: Provider): string[] {
  let names = shipped.get(provider);
  if (!names) shipped.set(provider, (names = readMigrations(migrationsDir("control", provider)).map((m) => m.name)));
  return names;
}

export async function checkReadiness(storage: Storage, rateLimits?: RateLimitBackend): Promise<Readiness> {
  if (isDraining()) {
    return { ready: false, failing: "draining", message: "This instance is shutting down." };
  }
  let applied: Set<string>;
  try {
    const db = await storage.control();
    const table =
      storage.provider === "postgresql" ? `"${CONTROL_SCHEMA}"."_portico_migrations"` : `"_portico_migrations"`;
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${table}`);
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    log.error({ err: errorField(error) }, "Readiness check failed");
    return { ready: false, failing: "control_database", message: "The control database does not answer." };
  }
  const pending = shippedMigrations(storage.provider).filter((name) => !applied.has(name));
  if (pending.length > 0) {
    return {
      ready: false,
      failing: "migrations",
      message: `${pending.length} control-plane migration(s) are not applied yet.`,
    };
  }
  const checks: Record<string, "ok" | "degraded"> = { control_database: "ok", migrations: "ok" };
  if (rateLimits?.kind === "redis") checks.redis = rateLimits.status();
  return { ready: true, checks };
}
