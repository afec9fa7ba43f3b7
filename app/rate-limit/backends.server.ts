import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { StoreHealth } from "./store-health.server";

/**
 * Where every rate limit and throttle counts (decision 0015): Redis when REDIS_URL is set,
 * the control-plane PostgreSQL otherwise, this process's memory for the embedded SQLite mode.
 * With a shared store, N instances behind a load balancer give an attacker the attempts of one.
 */
export type LimiterSpec = {
  /** Names the limiter's counters in the store; two limiters never share a prefix. */
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
  /**
   * Most keys a memory limiter keeps (oldest dropped first), for limiters keyed by what any
   * client sends (an address): a flood of made-up ones must not exhaust the process's memory.
   */
  maxKeys?: number;
};

export type RateLimitBackend = {
  readonly kind: "redis" | "postgresql" | "memory";
  /** The limiter for `spec`, made once per spec and reused. */
  limiter(spec: LimiterSpec): RateLimiterAbstract;
  /** "degraded" while the shared store is unreachable and limits are counted per process. */
  status(): "ok" | "degraded";
};

function memoized(make: (spec: LimiterSpec) => RateLimiterAbstract) {
  const limiters = new Map<string, RateLimiterAbstract>();
  return (spec: LimiterSpec) => {
    const id = `${spec.keyPrefix}|${spec.points}|${spec.duration}`;
    let limiter = limiters.get(id);
    if (!limiter) limiters.set(id, (limiter = make(spec)));
    return limiter;
  };
}

type MemoryRecord = { timeoutId?: ReturnType<typeof setTimeout> };

/** A map of rate-limiter-flexible's memory records that drops the oldest past `capacity`. */
class BoundedRecords extends Map<string, MemoryRecord> {
  constructor(private readonly capacity: number) {
    super();
  }
  override set(key: string, record: MemoryRecord): this {
    if (!this.has(key))
      for (const [oldest, dropped] of this) {
        if (this.size < this.capacity) break;
        clearTimeout(dropped.timeoutId);
        this.delete(oldest);
      }
    return super.set(key, record);
  }
}

/** A memory limiter, bounded to `maxKeys` when the spec has one (its store is the library's map). */
function memoryLimiter<L extends RateLimiterMemory>(limiter: L, { maxKeys }: LimiterSpec): L {
  if (maxKeys)
    (limiter as unknown as { _memoryStorage: { _storage: Map<string, MemoryRecord> } })._memoryStorage._storage =
      new BoundedRecords(maxKeys);
  return limiter;
}

const libraryOptions = ({ maxKeys: _, ...options }: LimiterSpec): IRateLimiterOptions => options;

/** One process: the embedded mode, and unit tests. */
export function memoryBackend(): RateLimitBackend {
  return {
    kind: "memory",
    limiter: memoized((spec) => memoryLimiter(new RateLimiterMemory(libraryOptions(spec)), spec)),
    status: () => "ok",
  };
}

/** The memory limiter that stands in while Redis is away, reporting each use. */
class FallbackLimiter extends RateLimiterMemory {
  constructor(
    options: IRateLimiterOptions,
    private readonly health: { fellBack(): void },
  ) {
    super(options);
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    this.health.fellBack();
    return super.consume(...args);
  }
  override penalty(...args: Parameters<RateLimiterMemory["penalty"]>) {
    this.health.fellBack();
    return super.penalty(...args);
  }
  override reward(...args: Parameters<RateLimiterMemory["reward"]>) {
    this.health.fellBack();
    return super.reward(...args);
  }
  override get(...args: Parameters<RateLimiterMemory["get"]>) {
    this.health.fellBack();
    return super.get(...args);
  }
  override set(...args: Parameters<RateLimiterMemory["set"]>) {
    this.health.fellBack();
    return super.set(...args);
  }
  override block(...args: Parameters<RateLimiterMemory["block"]>) {
    this.health.fellBack();
    return super.block(...args);
  }
  override delete(...args: Parameters<RateLimiterMemory["delete"]>) {
    this.health.fellBack();
    return super.delete(...args);
  }
}

/**
 * Counts in Redis under `prefix`. While Redis is unreachable every operation goes to a
 * per-process memory limiter at once (fail open: sign-ins keep working, each instance still
 * enforces the full limit); once the client is ready again the shared counts are used again.
 */
export function redisBackend(client: Redis, { prefix }: { prefix: string }): RateLimitBackend {
  const health = new StoreHealth("redis");
  client.on("ready", () => health.restored());
  client.on("reconnecting", () => health.lost()); // not "close": quitting at shutdown is no outage
  const fallback = {
    fellBack() {
      health.fellBack();
      // While the first connection is being made (a request right after start) nothing is lost yet;
      // a refused connection ends in "reconnecting", reported above.
      if (client.status !== "connecting") health.lost();
    },
  };
  return {
    kind: "redis",
    limiter: memoized(
      (spec) =>
        new RateLimiterRedis({
          ...libraryOptions(spec),
          storeClient: client,
          keyPrefix: `${prefix}rl:${spec.keyPrefix}`,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memoryLimiter(new FallbackLimiter(libraryOptions(spec), fallback), spec),
        }),
    ),
    status: () => (health.up && client.status === "ready" ? "ok" : "degraded"),
  };
}

/** The library's key column holds 255 characters; longer keys (a long email) are hashed. */
const MAX_KEY_LENGTH = 255;

class PostgresLimiter extends RateLimiterPostgres {
  override getKey(key: string | number): string {
    const full = super.getKey(key);
    if (full.length <= MAX_KEY_LENGTH) return full;
    return `${this.keyPrefix}:sha256:${createHash("sha256").update(full).digest("hex")}`;
  }
}

export const POSTGRES_TABLE = "rate_limits";

/**
 * Counts in one table of the control-plane schema, shared by every limiter (keys carry the
 * limiter's prefix). The table is created once, before the first query: rate-limiter-flexible
 * would create it asynchronously per limiter and refuse queries until then.
 */
export function postgresBackend(pool: pg.Pool, { schema }: { schema: string }): RateLimitBackend {
  const table = `"${schema}"."${POSTGRES_TABLE}"`;
  let created: Promise<unknown> | undefined;
  const ensureTable = () =>
    (created ??= pool
      .query(
        `CREATE TABLE IF NOT EXISTS ${table} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      )
      .catch((error: unknown) => {
        // Two instances creating it at once: the other one won.
        if ((error as { code?: string }).code === "23505") return;
        created = undefined; // try again with the next query
        throw error;
      }));
  // What the limiters query through: the pool, once the table exists.
  const client = { query: async (query: pg.QueryConfig) => (await ensureTable(), pool.query(query)) };
  let sweeping = false;
  return {
    kind: "postgresql",
    limiter: memoized((spec) => {
      // Expired rows of every limiter are deleted by one sweeper (every 5 minutes, by the library).
      const sweeper = !sweeping;
      sweeping = true;
      return new PostgresLimiter({
        ...libraryOptions(spec),
        storeClient: client,
        storeType: "pool",
        schemaName: schema,
        tableName: POSTGRES_TABLE,
        tableCreated: true,
        clearExpiredByTimeout: sweeper,
      });
    }),
    status: () => "ok",
  };
}
