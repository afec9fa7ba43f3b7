import client from "prom-client";
import type { RouteClass } from "./route-class";

/**
 * Portico's Prometheus metrics (docs/self-hosting.md#metrics), on prom-client's default
 * registry. server.ts and the Remix build each load this module, so every metric is
 * get-or-create: both copies share one registry and one set of series.
 */
const { Counter, Gauge, Histogram, register } = client;

function once<T extends client.Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export const httpRequestDuration = once(
  "http_request_duration_seconds",
  () =>
    new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP requests by method, route class and status class.",
      labelNames: ["method", "route_class", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

export const authAttempts = once(
  "portico_auth_attempts_total",
  () =>
    new Counter({
      name: "portico_auth_attempts_total",
      help: "Sign-in attempts by tenant, method and outcome (success, failure, blocked, second_factor).",
      labelNames: ["tenant", "method", "outcome"] as const,
    }),
);

export const signUps = once(
  "portico_sign_ups_total",
  () =>
    new Counter({
      name: "portico_sign_ups_total",
      help: "Accounts created by the user themselves, by tenant and method.",
      labelNames: ["tenant", "method"] as const,
    }),
);

export const rateLimited = once(
  "portico_rate_limited_total",
  () =>
    new Counter({
      name: "portico_rate_limited_total",
      help: "Requests refused with 429 by a rate limit or throttle, by route class.",
      labelNames: ["route_class"] as const,
    }),
);

export const outboxDeliveries = once(
  "portico_outbox_deliveries_total",
  () =>
    new Counter({
      name: "portico_outbox_deliveries_total",
      help: "Delivery attempts of email, SMS and webhooks by outcome (delivered, retrying, failed, withdrawn).",
      labelNames: ["kind", "outcome"] as const,
    }),
);

export const forwardAuthDecisions = once(
  "portico_forward_auth_decisions_total",
  () =>
    new Counter({
      name: "portico_forward_auth_decisions_total",
      help: "Forward-auth decisions answered to gateways, by outcome and credential.",
      labelNames: ["outcome", "credential"] as const,
    }),
);

export const tenantRequests = once(
  "portico_tenant_requests_total",
  () =>
    new Counter({
      name: "portico_tenant_requests_total",
      help: "Requests per tenant (hot tenants); tenants beyond the label budget count as 'other'.",
      labelNames: ["tenant"] as const,
    }),
);

export const tenantBuildDuration = once(
  "portico_tenant_build_duration_seconds",
  () =>
    new Histogram({
      name: "portico_tenant_build_duration_seconds",
      help: "Time to load a tenant (secrets, database, migrations, better-auth) by outcome.",
      labelNames: ["outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

export const tenantsLoaded = once(
  "portico_tenants_loaded",
  () => new Gauge({ name: "portico_tenants_loaded", help: "Tenants held ready in this instance's registry." }),
);

export type OutboxKind = "email" | "sms" | "webhook";
export type OutboxBacklog = { kind: OutboxKind; depth: number; oldestAgeSeconds: number };

/**
 * Where the outbox gauges read from at scrape time, set at bootstrap by the Remix build's copy
 * of this module while the gauge may belong to server.ts's copy: so it is kept per process.
 */
const BACKLOG_KEY = Symbol.for("portico.metrics.outboxBacklog");
type BacklogSource = () => Promise<OutboxBacklog[]>;
const processGlobals = globalThis as { [BACKLOG_KEY]?: BacklogSource };
export function setOutboxBacklogSource(read: BacklogSource) {
  processGlobals[BACKLOG_KEY] = read;
}

once(
  "portico_outbox_depth",
  () =>
    new Gauge({
      name: "portico_outbox_depth",
      help: "Messages waiting to be delivered, by kind (email, sms, webhook).",
      labelNames: ["kind"] as const,
      async collect() {
        const oldest = register.getSingleMetric("portico_outbox_oldest_age_seconds") as client.Gauge<"kind">;
        const read = processGlobals[BACKLOG_KEY];
        for (const backlog of (await read?.().catch(() => [])) ?? []) {
          this.set({ kind: backlog.kind }, backlog.depth);
          oldest.set({ kind: backlog.kind }, backlog.oldestAgeSeconds);
        }
      },
    }),
);
once(
  "portico_outbox_oldest_age_seconds",
  () =>
    new Gauge({
      name: "portico_outbox_oldest_age_seconds",
      help: "Age of the oldest message waiting to be delivered, by kind (0 when none waits).",
      labelNames: ["kind"] as const,
    }),
);

// Process metrics (CPU, memory, GC, handles) and event-loop lag, once per process.
if (!register.getSingleMetric("nodejs_eventloop_lag_seconds")) client.collectDefaultMetrics();

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Records one answered request (server.ts). */
export function observeRequest(method: string, route: RouteClass, status: number, seconds: number) {
  const labels = {
    method: METHODS.has(method) ? method : "other",
    route_class: route,
    status_class: statusClass(status),
  };
  httpRequestDuration.observe(labels, seconds);
  if (status === 429) rateLimited.inc({ route_class: route });
}

/** The Prometheus text exposition of every metric. */
export function metricsText(): Promise<string> {
  return register.metrics();
}
export const METRICS_CONTENT_TYPE = register.contentType;

export const rateLimitStoreUp = once(
  "portico_rate_limit_store_up",
  () =>
    new Gauge({
      name: "portico_rate_limit_store_up",
      help: "1 while the shared rate-limit store (Redis) answers; 0 while limits are counted per process.",
    }),
);

export const rateLimitStoreFallbacks = once(
  "portico_rate_limit_fallbacks_total",
  () =>
    new Counter({
      name: "portico_rate_limit_fallbacks_total",
      help: "Rate-limit operations counted in this process's memory because the shared store did not answer.",
    }),
);
