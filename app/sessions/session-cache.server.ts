import type { BetterAuthOptions, DBAdapter } from "better-auth";
import { LRUCache } from "lru-cache";

/**
 * An in-process cache of better-auth's session lookups (a session row joined with its user, by
 * token), so a bearer call or a forward-auth decision with a session cookie does not cost a
 * database round trip each time, and of whole get-session answers (decision 0017).
 *
 * Why it is safe for revocation: every write better-auth makes to a tenant's sessions or users
 * (sign-out, revoking a session, a ban, a user update, a password change, a session refresh)
 * goes through the tenant's adapter, which drops the tenant's cached lookups in this process
 * before the write returns; the next request reads the database. Writes made elsewhere (another
 * instance, Prisma outside better-auth) are seen within SESSION_CACHE_TTL_MS, or at once when
 * their author calls invalidateSessions().
 */
export const SESSION_CACHE_TTL_MS = 1_000;
const MAX_CACHED_ENTRIES = 20_000;

type SessionRow = Record<string, unknown> & { user: Record<string, unknown> };
/** A whole get-session answer (app/sessions/get-session-answers.server.ts). */
export type CachedAnswer = { status: number; headers: [string, string][]; body: string; expiresAt: number };
/** Each entry names the tenant, user and session it shows, so invalidation can find it. */
type Entry = { tenantId: string; userId: string; token: string } & (
  { kind: "lookup"; row: SessionRow } | { kind: "answer"; answer: CachedAnswer }
);

const entries = new LRUCache<string, Entry>({ max: MAX_CACHED_ENTRIES, ttl: SESSION_CACHE_TTL_MS });
const lookupKey = (tenantId: string, token: string) => `lookup\u0000${tenantId}\u0000${token}`;
const answerKey = (tenantId: string, request: string) => `answer\u0000${tenantId}\u0000${request}`;
/** Bumped by every invalidation: a read that overlapped one is not cached (it may predate the write). */
const generations = new Map<string, number>();

export function sessionGeneration(tenantId: string): number {
  return generations.get(tenantId) ?? 0;
}

/**
 * Forgets cached session lookups and answers: all of a tenant's, a user's, or one session's
 * (by token). For writes better-auth does not make itself, and for a change feed from other
 * instances.
 */
export function invalidateSessions({ tenantId, userId, token }: { tenantId: string; userId?: string; token?: string }) {
  generations.set(tenantId, sessionGeneration(tenantId) + 1);
  for (const [key, entry] of entries.entries()) {
    if (entry.tenantId !== tenantId) continue;
    if (userId !== undefined && entry.userId !== userId) continue;
    if (token !== undefined && entry.token !== token) continue;
    entries.delete(key);
  }
}

/** Tells the other instances about a session or user write here (set by app/context.server.ts). */
let announce: ((change: { tenantId: string; userId?: string }) => void) | null = null;
export function announceSessionChangesWith(send: typeof announce) {
  announce = send;
}

/**
 * A session or user write this process made outside better-auth's adapter (the management
 * API's Prisma writes): forgets here, and tells the other instances.
 */
export function sessionsChanged(change: { tenantId: string; userId?: string }) {
  invalidateSessions(change);
  announce?.(change);
}

/** The cached lookups and answers, for tests. */
export function cachedSessionCount(): number {
  return entries.size;
}

/** A get-session answer cached for this exact request, unless the session has expired since. */
export function cachedAnswer(tenantId: string, request: string): CachedAnswer | null {
  const entry = entries.get(answerKey(tenantId, request));
  return entry?.kind === "answer" && entry.answer.expiresAt > Date.now() ? entry.answer : null;
}

/** Keeps an answer read at `generation`, unless a session or user write happened since. */
export function rememberAnswer(
  tenantId: string,
  request: string,
  generation: number,
  { userId, token, answer }: { userId: string; token: string; answer: CachedAnswer },
) {
  if (sessionGeneration(tenantId) !== generation) return;
  entries.set(answerKey(tenantId, request), { kind: "answer", tenantId, userId, token, answer });
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
      const hit = entries.get(lookupKey(tenantId, token));
      if (hit?.kind === "lookup") return copyOf(hit.row) as T;
      const generation = sessionGeneration(tenantId);
      const row = await adapter.findOne<SessionRow>(query);
      if (row?.user && typeof row.userId === "string" && sessionGeneration(tenantId) === generation) {
        entries.set(lookupKey(tenantId, token), {
          kind: "lookup",
          tenantId,
          userId: row.userId,
          token,
          row: copyOf(row),
        });
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
        sessionsChanged({ tenantId });
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
