import { execFile } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, traceRequests, withSpan, type Tracing } from "~/ops/tracing.server";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver";
import { createTestStorage, type TestStorage } from "../support/storage";

/**
 * Traces against a real OTLP/HTTP receiver: the server-span middleware in a real Express app,
 * manual spans, and Prisma's spans from a real SQLite control database. (Each Vitest file runs
 * in its own process, so the tracer provider registered here is private to this file.)
 */
const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN_ID = "00f067aa0ba902b7";

let receiver: OtlpReceiver;
let tracing: Tracing;
let test: TestStorage;
let server: Server;
let base: string;

/** The spans exported so far that match, once at least `count` of them have arrived. */
async function exported(match: (span: ReceivedSpan) => boolean, count = 1): Promise<ReceivedSpan[]> {
  await expect
    .poll(() => receiver.spans.filter(match).length, { timeout: 10_000, interval: 50 })
    .toBeGreaterThanOrEqual(count);
  return receiver.spans.filter(match);
}

/** Runs an ES module script in a new Node process at the repository root; returns its last line's JSON. */
async function inFreshProcess(script: string, env: Record<string, string> = {}): Promise<unknown> {
  const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: repoRoot,
    env: { NODE_ENV: "test", PATH: process.env.PATH, ...env },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

async function serverSpanFor(urlPath: string): Promise<ReceivedSpan> {
  const [span] = await exported((span) => span.kind === 2 && span.attributes["url.path"] === urlPath);
  return span!;
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // Read by the SDK itself: export within a fraction of a second, with a collector's API key
  // and the operator's resource attributes.
  process.env.OTEL_BSP_SCHEDULE_DELAY = "100";
  process.env.OTEL_EXPORTER_OTLP_HEADERS = "x-collector-key=k3y";
  process.env.OTEL_RESOURCE_ATTRIBUTES = "deployment.environment.name=staging";
  tracing = await startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: "portico-test" });
  test = await createTestStorage("sqlite");

  const app = express();
  app.use(traceRequests);
  // Like server.ts for a custom domain: the request is rewritten to the tenant's routes.
  app.use((req, _res, next) => {
    if (req.hostname === "localhost") {
      req.headers["x-portico-host-tenant"] = "acme";
      req.url = req.originalUrl = `/t/acme${req.originalUrl}`;
    }
    next();
  });
  app.get("/api/v1/boom", () => {
    throw new Error("exploded");
  });
  app.use(async (_req, res) => {
    const tenants = await (await test.storage.control()).tenant.count();
    res.status(_req.path.includes("missing") ? 404 : 200).json({ tenants });
  });
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ error: "internal_error" });
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await tracing?.shutdown();
  await test?.cleanup();
  await receiver?.close();
});

describe("HTTP server spans", () => {
  it("continue the caller's trace, name the route class, and parent the request's database queries", async () => {
    const response = await fetch(`${base}/t/acme/sign-in?token=secret-in-query`, {
      headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(response.status).toBe(200);

    const span = await serverSpanFor("/t/acme/sign-in");
    expect(span).toMatchObject({
      name: "GET hosted_page",
      traceId: TRACE_ID,
      parentSpanId: CALLER_SPAN_ID,
      statusCode: 0,
      attributes: {
        "http.request.method": "GET",
        "http.response.status_code": 200,
        "url.path": "/t/acme/sign-in",
        "portico.tenant.slug": "acme",
        "portico.route_class": "hosted_page",
      },
      resource: { "service.name": "portico-test", "deployment.environment.name": "staging" },
    });
    expect(JSON.stringify(receiver.spans)).not.toContain("secret-in-query");
    expect(receiver.lastHeaders).toMatchObject({ "x-collector-key": "k3y", "content-type": "application/json" });

    const queries = await exported(
      (candidate) => candidate.traceId === TRACE_ID && candidate.name.startsWith("prisma:"),
    );
    expect(queries.some((query) => query.parentSpanId === span.spanId)).toBe(true);
    expect(queries.map((query) => query.name)).toEqual(expect.arrayContaining(["prisma:client:db_query"]));
  });

  it("mark a 5xx as an error and leave a 4xx alone", async () => {
    expect((await fetch(`${base}/api/v1/boom`)).status).toBe(500);
    expect((await fetch(`${base}/api/v1/missing`)).status).toBe(404);

    expect(await serverSpanFor("/api/v1/boom")).toMatchObject({
      name: "GET management_api",
      statusCode: 2,
      attributes: { "http.response.status_code": 500, "error.type": "500" },
    });
    const notFound = await serverSpanFor("/api/v1/missing");
    expect(notFound).toMatchObject({ statusCode: 0, attributes: { "http.response.status_code": 404 } });
    expect(notFound.attributes).not.toHaveProperty("error.type");
  });

  it("record a request even when the caller's traceparent says not to sample it", async () => {
    const traceId = "11111111111111111111111111111111";
    await fetch(`${base}/t/acme/sign-up`, { headers: { traceparent: `00-${traceId}-${CALLER_SPAN_ID}-00` } });
    expect(await serverSpanFor("/t/acme/sign-up")).toMatchObject({ traceId, name: "GET hosted_page" });
  });

  it("hide credentials and long opaque segments in paths, and record no tenant for a path that is not a slug", async () => {
    await fetch(`${base}/invite/inv1t3-t0ken-value`);
    await fetch(`${base}/t/acme/api/auth/reset-password/r3set-t0ken?callbackURL=/t/acme/reset-password`, {
      method: "POST",
    });
    await fetch(`${base}/t/acme/api/auth/magic-link/${"m".repeat(48)}`);
    await fetch(`${base}/t/Not_A..Slug/sign-in`);

    expect(await serverSpanFor("/invite/:token")).toMatchObject({ name: "GET console" });
    expect(await serverSpanFor("/t/acme/api/auth/reset-password/:token")).toMatchObject({ name: "POST auth_api" });
    expect(await serverSpanFor("/t/acme/api/auth/magic-link/:long")).toMatchObject({ name: "GET auth_api" });
    expect((await serverSpanFor("/t/Not_A..Slug/sign-in")).attributes).not.toHaveProperty("portico.tenant.slug");
    expect(JSON.stringify(receiver.spans)).not.toMatch(/inv1t3-t0ken|r3set-t0ken|mmmmmmmmmm/);
  });

  it("classify a custom domain's request by the tenant route it was rewritten to", async () => {
    const port = new URL(base).port;
    expect((await fetch(`http://localhost:${port}/sign-in`)).status).toBe(200);
    expect(await serverSpanFor("/sign-in")).toMatchObject({
      name: "GET hosted_page",
      attributes: { "portico.tenant.slug": "acme", "portico.route_class": "hosted_page" },
    });
  });
});

describe("withSpan", () => {
  it("returns what the work returns, with its attributes and its queries as children", async () => {
    const count = await withSpan("outbox.deliver", { kind: "webhook", "portico.attempt": 2 }, async () =>
      (await test.storage.control()).tenant.count(),
    );
    expect(count).toBe(0);

    const [span] = await exported((candidate) => candidate.name === "outbox.deliver" && candidate.statusCode === 0);
    expect(span!.attributes).toEqual({ kind: "webhook", "portico.attempt": 2 });
    const children = await exported((candidate) => candidate.parentSpanId === span!.spanId);
    expect(children.every((child) => child.name.startsWith("prisma:"))).toBe(true);
  });

  it("marks the span failed by the error's type only and rethrows the same error", async () => {
    class DeliveryRefused extends Error {
      override name = "DeliveryRefused";
    }
    const refused = new DeliveryRefused("550 mailbox alice@example.com unavailable");
    await expect(withSpan("outbox.deliver", { kind: "email" }, () => Promise.reject(refused))).rejects.toBe(refused);

    const [span] = await exported((candidate) => candidate.name === "outbox.deliver" && candidate.statusCode === 2);
    expect(span!.attributes).toEqual({ kind: "email", "error.type": "DeliveryRefused" });
    expect(JSON.stringify(receiver.spans)).not.toContain("alice@example.com");
  });
});

describe("database queries outside requests and withSpan", () => {
  it("are not exported (the outbox workers' polls would be a trace every few seconds)", async () => {
    await (await test.storage.control()).tenant.findMany({ where: { slug: "background-poll" } });
    // Spans are exported in the order they end: once this one arrived, the poll's would have.
    await withSpan("after-the-poll", {}, async () => undefined);
    await exported((span) => span.name === "after-the-poll");

    const roots = receiver.spans.filter((span) => span.name.startsWith("prisma:") && !span.parentSpanId);
    expect(roots).toEqual([]);
    const parents = new Set(receiver.spans.map((span) => span.spanId));
    const dangling = receiver.spans.filter(
      (span) => span.name.startsWith("prisma:") && !parents.has(span.parentSpanId!),
    );
    expect(dangling).toEqual([]);
  });
});

describe("OTEL_PROPAGATORS=none", () => {
  it("ignores a caller's traceparent: the request starts a trace of its own", async () => {
    // A fresh process: the propagator is registered once per process.
    const script = `
      import express from "express";
      const { startTracing, traceRequests } = await import("./app/ops/tracing.server.ts");
      const tracing = await startTracing(process.env);
      const app = express();
      app.use(traceRequests);
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      const answer = await fetch("http://127.0.0.1:" + server.address().port + "/t/acme/welcome", {
        headers: { traceparent: "00-${TRACE_ID}-${CALLER_SPAN_ID}-01" },
      });
      await tracing.shutdown();
      server.close();
      console.log(JSON.stringify({ status: answer.status }));`;
    expect(
      await inFreshProcess(script, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_PROPAGATORS: "none" }),
    ).toEqual({ status: 404 });

    const span = await serverSpanFor("/t/acme/welcome");
    expect(span.name).toBe("GET hosted_page");
    expect(span.traceId).not.toBe(TRACE_ID);
    expect(span.parentSpanId).toBeUndefined();
  });
});

describe("without an OTLP endpoint", () => {
  it("loads no SDK, exporter or Prisma instrumentation, and requests and withSpan work as before", async () => {
    // A fresh process (this one has tracing on) that records every module it resolves.
    const script = `
      import { register, createRequire } from "node:module";
      import { MessageChannel } from "node:worker_threads";
      import { pathToFileURL } from "node:url";
      const { port1, port2 } = new MessageChannel();
      const loaded = [];
      port1.on("message", (url) => loaded.push(url));
      const hooks = "export function initialize(data) { globalThis.port = data.port; }" +
        "export async function resolve(specifier, context, next) {" +
        "  const result = await next(specifier, context); globalThis.port.postMessage(result.url); return result; }";
      register("data:text/javascript," + encodeURIComponent(hooks), pathToFileURL("./"), { data: { port: port2 }, transferList: [port2] });
      const { default: express } = await import("express");
      const { startTracing, traceRequests, withSpan } = await import("./app/ops/tracing.server.ts");
      const tracing = await startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: "", OTEL_SERVICE_NAME: "portico" });
      const app = express();
      app.use(traceRequests);
      app.get("/t/acme/sign-in", (_req, res) => res.send("ok"));
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      const answer = await fetch("http://127.0.0.1:" + server.address().port + "/t/acme/sign-in");
      const result = await withSpan("outbox.deliver", { kind: "sms" }, async () => 42);
      await tracing.shutdown();
      server.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      port1.close();
      const required = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ enabled: tracing.enabled, status: answer.status, body: await answer.text(), result,
        modules: [...loaded, ...required] }));`;
    const outcome = (await inFreshProcess(script)) as {
      enabled: boolean;
      status: number;
      body: string;
      result: number;
      modules: string[];
    };
    expect(outcome).toMatchObject({ enabled: false, status: 200, body: "ok", result: 42 });
    // The check can see modules at all: the tracing module itself was resolved.
    expect(outcome.modules.some((url) => url.endsWith("/app/ops/tracing.server.ts"))).toBe(true);
    const sdk = outcome.modules.filter((url) =>
      /@opentelemetry[\\/](?:sdk-trace|exporter-|otlp-|resources|instrumentation)|@prisma[\\/]instrumentation/.test(
        url,
      ),
    );
    expect(sdk).toEqual([]);
  });
});
