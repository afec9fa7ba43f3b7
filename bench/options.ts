/** The fixed parameters of `npm run bench`, shared by the bench and the bare server. */
import type { TenantConfigInput } from "../app/tenancy/config";

/** Load: the same for every server; get-session is measured at both connection counts. */
export const CONNECTIONS = 10;
export const HIGH_CONNECTIONS = 50;
export const DURATION_S = 10;
/** Run before each measured load so both servers are measured JIT-warm. */
export const WARMUP_S = 2;

/** Cold-start samples (alternating between two tenants) and warm samples for comparison. */
export const COLD_SAMPLES = 20;
export const WARM_SAMPLES = 20;

/**
 * better-auth's per-IP limiter would stop a load test after the tenant default of 100
 * requests. Raising the tenant's own limit (rather than sending a different X-Forwarded-For
 * per request) keeps the limiter's per-request work in the measurement and sends the same
 * requests to Portico and to the bare server, which gets the same limit. Both cap a run at
 * `max` requests (Portico's store per window; better-auth's built-in store, in the bare
 * server, never resets under steady load), so the bench fails on any non-2xx answer rather
 * than report a throttled figure. A 10 s window lets Portico's store run up to 10,000 req/s.
 */
export const BENCH_RATE_LIMIT = { max: 100_000, window: 10 } satisfies TenantConfigInput["rateLimit"];
