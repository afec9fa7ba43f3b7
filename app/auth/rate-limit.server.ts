import type { BetterAuthOptions } from "better-auth";

export type RateLimitStore = NonNullable<NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"]>;

const MAX_ENTRIES = 100_000;

/**
 * An in-memory rate-limit store for one tenant. better-auth's own memory store is a single
 * map per process keyed without the tenant, so failed sign-ins on one tenant would throttle
 * the same client on every other tenant; each tenant gets its own store instead (kept by the
 * registry across rebuilds, so a config change does not reset the counts).
 * Fixed window per key, decided in one synchronous step, so concurrent requests cannot
 * slip past a stale count.
 */
export function createTenantRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { count: number; startedAt: number }>();

  function prune(now: number, windowMs: number) {
    for (const [key, entry] of windows) if (now - entry.startedAt >= windowMs) windows.delete(key);
    // Still too many live keys (a flood of distinct IPs): drop the oldest.
    for (const key of windows.keys()) {
      if (windows.size <= MAX_ENTRIES) break;
      windows.delete(key);
    }
  }

  return {
    async consume(key, { window, max }) {
      const now = Date.now();
      const windowMs = window * 1000;
      if (windows.size >= MAX_ENTRIES) prune(now, windowMs);
      const entry = windows.get(key);
      if (!entry || now - entry.startedAt >= windowMs) {
        windows.set(key, { count: 1, startedAt: now });
        return { allowed: true, retryAfter: null };
      }
      if (entry.count >= max) {
        return { allowed: false, retryAfter: Math.max(1, Math.ceil((entry.startedAt + windowMs - now) / 1000)) };
      }
      entry.count += 1;
      return { allowed: true, retryAfter: null };
    },
  };
}
