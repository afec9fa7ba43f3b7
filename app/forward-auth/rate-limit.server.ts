import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Per-rule rate limits of forward-auth decisions. The rules ask for "points per window"; the
 * counting is behind this small interface so the in-memory limiter (one process) can be swapped
 * for the shared Redis/PostgreSQL one without touching the decision.
 */
export type DecisionLimiter = {
  /** Takes one point from `key`'s budget; refused with the seconds until the window ends. */
  consume(key: string, limit: { points: number; durationSeconds: number }): Promise<LimitAnswer>;
};

export type LimitAnswer = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** rate-limiter-flexible's memory limiters, one per distinct (points, window) a rule uses. */
export function memoryDecisionLimiter(): DecisionLimiter {
  const limiters = new Map<string, RateLimiterMemory>();
  const limiterFor = ({ points, durationSeconds }: { points: number; durationSeconds: number }) => {
    const id = `${points}/${durationSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: `forward-auth:${id}`, points, duration: durationSeconds });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async consume(key, limit) {
      try {
        const result = await limiterFor(limit).consume(key);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
  };
}

let processLimiter: DecisionLimiter | undefined;

/** The process's limiter: kept across tenant rebuilds so a config change does not reset counts. */
export function defaultDecisionLimiter(): DecisionLimiter {
  return (processLimiter ??= memoryDecisionLimiter());
}
