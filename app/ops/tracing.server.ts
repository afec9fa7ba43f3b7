import {
  context,
  diag,
  DiagLogLevel,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from "@opentelemetry/api";
import type { ServerResponse } from "node:http";
import type { ServerRequest } from "./http-observability.server";
import { BackgroundQueryFilter } from "./background-queries.server";
import { log, logPath } from "./log.server";
import { routeClass, tenantSlugOfPath } from "./route-class";

/**
 * Optional OpenTelemetry traces (docs/self-hosting.md, decision 0012). Off unless an OTLP
 * endpoint is configured; then the SDK, the OTLP/HTTP exporter and Prisma's instrumentation
 * are imported on demand, so a deployment without a collector loads none of them.
 *
 * Only `@opentelemetry/api` is imported here (better-auth loads it anyway): without a
 * registered provider its tracer hands out non-recording spans, so `withSpan` costs next to
 * nothing when tracing is off.
 */

/** process.env, or the variables a test chooses. */
type EnvSource = Readonly<Record<string, string | undefined>>;

export type Tracing = {
  enabled: boolean;
  /** Exports the spans still buffered and stops the exporter (call before exiting). */
  shutdown(): Promise<void>;
};

/**
 * Variables the OpenTelemetry SDK reads by itself when tracing is on (the exporter's headers,
 * timeout and compression, resource attributes, the sampler, the batch processor's delay), so
 * deployment files may set them. The endpoints, OTEL_SERVICE_NAME and OTEL_PROPAGATORS, which
 * Portico reads itself, are validated with the rest of the environment (app/config/env.server.ts).
 */
export const OTEL_SDK_VARIABLES = [
  "OTEL_SDK_DISABLED",
  "OTEL_EXPORTER_OTLP_HEADERS",
  "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
  "OTEL_EXPORTER_OTLP_TIMEOUT",
  "OTEL_EXPORTER_OTLP_COMPRESSION",
  "OTEL_RESOURCE_ATTRIBUTES",
  "OTEL_TRACES_SAMPLER",
  "OTEL_TRACES_SAMPLER_ARG",
  "OTEL_BSP_SCHEDULE_DELAY",
  "OTEL_BSP_MAX_QUEUE_SIZE",
] as const;

const TRACER_NAME = "portico";
const DEFAULT_SERVICE_NAME = "portico";
const TENANT_SLUG_ATTRIBUTE = "portico.tenant.slug";
const ROUTE_CLASS_ATTRIBUTE = "portico.route_class";
const HOST_TENANT_HEADER = "x-portico-host-tenant";
/** Span names use the method only when it is a standard one (a client picks the method). */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"]);
const FLUSH_LIMIT_MS = 5_000;

let requestsTraced = false;

function configured(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Where spans go, by the OTLP rules: the traces endpoint as given, else <endpoint>/v1/traces. */
export function tracesUrl(env: EnvSource): string | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return null;
  const tracesEndpoint = configured(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const endpoint = configured(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const url = tracesEndpoint ?? (endpoint ? `${endpoint.replace(/\/+$/, "")}/v1/traces` : undefined);
  // A malformed URL is reported (with the variable's name) when the environment is validated
  // at start-up; it must not start an exporter in the meantime.
  return url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : null;
}

function ignoresCallers(env: EnvSource): boolean {
  return configured(env.OTEL_PROPAGATORS)?.toLowerCase() === "none";
}

/**
 * Starts exporting traces when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only variant) is
 * set: a tracer provider with a batch processor and the OTLP/HTTP (JSON) exporter, W3C trace
 * context, async-local context for the whole request, and Prisma's spans for every query.
 */
export async function startTracing(env: EnvSource): Promise<Tracing> {
  const url = tracesUrl(env);
  if (!url) return { enabled: false, shutdown: async () => {} };

  const [{ NodeTracerProvider, BatchSpanProcessor, AlwaysOnSampler }, { OTLPTraceExporter }, resources] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
    ]);
  // Prisma 6.1+ traces without a preview flag; its instrumentation re-exports registerInstrumentations.
  const { PrismaInstrumentation, registerInstrumentations } = await import("@prisma/instrumentation");

  // Export failures (collector down, refused) are worth a line; the rest of the SDK's chatter is not.
  diag.setLogger(
    {
      error: (message) => log.error(`Tracing: ${message}`),
      warn: () => {},
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    DiagLogLevel.ERROR,
  );

  const resource = resources
    .detectResources({ detectors: [resources.envDetector] })
    .merge(
      resources.resourceFromAttributes({ "service.name": configured(env.OTEL_SERVICE_NAME) ?? DEFAULT_SERVICE_NAME }),
    );
  const provider = new NodeTracerProvider({
    resource,
    // A traceparent comes from the internet: its trace id is continued, but its sampled flag
    // must not let a client hide its requests from the traces. OTEL_TRACES_SAMPLER overrides.
    ...(configured(env.OTEL_TRACES_SAMPLER) ? {} : { sampler: new AlwaysOnSampler() }),
    spanProcessors: [new BackgroundQueryFilter(new BatchSpanProcessor(new OTLPTraceExporter({ url })))],
  });
  // The async-local context manager and the W3C trace-context (and baggage) propagator, unless
  // OTEL_PROPAGATORS=none: then callers' traceparent headers are ignored and every request
  // starts a trace of its own (an instance reached straight from the internet).
  provider.register(ignoresCallers(env) ? { propagator: null } : {});
  const unregisterPrisma = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PrismaInstrumentation()],
  });
  requestsTraced = true;

  return {
    enabled: true,
    shutdown: async () => {
      requestsTraced = false;
      unregisterPrisma();
      // An unreachable collector must neither fail nor stall the shutdown: the last spans are
      // given a few seconds, then dropped with a line in the log.
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${FLUSH_LIMIT_MS / 1000} s`)), FLUSH_LIMIT_MS);
        timer.unref();
      });
      try {
        await Promise.race([provider.shutdown(), giveUp]);
      } catch (error) {
        log.error(`Tracing: the last spans were not exported (${errorText(error)}).`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The tenant a request is for: set by server.ts for custom domains, else the /t/<slug>/ path. */
function tenantSlugOf(req: ServerRequest, path: string): string | undefined {
  const fromHost = req.headers[HOST_TENANT_HEADER];
  return typeof fromHost === "string" ? fromHost : tenantSlugOfPath(path);
}

/**
 * One server span per request (run by server.ts on node:http's request, ahead of Express), named `METHOD route_class`, continuing the
 * caller's traceparent. The rest of the request (edge checks, Remix, Prisma) runs inside the
 * span's context, so its spans are children. Does nothing unless startTracing() turned it on.
 */
export function traceRequests(req: ServerRequest, res: ServerResponse, next: () => void): void {
  if (!requestsTraced) return next();
  const method = req.method && KNOWN_METHODS.has(req.method) ? req.method : "_OTHER";
  const originalUrl = () => req.originalUrl ?? req.url ?? "/";
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = trace.getTracer(TRACER_NAME).startSpan(
    `${method} ${routeClass(originalUrl().split("?")[0]!)}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": method,
        "url.path": logPath(originalUrl()),
      },
    },
    parent,
  );

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    // A custom domain's request was rewritten to /t/<slug>/… on the way: classify what it became.
    const path = originalUrl().split("?")[0]!;
    const kind = routeClass(path);
    span.updateName(`${method} ${kind}`);
    span.setAttribute(ROUTE_CLASS_ATTRIBUTE, kind);
    const tenant = tenantSlugOf(req, path);
    if (tenant) span.setAttribute(TENANT_SLUG_ATTRIBUTE, tenant);
    if (res.headersSent) {
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500) {
        span.setAttribute("error.type", String(res.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
    }
    span.end();
  };
  res.once("finish", end);
  // A client that goes away before the answer: the span ends then, with what was known.
  res.once("close", end);
  context.with(trace.setSpan(parent, span), next);
}

/**
 * Runs `fn` inside a span named `name` (for work outside requests, such as outbox deliveries):
 * its database queries become children, a throw marks the span as an error (by the error's
 * type only: messages may hold addresses or server replies) and is rethrown.
 */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T> | T): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      const type = error instanceof Error ? error.name : typeof error;
      span.setAttribute("error.type", type);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
