import type { Redis } from "ioredis";
import type pg from "pg";
import { CONTROL_SCHEMA } from "~/db/postgres-storage.server";
import { memoryBackend, postgresBackend, redisBackend, type RateLimitBackend } from "./backends.server";

/**
 * The store the deployment's configuration names: Redis (REDIS_URL), else the control-plane
 * PostgreSQL (DATABASE_URL), else memory (embedded SQLite: one process, nothing to share).
 */
export function deploymentRateLimits({
  redis,
  redisPrefix,
  controlPool,
}: {
  redis: Redis | null;
  redisPrefix: string;
  controlPool: pg.Pool | null;
}): RateLimitBackend {
  if (redis) return redisBackend(redis, { prefix: redisPrefix });
  if (controlPool) return postgresBackend(controlPool, { schema: CONTROL_SCHEMA });
  return memoryBackend();
}

let configured: RateLimitBackend | undefined;
let unconfigured: RateLimitBackend | undefined;

/** Called once by the composition root (context.server.ts) with the deployment's store. */
export function setProcessRateLimits(backend: RateLimitBackend): void {
  configured = backend;
}

/**
 * The store every limiter of this process counts in. Parts built without the composition root
 * (tests, scripts) count in memory, as one process always did.
 */
export function processRateLimits(): RateLimitBackend {
  return configured ?? (unconfigured ??= memoryBackend());
}
