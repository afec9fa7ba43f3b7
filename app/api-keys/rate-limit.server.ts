import { RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitBackend } from "~/rate-limit/backends.server";
import { processRateLimits } from "~/rate-limit/process.server";

/** What a rate-limit check tells the caller, enough for `RateLimit-*` and `Retry-After` headers. */
export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const WINDOW_SECONDS = 60;

/**
 * A fixed window per API key (one minute unless told otherwise), counted in the deployment's
 * rate-limit store so every instance of a scaled-out deployment shares the key's budget.
 */
export class ApiKeyRateLimiter {
  constructor(
    private readonly backend?: RateLimitBackend,
    private readonly windowSeconds = WINDOW_SECONDS,
  ) {}

  async check(keyId: string, perMinute: number): Promise<RateLimitResult> {
    const limiter = (this.backend ?? processRateLimits()).limiter({
      keyPrefix: `api-key:${perMinute}/${this.windowSeconds}`,
      points: perMinute,
      duration: this.windowSeconds,
    });
    try {
      const counted = await limiter.consume(keyId);
      return { allowed: true, limit: perMinute, remaining: counted.remainingPoints, resetSeconds: seconds(counted) };
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      return { allowed: false, limit: perMinute, remaining: 0, resetSeconds: seconds(refused) };
    }
  }
}

function seconds(counted: RateLimiterRes): number {
  return Math.max(1, Math.ceil(counted.msBeforeNext / 1000));
}
