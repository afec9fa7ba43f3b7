import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { findLeaks } from "../support/log-leaks";
import { freePort, startServer, type ServerProcess } from "../support/server-process";

/**
 * What an operator sees of a running instance (docs/self-hosting.md, "Observability"): the
 * Prometheus metrics behind their token or on their own port, a request id on every answer
 * and error page, and one JSON log line per request with nothing secret in it.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const METRICS_TOKEN = randomBytes(24).toString("base64url");
let server: ServerProcess;
let metricsPort: number;

test.beforeAll(async () => {
  metricsPort = await freePort();
  server = await startServer({
    PORTICO_METRICS_TOKEN: METRICS_TOKEN,
    PORTICO_METRICS_PORT: String(metricsPort),
    LOG_LEVEL: "info",
  });
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

/** The value of one series, e.g. `portico_sign_ups_total{tenant="demo",method="password"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

function authPost(path: string, body: unknown, clientIp: string) {
  return fetch(`${server.origin}/t/demo/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin, "x-forwarded-for": clientIp },
    body: JSON.stringify(body),
  });
}

test("/metrics on the public port needs its token; the metrics port serves it to Prometheus", async () => {
  expect((await fetch(`${server.origin}/metrics`)).status).toBe(401);
  const wrong = await fetch(`${server.origin}/metrics`, { headers: { authorization: "Bearer not-the-token" } });
  expect(wrong.status).toBe(401);
  expect(wrong.headers.get("www-authenticate")).toContain("Bearer");
  const right = await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(right.status).toBe(200);
  expect(right.headers.get("content-type")).toContain("text/plain");
  const text = await right.text();
  // Node's process metrics and the event-loop lag come with every scrape.
  expect(text).toContain("process_cpu_user_seconds_total");
  expect(text).toContain("nodejs_eventloop_lag_seconds");
  expect(await scrape()).toContain("# TYPE http_request_duration_seconds histogram");
});

test("sign-ups, sign-in successes, failures and rate limits are counted per tenant and method", async () => {
  const email = `observed-${randomBytes(4).toString("hex")}@example.com`;
  const password = `Obs-${randomBytes(8).toString("hex")}`;
  const before = await scrape();
  const count = (text: string, series: string) => sample(text, series) ?? 0;

  const signUp = await authPost("/sign-up/email", { name: "Observed", email, password }, "10.9.0.1");
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const wrong = await authPost("/sign-in/email", { email, password: "not-the-password" }, "10.9.0.2");
  expect(wrong.status).toBe(401);
  const right = await authPost("/sign-in/email", { email, password }, "10.9.0.3");
  expect(right.status).toBe(200);
  const sessionToken = right.headers
    .getSetCookie()
    .find((cookie) => cookie.includes("session_token="))
    ?.split(";")[0]
    ?.split("=")[1];
  expect(sessionToken).toMatch(/^[\w.%-]{20,}$/);

  // One address hammering sign-in meets better-auth's per-IP limit.
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    statuses.push((await authPost("/sign-in/email", { email, password: "wrong-again" }, "10.9.0.4")).status);
  }
  expect(statuses).toContain(429);

  // The last answers' metrics are recorded as their responses finish, a moment after the client read them.
  const rateLimited = 'portico_rate_limited_total{route_class="auth_api"}';
  const refused = statuses.filter((status) => status === 429).length;
  await expect.poll(async () => count(await scrape(), rateLimited) - count(before, rateLimited)).toBe(refused);
  const after = await scrape();
  const delta = (series: string) => count(after, series) - count(before, series);
  expect(delta('portico_sign_ups_total{tenant="demo",method="password"}')).toBe(1);
  expect(delta('portico_auth_attempts_total{tenant="demo",method="password",outcome="success"}')).toBe(1);
  expect(
    delta('portico_auth_attempts_total{tenant="demo",method="password",outcome="failure"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(delta('http_request_duration_seconds_count{method="POST",route_class="auth_api",status_class="2xx"}')).toBe(2);
  expect(count(after, 'portico_tenant_build_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(1);
  expect(count(after, 'portico_tenant_requests_total{tenant="demo"}')).toBeGreaterThanOrEqual(15);
  expect(sample(after, 'portico_outbox_depth{kind="email"}')).toBeGreaterThanOrEqual(0);
  expect(sample(after, 'portico_outbox_oldest_age_seconds{kind="webhook"}')).toBeGreaterThanOrEqual(0);

  // Nothing the user typed or was given reached the log: not the password, not the session
  // token, not the full address.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(findLeaks(server.log(), [password, sessionToken!, email])).toEqual([]);
});

test("made-up tenant names never become metric labels", async () => {
  const slugs = Array.from({ length: 20 }, () => `nope-${randomBytes(4).toString("hex")}`);
  for (const slug of slugs) expect((await fetch(`${server.origin}/t/${slug}/sign-in`)).status).toBe(404);
  await expect
    .poll(async () => sample(await scrape(), 'portico_tenant_requests_total{tenant="other"}'))
    .toBeGreaterThanOrEqual(20);
  const text = await scrape();
  for (const slug of slugs) expect(text).not.toContain(slug);
});

test("every answer carries a request id, error pages show it, and the log line has it", async ({ page }) => {
  const given = await fetch(`${server.origin}/t/demo/sign-in`, { headers: { "x-request-id": "trace-me-42" } });
  expect(given.status).toBe(200);
  expect(given.headers.get("x-request-id")).toBe("trace-me-42");

  // An id that is not a plain token is replaced by one of ours.
  const odd = await fetch(`${server.origin}/t/demo/sign-in`, { headers: { "x-request-id": "<script>" } });
  expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

  const answer = await page.goto(`${server.origin}/t/no-such-tenant-here/sign-in`);
  expect(answer!.status()).toBe(404);
  const id = answer!.headers()["x-request-id"]!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByText(`Reference: ${id}`)).toBeVisible();

  await new Promise((resolve) => setTimeout(resolve, 200));
  const lines = server
    .log()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.find((line) => line.req_id === "trace-me-42")).toMatchObject({
    level: "info",
    msg: "request",
    method: "GET",
    path: "/t/demo/sign-in",
    route_class: "hosted_page",
    tenant: "demo",
    status: 200,
    duration_ms: expect.any(Number),
  });
  expect(lines.find((line) => line.req_id === id)).toMatchObject({ status: 404, route_class: "hosted_page" });
});
