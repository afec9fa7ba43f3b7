/**
 * OAuth provider throughput (`npx tsx bench/oauth.ts`, part of `npm run bench`): on Portico's
 * production server, one after the other with the same load,
 *   1. client-credentials grants (`POST /t/<slug>/api/auth/oauth2/token`, HTTP Basic with the
 *      client's secret, a JWT access token for the client's audience each time),
 *   2. token introspections (RFC 7662) of such a JWT by the same client,
 * against the anchor of Keycloak's sizing guide: 120 client-credential grants/s per vCPU, so
 * 240/s on this two-core machine. Every answer must be a 2xx with the expected body shape
 * checked once beforehand (a refused grant would look fast).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteStorage } from "../app/db/sqlite-storage.server";
import { registerOAuthClient } from "../app/oauth-provider/client-store.server";
import { TenantRegistry } from "../app/tenancy/registry.server";
import { TenantService } from "../app/tenancy/tenants.server";
import { measure, type Load, type Measured } from "./load";
import { BENCH_RATE_LIMIT, CONNECTIONS, DURATION_S, WARMUP_S } from "./options";
import { ensureBuild, killAllServers, randomSecret, startPortico, stopAllServers } from "./servers";

const SLUG = "oauth";
const AUDIENCE = "https://orders.bench.test";
/** Keycloak's sizing guide: 120 client-credential grants per second per vCPU. */
const KEYCLOAK_PER_VCPU = 120;

type Client = { clientId: string; clientSecret: string };

/** The tenant with the provider on, and a service client registered as the console would. */
async function createProviderTenant(dataDir: string, secret: string): Promise<Client> {
  const storage = new SqliteStorage(dataDir);
  const tenants = new TenantService(storage, secret);
  const registry = new TenantRegistry({
    tenants,
    storage,
    publicUrl: new URL("http://127.0.0.1"),
    maxHotTenants: 1,
    closeGraceMs: 0,
  });
  try {
    await tenants.create({
      slug: SLUG,
      name: "Bench OAuth",
      config: {
        rateLimit: BENCH_RATE_LIMIT,
        authMethods: { jwt: { enabled: true }, oauthProvider: { enabled: true } },
      },
    });
    const live = await registry.resolve({ slug: SLUG });
    if (live.status !== "ok") throw new Error(`bench tenant is ${live.status}`);
    const client = await registerOAuthClient(live.auth, {
      name: "Bench service",
      tokenEndpointAuthMethod: "client_secret_basic",
      grantTypes: ["client_credentials"],
      clientCredentialsScopes: ["orders:read"],
      audiences: [AUDIENCE],
    });
    return { clientId: client.clientId, clientSecret: client.clientSecret! };
  } finally {
    await registry.close();
    await storage.close();
  }
}

function basic({ clientId, clientSecret }: Client): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    "content-type": "application/x-www-form-urlencoded",
  };
}

/** One grant by hand: the answer must be a JWT, so the load measures what a service gets. */
async function grantOnce(load: Load): Promise<string> {
  const response = await fetch(load.url, { method: "POST", headers: load.headers, body: load.body });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || body.access_token?.split(".").length !== 3)
    throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}

async function introspectOnce(load: Load): Promise<void> {
  const response = await fetch(load.url, { method: "POST", headers: load.headers, body: load.body });
  const body = (await response.json()) as { active?: boolean };
  if (!response.ok || body.active !== true)
    throw new Error(`introspection answered ${response.status}: ${JSON.stringify(body)}`);
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const share = (value: number | null) => (value === null ? "n/a" : `${fixed(value * 100)}%`);

function report({ grants, introspections }: { grants: Measured; introspections: Measured }): string {
  const cpu = os.cpus();
  const anchor = KEYCLOAK_PER_VCPU * cpu.length;
  const row = (name: string, m: Measured) =>
    `| ${name} | ${fixed(m.perSecond)} | ${fixed(m.p50Ms, 1)} / ${fixed(m.p99Ms, 1)} | ${share(m.otherCpu)} |`;
  const busy = [grants, introspections].some((m) => (m.otherCpu ?? 0) > 0.1);
  return [
    `## OAuth provider bench, ${new Date().toISOString()}`,
    "",
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, SQLite. ` +
      `Load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each after ${WARMUP_S} s of warm-up; ` +
      "load generator and server share the machine.",
    "",
    "| Request | req/s | p50 / p99 ms | CPU of other processes |",
    "| --- | ---: | ---: | ---: |",
    row("client-credentials grant (JWT access token)", grants),
    row("token introspection (JWT)", introspections),
    "",
    `Client-credentials grants: ${fixed(grants.perSecond)}/s against Keycloak's planned ${KEYCLOAK_PER_VCPU}/s per ` +
      `vCPU × ${cpu.length} = ${anchor}/s: ratio **${fixed(grants.perSecond / anchor, 2)}** ` +
      (grants.perSecond >= anchor ? "(beaten)." : "(not beaten)."),
    busy ? "**Warning: other processes took over 10% of the machine; these figures are unreliable.**" : "",
  ].join("\n");
}

async function main() {
  const buildNote = ensureBuild({ force: process.argv.includes("--build") });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-oauth-"));
  try {
    const secret = randomSecret();
    const client = await createProviderTenant(dataDir, secret);
    const server = await startPortico({ dataDir, secret, maxHotTenants: 10 });
    const endpoint = `${server.url}/t/${SLUG}/api/auth/oauth2`;
    const grant: Load = {
      method: "POST",
      url: `${endpoint}/token`,
      headers: basic(client),
      body: new URLSearchParams({
        grant_type: "client_credentials",
        scope: "orders:read",
        resource: AUDIENCE,
      }).toString(),
    };
    const token = await grantOnce(grant);
    const introspect: Load = {
      method: "POST",
      url: `${endpoint}/introspect`,
      headers: basic(client),
      body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
    };
    await introspectOnce(introspect);
    console.log(`Build: ${buildNote}. Measuring grants, then introspections (${2 * (DURATION_S + WARMUP_S)} s)…`);
    const grants = await measure(server, grant);
    const introspections = await measure(server, introspect);
    console.log("\n" + report({ grants, introspections }));
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
