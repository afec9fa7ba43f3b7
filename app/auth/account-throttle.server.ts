import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitBackend } from "~/rate-limit/backends.server";
import { processRateLimits } from "~/rate-limit/process.server";
import type { TenantConfig } from "~/tenancy/config";

/**
 * Per-account throttling of password and code guesses (issue 13, item 5). A botnet with one
 * client IP per request never meets the per-IP limit, so failures are also counted per account:
 * after `freeAttempts` each further attempt waits for a doubling delay (refused unevaluated in
 * the meantime), and after `lockAfter` failures in 24 hours password sign-in stays refused until
 * a sign-in by another method or a password reset lifts it. The counts live in
 * rate-limiter-flexible limiters on the deployment's rate-limit store (Redis, PostgreSQL or
 * memory; decision 0015), so every instance counts the same failures.
 */
export type AccountThrottleSettings = TenantConfig["signInProtection"]["accountThrottle"];

/** The counters behind the rules; keys are `<tenant id>:<account>`. */
export type ThrottleCounters = {
  /** Failed attempts in the 24-hour window (an attempt counts from its start until it succeeds). */
  failures: RateLimiterAbstract;
  /** One point: the attempt in flight, or a block for the delay after the latest failure. */
  gate: RateLimiterAbstract;
  /** One notice email per account and window. */
  notices: RateLimiterAbstract;
};

export const THROTTLE_WINDOW_SECONDS = 24 * 60 * 60;
/** How long an attempt holds the gate if it never reports back (a crash mid-request). */
const IN_FLIGHT_SECONDS = 30;

/** The counters on `backend` (every tenant shares them, keyed by tenant id). */
export function throttleCounters(backend: RateLimitBackend): ThrottleCounters {
  const counter = (keyPrefix: string) =>
    backend.limiter({ keyPrefix, points: Number.MAX_SAFE_INTEGER, duration: THROTTLE_WINDOW_SECONDS });
  return {
    failures: counter("account-failures"),
    gate: backend.limiter({ keyPrefix: "account-gate", points: 1, duration: IN_FLIGHT_SECONDS }),
    notices: counter("account-notices"),
  };
}

/**
 * The deployment's counters, shared by every instance (and kept across tenant rebuilds, so a
 * config change does not reset them).
 */
export function defaultThrottleCounters(): ThrottleCounters {
  return throttleCounters(processRateLimits());
}

/** Seconds the account waits after its `failures`-th failure: 0 within the free attempts, then 1, 2, 4, … */
export function delayAfterFailures(failures: number, settings: AccountThrottleSettings): number {
  if (failures < settings.freeAttempts) return 0;
  return Math.min(settings.maxDelaySeconds, 2 ** Math.min(failures - settings.freeAttempts, 30));
}

export type ThrottleRefusal = { reason: "backoff" | "locked"; retryAfterSeconds: number; failures: number };

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export type AccountThrottle = ReturnType<typeof accountThrottle>;

export function accountThrottle(counters: ThrottleCounters, tenantId: string, settings: AccountThrottleSettings) {
  const keyOf = (account: string) => `${tenantId}:${account}`;
  const failuresOf = async (key: string) => (await counters.failures.get(key))?.consumedPoints ?? 0;

  return {
    /**
     * Before an attempt is evaluated: a refusal while the account waits out its delay or (when
     * `lockable`) is locked; otherwise the attempt is counted (as a failure until `succeeded` says otherwise).
     */
    async begin(account: string, { lockable }: { lockable: boolean }): Promise<ThrottleRefusal | null> {
      const key = keyOf(account);
      const previous = await counters.failures.get(key);
      if (lockable && previous && previous.consumedPoints >= settings.lockAfter)
        return {
          reason: "locked",
          retryAfterSeconds: seconds(previous.msBeforeNext),
          failures: previous.consumedPoints,
        };
      const counted = await counters.failures.consume(key);
      if (counted.consumedPoints <= settings.freeAttempts) return null;
      // Past the free attempts one attempt at a time: concurrent ones cannot all slip through.
      try {
        await counters.gate.consume(key, 1, { customDuration: IN_FLIGHT_SECONDS });
        return null;
      } catch (rejected) {
        await counters.failures.reward(key);
        if (!(rejected instanceof RateLimiterRes)) throw rejected;
        return {
          reason: "backoff",
          retryAfterSeconds: seconds(rejected.msBeforeNext),
          failures: counted.consumedPoints - 1,
        };
      }
    },
    /** The attempt was a wrong password or code: the next one waits; `notify` once per window past `noticeAfter`. */
    async failed(account: string): Promise<{ failures: number; notify: boolean }> {
      const key = keyOf(account);
      const failures = await failuresOf(key);
      const delay = delayAfterFailures(failures, settings);
      if (delay > 0) await counters.gate.block(key, delay);
      else await counters.gate.delete(key);
      if (failures < settings.noticeAfter) return { failures, notify: false };
      const notice = await counters.notices.consume(key);
      return { failures, notify: notice.consumedPoints === 1 };
    },
    /** The attempt ended for another reason (a ban, an unconfirmed email, a malformed request): not a failure. */
    async released(account: string): Promise<void> {
      const key = keyOf(account);
      if ((await failuresOf(key)) > 0) await counters.failures.reward(key);
      await counters.gate.delete(key);
    },
    /** A successful sign-in (any method) or a password reset: the account starts afresh. */
    async lift(account: string): Promise<void> {
      const key = keyOf(account);
      await Promise.all([counters.failures.delete(key), counters.gate.delete(key)]);
    },
  };
}
