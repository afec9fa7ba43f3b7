import type { BetterAuthOptions } from "better-auth";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitBackend } from "~/rate-limit/backends.server";
import { processRateLimits } from "~/rate-limit/process.server";

export type RateLimitStore = NonNullable<NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"]>;

/** Client addresses counted per rule in a process's memory (embedded mode, Redis outages). */
const MAX_KEYS_IN_MEMORY = 100_000;

/**
 * better-auth's rate limits for one tenant (or the platform's own accounts), counted in the
 * deployment's rate-limit store so every instance shares them. better-auth's keys are
 * `<ip>|<path>` without the tenant; `scope` (the tenant id) is added so one tenant's attempts
 * never throttle another's. Fixed windows, decided in one atomic step by the store.
 */
export function createTenantRateLimitStore(scope: string, backend?: RateLimitBackend): RateLimitStore {
  return {
    async consume(key, { window, max }) {
      const limiter = (backend ?? processRateLimits()).limiter({
        keyPrefix: `auth:${window}/${max}`,
        points: max,
        duration: window,
        maxKeys: MAX_KEYS_IN_MEMORY,
      });
      try {
        await limiter.consume(`${scope}:${key}`);
        return { allowed: true, retryAfter: null };
      } catch (rejected) {
        if (!(rejected instanceof RateLimiterRes)) throw rejected;
        return { allowed: false, retryAfter: Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)) };
      }
    },
  };
}
