/** What a rate-limit check tells the caller, enough for `RateLimit-*` and `Retry-After` headers. */
export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const WINDOW_MS = 60_000;
/** Windows are pruned once this many keys are tracked, so idle keys do not pile up. */
const PRUNE_THRESHOLD = 10_000;

/**
 * A fixed one-minute window counter per API key, in this process's memory. Good enough for a
 * single instance; each instance of a scaled-out deployment enforces its own share.
 */
export class ApiKeyRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  check(keyId: string, perMinute: number, now = Date.now()): RateLimitResult {
    let window = this.windows.get(keyId);
    if (!window || now - window.start >= WINDOW_MS) {
      if (!window && this.windows.size >= PRUNE_THRESHOLD) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(keyId, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    if (window.count >= perMinute) return { allowed: false, limit: perMinute, remaining: 0, resetSeconds };
    window.count += 1;
    return { allowed: true, limit: perMinute, remaining: perMinute - window.count, resetSeconds };
  }

  private prune(now: number) {
    for (const [keyId, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(keyId);
  }
}
