import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startOtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver";
import { fillSignUp } from "./fixtures";

/**
 * OpenTelemetry traces from a real Portico process (the production build) to a real OTLP/HTTP
 * receiver: what an operator's collector would get with OTEL_EXPORTER_OTLP_ENDPOINT set, and
 * that nothing is sent anywhere without it.
 */
const repoRoot = path.resolve(import.meta.dirname, "../..");
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
const CALLER_SPAN_ID = "b7ad6b7169203331";
/** Where the OpenTelemetry exporter sends by default when no endpoint is configured. */
const DEFAULT_OTLP_PORT = 4318;

test.describe.configure({ mode: "serial", timeout: 120_000 });

type Portico = { base: string; process: ChildProcess; exited: Promise<number | null>; output: () => string };

async function startPortico(extraEnv: Record<string, string>): Promise<Portico> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-tracing-"));
  const port = 20_000 + randomInt(20_000);
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("OTEL_")),
  ) as NodeJS.ProcessEnv;
  Object.assign(env, {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    PORTICO_BUILD_DIR: process.env.PORTICO_E2E_BUILD_DIR,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_SECRET: "tracing-test-deployment-secret-".padEnd(48, "t"),
    PORTICO_DEMO_TENANT: "true",
    PORTICO_ENV: "development",
    NODE_ENV: "production",
    DATABASE_URL: "",
    ...extraEnv,
  });
  let output = "";
  // The compiled server, as in production (npm run build:server).
  const child = spawn(process.execPath, [path.join(process.env.PORTICO_E2E_BUILD_DIR!, "server.js")], {
    cwd: repoRoot,
    env,
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const base = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${base}/readyz`).catch(() => null))?.status, { timeout: 60_000 })
    .toBe(200);
  return { base, process: child, exited, output: () => output };
}

/** The span's ancestors within the exported spans, nearest first. */
function ancestorsOf(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  let current: ReceivedSpan | undefined = span;
  while (current?.parentSpanId) {
    current = spans.find((candidate) => candidate.spanId === current!.parentSpanId);
    if (current) chain.push(current);
  }
  return chain;
}

test("with OTEL_EXPORTER_OTLP_ENDPOINT, requests and their database queries reach the collector", async ({ page }) => {
  const receiver = await startOtlpReceiver();
  let portico: Portico | undefined;
  try {
    portico = await startPortico({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: "200",
      OTEL_SERVICE_NAME: "portico-e2e",
    });
    const { base } = portico;

    // A person opens the demo tenant's sign-in page.
    await page.goto(`${base}/t/demo/sign-in?redirectTo=%2Fsecret-looking-query`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // They create an account; then their session is looked up inside a caller's trace.
    await page.goto(`${base}/t/demo/sign-up`);
    await fillSignUp(page, { name: "Trace Reader", email: `tracing-${randomInt(1e9)}@example.com` });
    await expect(page).toHaveURL(`${base}/t/demo/account`);
    // The account page just looked the session up; a lookup is cached for at most a second
    // (decision 0017), so wait that out and this one reads the database inside the trace.
    await page.waitForTimeout(1_100);
    const session = await page.request.get(`${base}/t/demo/api/auth/get-session`, {
      headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(session.status()).toBe(200);
    expect(await session.json()).toMatchObject({ user: { name: "Trace Reader" } });

    const spans = receiver.spans;
    await expect
      .poll(
        () =>
          spans.some((span) => span.name === "GET hosted_page" && span.attributes["url.path"] === "/t/demo/sign-in"),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    const pageSpan = spans.find((span) => span.attributes["url.path"] === "/t/demo/sign-in")!;
    expect(pageSpan).toMatchObject({
      kind: 2,
      statusCode: 0,
      attributes: {
        "http.request.method": "GET",
        "http.response.status_code": 200,
        "portico.tenant.slug": "demo",
      },
      resource: { "service.name": "portico-e2e" },
    });
    expect(JSON.stringify(spans)).not.toContain("secret-looking-query");

    // The caller's trace continues in Portico, and the session lookup's queries belong to it.
    await expect
      .poll(() => spans.some((span) => span.traceId === TRACE_ID && span.name.startsWith("prisma:")), {
        timeout: 10_000,
      })
      .toBe(true);
    const sessionSpan = spans.find((span) => span.traceId === TRACE_ID && span.kind === 2)!;
    expect(sessionSpan).toMatchObject({
      name: "GET auth_api",
      parentSpanId: CALLER_SPAN_ID,
      attributes: { "http.response.status_code": 200, "url.path": "/t/demo/api/auth/get-session" },
    });
    const queries = spans.filter((span) => span.traceId === TRACE_ID && span.name.startsWith("prisma:"));
    expect(queries.every((query) => ancestorsOf(query, spans).includes(sessionSpan))).toBe(true);

    // SIGTERM still ends cleanly, the last spans flushed on the way out.
    portico.process.kill("SIGTERM");
    expect(await portico.exited).toBe(0);
    expect(portico.output()).not.toContain("Tracing:");
  } finally {
    portico?.process.kill("SIGKILL");
    await receiver.close();
  }
});

test("without OTEL_EXPORTER_OTLP_ENDPOINT, nothing is exported, not even to the default address", async ({ page }) => {
  const receiver = await startOtlpReceiver(DEFAULT_OTLP_PORT);
  let portico: Portico | undefined;
  try {
    // Every other tracing variable set, so only the missing endpoint keeps tracing off.
    portico = await startPortico({ OTEL_BSP_SCHEDULE_DELAY: "200", OTEL_SERVICE_NAME: "portico-e2e" });
    await page.goto(`${portico.base}/t/demo/sign-in`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect((await fetch(`${portico.base}/t/demo/api/auth/get-session`)).status).toBe(200);

    // Ten times the batch delay: a loaded exporter would have sent by now.
    await page.waitForTimeout(2_000);
    portico.process.kill("SIGTERM");
    expect(await portico.exited).toBe(0);
    expect(receiver.requests).toBe(0);
  } finally {
    portico?.process.kill("SIGKILL");
    await receiver.close();
  }
});

test("a collector that never answers delays neither pages nor the shutdown past its flush limit", async ({ page }) => {
  // Takes every export and never replies, like a collector stuck behind a dead load balancer.
  const stuck = createServer(() => undefined);
  await new Promise<void>((resolve) => stuck.listen(0, "127.0.0.1", resolve));
  let portico: Portico | undefined;
  try {
    portico = await startPortico({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(stuck.address() as AddressInfo).port}`,
      OTEL_BSP_SCHEDULE_DELAY: "200",
    });
    await page.goto(`${portico.base}/t/demo/sign-in`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    const stopping = Date.now();
    portico.process.kill("SIGTERM");
    expect(await portico.exited).toBe(0);
    // The flush gets 5 s; the exporter's own timeout (10 s) is not waited for.
    expect(Date.now() - stopping).toBeLessThan(9_000);
    expect(portico.output()).toContain("Tracing: the last spans were not exported");
  } finally {
    portico?.process.kill("SIGKILL");
    stuck.closeAllConnections();
    stuck.close();
  }
});
