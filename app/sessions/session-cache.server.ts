import type { BetterAuthOptions, DBAdapter } from "better-auth";
import { LRUCache } from "lru-cache";

/**
 * An in-process cache of better-auth's session lookups (a session row joined with its user, by
 * token), so a get-session, a bearer call or a forward-auth decision with a session cookie does
 * not cost a database round trip each time (decision 0017).
 *
 * Why it is safe for revocation: every write better-auth makes to a tenant's sessions or users
 * (sign-out, revoking a session, a ban, a user update, a password change, a session refresh)
 * goes through the tenant's adapter, which drops the tenant's cached lookups in this process
 * before the write returns; the next request reads the database. Writes made elsewhere (another
 * instance, Prisma outside better-auth) are seen within SESSION_CACHE_TTL_MS, or at once when
 * their author calls invalidateSessions().
 */
export const SESSION_CACHE_TTL_MS = 1_000;
const MAX_CACHED_SESSIONS = 20_000;

type CachedLookup = { tenantId: string; userId: string; token: string; row: SessionRow };
type SessionRow = Record<string, unknown> & { user: Record<string, unknown> };

const lookups = new LRUCache<string, CachedLookup>({ max: MAX_CACHED_SESSIONS, ttl: SESSION_CACHE_TTL_MS });
const keyOf = (tenantId: string, token: string) => `${tenantId}\u0000${token}`;
/** Bumped by every invalidation: a lookup that overlapped one is not cached (it may predate the write). */
const generations = new Map<string, number>();
const generationOf = (tenantId: string) => generations.get(tenantId) ?? 0;

/**
 * Forgets cached session lookups: all of a tenant's, a user's, or one session's (by token).
 * For writes better-auth does not make itself, and for a change feed from other instances.
 */
export function invalidateSessions({ tenantId, userId, token }: { tenantId: string; userId?: string; token?: string }) {
  generations.set(tenantId, generationOf(tenantId) + 1);
  if (token !== undefined && userId === undefined) {
    lookups.delete(keyOf(tenantId, token));
    return;
  }
  for (const [key, entry] of lookups.entries()) {
    if (entry.tenantId !== tenantId) continue;
    if (userId !== undefined && entry.userId !== userId) continue;
    if (token !== undefined && entry.token !== token) continue;
    lookups.delete(key);
  }
}

/** The cached lookups, for tests and metrics. */
export function cachedSessionCount(): number {
  return lookups.size;
}

type Where = Parameters<DBAdapter["findOne"]>[0]["where"];

/** better-auth's findSession: `session` by `token`, joined with its user, every column. */
function sessionTokenOf(query: Parameters<DBAdapter["findOne"]>[0]): string | null {
  const [condition, ...rest] = query.where;
  if (query.model !== "session" || rest.length > 0 || query.select || !condition) return null;
  if (condition.field !== "token" || (condition.operator ?? "eq") !== "eq" || typeof condition.value !== "string")
    return null;
  const join = query.join as Record<string, unknown> | undefined;
  return join && Object.keys(join).length === 1 && join.user === true ? condition.value : null;
}

/** A copy, so whoever reads a cached row cannot change what the next request gets. */
const copyOf = (row: SessionRow): SessionRow => ({ ...row, user: { ...row.user } });

const WRITES = ["update", "updateMany", "delete", "deleteMany", "consumeOne", "incrementOne"] as const;
const SESSION_MODELS = new Set(["session", "user"]);

function withSessionCache(adapter: DBAdapter, tenantId: string): DBAdapter {
  const cached: DBAdapter = {
    ...adapter,
    findOne: async <T>(query: Parameters<DBAdapter["findOne"]>[0]) => {
      const token = sessionTokenOf(query);
      if (token === null) return adapter.findOne<T>(query);
      const hit = lookups.get(keyOf(tenantId, token));
      if (hit) return copyOf(hit.row) as T;
      const generation = generationOf(tenantId);
      const row = await adapter.findOne<SessionRow>(query);
      if (row?.user && typeof row.userId === "string" && generationOf(tenantId) === generation) {
        lookups.set(keyOf(tenantId, token), { tenantId, userId: row.userId, token, row: copyOf(row) });
      }
      return row as T | null;
    },
    // Writes inside a transaction go through the transaction's adapter: it forgets too.
    transaction: (callback) => adapter.transaction((trx) => callback(withSessionCache(trx as DBAdapter, tenantId))),
  };
  for (const name of WRITES) {
    const write = adapter[name] as (query: { model: string; where: Where }) => Promise<unknown>;
    (cached as Record<string, unknown>)[name] = async (query: { model: string; where: Where }) => {
      if (!SESSION_MODELS.has(query.model)) return write(query);
      // Before and after: no lookup overlapping the write is kept (see generations).
      invalidateSessions({ tenantId });
      try {
        return await write(query);
      } finally {
        invalidateSessions({ tenantId });
      }
    };
  }
  return cached;
}

/** Wraps a tenant's better-auth database adapter (e.g. prismaAdapter(...)) with the cache. */
export function cachingSessionLookups(
  factory: (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>,
  tenantId: string,
): (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions> {
  return (options) => withSessionCache(factory(options), tenantId);
}
