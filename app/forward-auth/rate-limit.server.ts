import { RateLimiterRes } from "rate-limiter-flexible";
import { memoryBackend, type RateLimitBackend } from "~/rate-limit/backends.server";
import { processRateLimits } from "~/rate-limit/process.server";

/**
 * Per-rule rate limits of forward-auth decisions. The rules ask for "points per window"; the
 * counting is behind this small interface so tests can give the decision a limiter of their own;
 * the server's counts in the deployment's rate-limit store (decision 0015).
 */
export type DecisionLimiter = {
  /** Takes one point from `key`'s budget; refused with the seconds until the window ends. */
  consume(key: string, limit: { points: number; durationSeconds: number }): Promise<LimitAnswer>;
};

export type LimitAnswer = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Counts on `backend`, one limiter per distinct (points, window) a rule uses. */
export function decisionLimiter(backend: RateLimitBackend): DecisionLimiter {
  return {
    async consume(key, { points, durationSeconds }) {
      const limiter = backend.limiter({
        keyPrefix: `forward-auth:${points}/${durationSeconds}`,
        points,
        duration: durationSeconds,
      });
      try {
        const result = await limiter.consume(key);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
  };
}

/** Counts in this process only (tests of the decision). */
export function memoryDecisionLimiter(): DecisionLimiter {
  return decisionLimiter(memoryBackend());
}

/** The deployment's limiter, shared by every instance and kept across tenant rebuilds. */
export function defaultDecisionLimiter(): DecisionLimiter {
  return decisionLimiter(processRateLimits());
}
