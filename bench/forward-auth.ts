/**
 * Forward-auth decisions per second (`npx tsx bench/forward-auth.ts`, part of `npm run bench`):
 * on Portico's production server, one after the other with the same load,
 *   1. get-session with the tenant's session cookie (the baseline),
 *   2. `/t/<slug>/forward-auth` with a bearer JWT the tenant issued (verified in memory),
 *   3. `/t/<slug>/forward-auth` with the gateway cookie (a session, checked like get-session),
 * with their ratios to get-session and the share of the machine other processes took. Every
 * answer must be a 2xx (a refused decision would look fast).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteStorage } from "../app/db/sqlite-storage.server";
import { TenantService } from "../app/tenancy/tenants.server";
import { signUp, type Session } from "./client";
import { measure, type Measured } from "./load";
import { BENCH_RATE_LIMIT, CONNECTIONS, DURATION_S, WARMUP_S } from "./options";
import { ensureBuild, killAllServers, randomSecret, startPortico, stopAllServers, type RunningServer } from "./servers";

const SLUG = "gateway";
const APP_HOST = "app.bench.test";
/** The ≥ 5,000 JWT decisions/s the issue aims for on a two-core machine. */
const JWT_TARGET = 5_000;

async function createGatewayTenant(dataDir: string, secret: string): Promise<string> {
  const storage = new SqliteStorage(dataDir);
  try {
    const tenant = await new TenantService(storage, secret).create({
      slug: SLUG,
      name: "Bench gateway",
      config: {
        rateLimit: BENCH_RATE_LIMIT,
        forwardAuth: { rules: [{ id: "app", host: APP_HOST, path: "/**" }] },
      },
    });
    return tenant.id;
  } finally {
    await storage.close();
  }
}

async function tenantJwt(server: RunningServer, session: Session): Promise<string> {
  const response = await fetch(`${server.url}/t/${SLUG}/api/auth/token`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET /token answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The browser flow without a browser: authorize with the session, redeem the code on the app's host. */
async function gatewayCookie(server: RunningServer, session: Session, tenantId: string): Promise<string> {
  const rd = encodeURIComponent(`http://${APP_HOST}/`);
  // The state the gateway's redirect would have put in a cookie on the app's host.
  const state = "bench-state-0123456789";
  const authorized = await fetch(`${server.url}/t/${SLUG}/forward-auth/authorize?rd=${rd}&state=${state}`, {
    headers: { cookie: session.cookie },
    redirect: "manual",
  });
  const code = new URL(authorized.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (!code) throw new Error(`authorize answered ${authorized.status} without a code`);
  const redeemed = await fetch(`${server.url}/t/${SLUG}/forward-auth/callback?code=${code}`, {
    headers: {
      "x-forwarded-host": APP_HOST,
      "x-forwarded-proto": "http",
      cookie: `portico-gateway-state.${tenantId}=${state}`,
    },
    redirect: "manual",
  });
  const cookie = redeemed.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`callback answered ${redeemed.status} without a cookie`);
  return cookie;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const share = (value: number | null) => (value === null ? "n/a" : `${fixed(value * 100)}%`);

function report(results: { getSession: Measured; jwt: Measured; cookie: Measured }): string {
  const { getSession, jwt, cookie } = results;
  const cpu = os.cpus();
  const row = (name: string, m: Measured) =>
    `| ${name} | ${fixed(m.perSecond)} | ${fixed(m.perSecond / getSession.perSecond, 2)} | ${fixed(m.p50Ms, 1)} / ${fixed(m.p99Ms, 1)} | ${share(m.otherCpu)} |`;
  const busy = [getSession, jwt, cookie].some((m) => (m.otherCpu ?? 0) > 0.1);
  return [
    `## Forward-auth bench, ${new Date().toISOString()}`,
    "",
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, SQLite. ` +
      `Load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each after ${WARMUP_S} s of warm-up; ` +
      "load generator and server share the machine.",
    "",
    "| Request | Decisions (req)/s | × get-session | p50 / p99 ms | CPU of other processes |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("get-session, session cookie (baseline)", getSession),
    row("forward-auth, bearer JWT", jwt),
    row("forward-auth, gateway cookie (session)", cookie),
    "",
    `JWT decisions: ${fixed(jwt.perSecond)}/s against the aim of ${JWT_TARGET}/s: ` +
      (jwt.perSecond >= JWT_TARGET ? "**met**." : "**not met**."),
    busy ? "**Warning: other processes took over 10% of the machine; these figures are unreliable.**" : "",
  ].join("\n");
}

async function main() {
  const buildNote = ensureBuild({ force: process.argv.includes("--build") });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-forward-auth-"));
  try {
    const secret = randomSecret();
    const tenantId = await createGatewayTenant(dataDir, secret);
    const server = await startPortico({ dataDir, secret, maxHotTenants: 10 });
    const session = await signUp({ origin: server.url, authUrl: `${server.url}/t/${SLUG}/api/auth` });
    const decision = `${server.url}/t/${SLUG}/forward-auth`;
    const forwarded = {
      "x-forwarded-host": APP_HOST,
      "x-forwarded-uri": "/reports?year=2026",
      "x-forwarded-method": "GET",
    };
    console.log(
      `Build: ${buildNote}. Measuring get-session, then JWT and cookie decisions (${3 * (DURATION_S + WARMUP_S)} s)…`,
    );
    const getSession = await measure(server, { url: session.getSessionUrl, headers: { cookie: session.cookie } });
    const jwt = await measure(server, {
      url: decision,
      headers: { ...forwarded, authorization: `Bearer ${await tenantJwt(server, session)}` },
    });
    const cookie = await measure(server, {
      url: decision,
      headers: { ...forwarded, cookie: await gatewayCookie(server, session, tenantId) },
    });
    console.log("\n" + report({ getSession, jwt, cookie }));
  } finally {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  console.error(`\nBench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
