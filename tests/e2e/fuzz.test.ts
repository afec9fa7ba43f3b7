/**
 * Issue 13, items 9 and 10: thousands of generated malformed requests (bad JSON, huge, chunked
 * and deeply nested bodies, wrong methods and content types, unicode and null bytes, long
 * values, traversal in slugs, bad cookies and headers) across the tenant auth API, the
 * management API, SCIM, the hosted form posts and the console actions, with a valid console
 * session, a valid API key and a valid SCIM token in many of them. Not one may answer 500,
 * nothing may be logged at error level, and the server must still serve afterwards.
 *
 * It starts its own server from the run's build (the shared one's output cannot be read), so
 * its stderr can be checked. FUZZ_SEED=<n> replays a run; FUZZ_COUNT=<n> changes its size.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { repoRoot, startServer, type ServerProcess } from "../support/server-process";
import { fuzzRequest, prng, type FuzzContext, type FuzzRequest } from "./fuzz-requests";

const SEED = Number(process.env.FUZZ_SEED ?? 20261213);
const COUNT = Number(process.env.FUZZ_COUNT ?? 5000);
const CONCURRENCY = 8;

test.describe.configure({ mode: "serial", timeout: 180_000 });

let server: ServerProcess;
let origin = "";
let env: NodeJS.ProcessEnv;

test.beforeAll(async () => {
  server = await startServer();
  ({ origin, env } = server);
});

test.afterAll(async () => {
  await server?.stop();
});

/** A console owner of the demo tenant, and an API key with every scope made in its console. */
async function authenticatedContext(): Promise<FuzzContext> {
  const signUp = await fetch(`${origin}/api/platform/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name: "Fuzz Owner", email: "fuzz-owner@example.com", password: "correct-horse-battery" }),
  });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const consoleCookie = signUp.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "scripts/tenant.ts", "add-member", "demo", "fuzz-owner@example.com", "--role", "owner"],
    { cwd: repoRoot, env },
  );
  const form = new URLSearchParams({ intent: "create", name: "Fuzz key", rateLimitPerMinute: "100000" });
  for (const scope of ["users:read", "users:write", "sessions:write", "webhooks:read", "webhooks:write"])
    form.append("scopes", scope);
  for (const scope of ["config:read", "config:write", "organizations:read", "organizations:write"])
    form.append("scopes", scope);
  const created = await fetch(`${origin}/admin/demo/api-keys`, {
    method: "POST",
    headers: { cookie: consoleCookie, origin },
    body: form,
  });
  const html = await created.text();
  expect(created.status, html.slice(0, 500)).toBe(200);
  const apiKey = /pk_(?:live|test)_[A-Za-z0-9_-]+/.exec(html)?.[0];
  expect(apiKey, "the console shows the new key once").toMatch(/^pk_(live|test)_/);
  const check = await fetch(`${origin}/api/v1/config`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(check.status).toBe(200);
  const api = (path: string, body?: unknown) =>
    fetch(`${origin}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const organization = (await (await api("/organizations", { name: "Fuzz", slug: "fuzz" })).json()) as { id: string };
  const scim = (await (await api(`/organizations/${organization.id}/scim`)).json()) as { token: string };
  expect(scim.token).toMatch(/^scim_/);
  return { origin, slug: "demo", consoleCookie, apiKey: apiKey!, scimToken: scim.token };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** Sends one request as given (raw method, path, headers, chunked or not); resolves its status. */
function send(request: FuzzRequest): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const headers = { ...request.headers };
    if (request.body && !request.chunked) headers["content-length"] = String(request.body.length);
    const outgoing = http.request(
      { hostname, port, method: request.method, path: request.path, headers, agent, timeout: 30_000 },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(response.statusCode ?? -1));
      },
    );
    // The server may answer (413) and close before the whole body is sent: that is fine.
    outgoing.on("error", () => resolve(-1));
    outgoing.on("timeout", () => outgoing.destroy());
    if (request.body && request.chunked) {
      for (let offset = 0; offset < request.body.length; offset += 16 * 1024)
        outgoing.write(request.body.subarray(offset, offset + 16 * 1024));
    } else if (request.body) outgoing.write(request.body);
    outgoing.end();
  });
}

test("thousands of malformed requests: no 500, nothing logged as an error, the server still serves", async ({}, testInfo) => {
  const context = await authenticatedContext();
  const rng = prng(SEED);
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COUNT) {
        // Generated in index order whatever the interleaving, so a seed always means the same requests.
        const index = next++;
        const request = fuzzRequest(rng, context);
        const status = await send(request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) {
          const summary = `#${index} ${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers).slice(0, 300)}`;
          failures.push(`${status} ${summary} body=${request.body?.subarray(0, 120).toString() ?? "(none)"}`);
        }
      }
    }),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = `seed ${SEED}, ${COUNT} requests in ${seconds} s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`;
  console.log(`[fuzz] ${summary}`);
  writeFileSync(testInfo.outputPath("server.log"), server.log());

  expect(failures, `5xx answers (replay with FUZZ_SEED=${SEED}):\n${failures.slice(0, 20).join("\n")}`).toEqual([]);
  // Connection failures (-1) happen only where the server closed an oversized body early.
  expect(statuses.get(0) ?? 0, summary).toBe(0);

  // JSON log lines at error level or above, and anything else that looks like an error.
  const errorLines = server
    .log()
    .split("\n")
    .filter((line) => {
      try {
        return ["error", "fatal"].includes((JSON.parse(line) as { level?: string }).level ?? "");
      } catch {
        return /error|exception|unhandled|failed/i.test(line) && !/Generated a deployment secret/.test(line);
      }
    });
  expect(errorLines, `server logged errors (replay with FUZZ_SEED=${SEED})`).toEqual([]);

  // Still alive and still serving real pages and sessions.
  expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  expect((await fetch(`${origin}/t/demo/sign-in`)).status).toBe(200);
  const session = await fetch(`${origin}/api/platform/auth/get-session`, {
    headers: { cookie: context.consoleCookie },
  });
  expect(session.status).toBe(200);
});
