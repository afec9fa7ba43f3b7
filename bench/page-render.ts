/**
 * `npm run bench`, part "page render" (issue 17, item 6): the production server's time to
 * answer two pages of a tenant with 100,000 users, from sending the request to the last byte,
 * sequential requests on one keep-alive connection after a warm-up:
 *   - the hosted sign-in page, `GET /t/<slug>/sign-in` (anonymous);
 *   - the console's users page, `GET /admin/<slug>/users` (signed in as the tenant's owner:
 *     the deployment's first platform account, which owns the tenants that have none).
 * The target is 30 ms p50 for each.
 *
 *   npx tsx bench/page-render.ts [--users 100000] [--runs 50]
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { SqliteStorage } from "../app/db/sqlite-storage.server";
import { TenantService } from "../app/tenancy/tenants.server";
import { watchOtherCpu } from "./machine";
import { recordPart, target } from "./part-result";
import { BENCH_RATE_LIMIT } from "./options";
import { ensureBuild, killAllServers, randomSecret, startPortico, stopAllServers } from "./servers";
import { insertUsers } from "./users";

const TARGET_MS = 30;
const SLUG = "render";
const { values: args } = parseArgs({
  options: { users: { type: "string", default: "100000" }, runs: { type: "string", default: "50" } },
});
const USERS = Number(args.users);
const RUNS = Number(args.runs);

async function createTenantWithUsers(dataDir: string, secret: string): Promise<void> {
  const storage = new SqliteStorage(dataDir);
  try {
    const tenant = await new TenantService(storage, secret).create({
      slug: SLUG,
      name: "Render bench",
      config: { rateLimit: BENCH_RATE_LIMIT },
    });
    insertUsers(storage.tenantFile(tenant.id), USERS);
  } finally {
    await storage.close();
  }
}

/** Signs up the deployment's first platform account (confirmed, owner of every tenant); its cookie. */
async function consoleCookie(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/platform/auth/sign-up/email`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ name: "Bench Owner", email: "owner@bench.test", password: "bench-password-1234" }),
  });
  if (!response.ok) throw new Error(`Platform sign-up answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** p50/p95 of RUNS sequential GETs after 5 warm-ups; each answer must be a 200 page containing `expect`. */
async function timePage(url: string, headers: Record<string, string>, expected: string) {
  const get = async () => {
    const start = performance.now();
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    const elapsed = performance.now() - start;
    if (response.status !== 200 || !body.includes(expected))
      throw new Error(`GET ${url} answered ${response.status} without "${expected}"`);
    return elapsed;
  };
  for (let i = 0; i < 5; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await get());
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  ensureBuild({ force: process.argv.includes("--build") });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-render-"));
  try {
    const secret = randomSecret();
    const started = performance.now();
    await createTenantWithUsers(dataDir, secret);
    console.log(`A tenant with ${USERS.toLocaleString("en")} users in ${Math.round(performance.now() - started)} ms.`);
    const server = await startPortico({ dataDir, secret, maxHotTenants: 10 });
    const cookie = await consoleCookie(server.url);
    const otherCpu = watchOtherCpu([process.pid, server.pid]);
    const signIn = await timePage(`${server.url}/t/${SLUG}/sign-in`, {}, 'name="password"');
    const users = await timePage(`${server.url}/admin/${SLUG}/users`, { cookie }, "@example");
    const others = otherCpu();
    const rows = [
      { page: `GET /t/${SLUG}/sign-in`, "p50 ms": signIn.p50.toFixed(1), "p95 ms": signIn.p95.toFixed(1) },
      { page: `GET /admin/${SLUG}/users`, "p50 ms": users.p50.toFixed(1), "p95 ms": users.p95.toFixed(1) },
    ];
    console.log(`\nServer render with ${USERS.toLocaleString("en")} users, ${RUNS} sequential requests each:`);
    console.table(rows);
    console.log(
      `Target ${TARGET_MS} ms p50. CPU used by other processes: ${others === null ? "n/a" : `${Math.round(others * 100)}%`}.`,
    );
    recordPart({
      part: "page-render",
      title: `Server render with ${USERS} users`,
      otherCpu: others,
      figures: { users: USERS, runs: RUNS, signIn, consoleUsers: users },
      targets: [
        target(`Hosted sign-in page p50, ${USERS} users`, signIn.p50, `<= ${TARGET_MS}`, "ms"),
        target(`Console users page p50, ${USERS} users`, users.p50, `<= ${TARGET_MS}`, "ms"),
      ],
    });
    if (signIn.p50 > TARGET_MS || users.p50 > TARGET_MS) process.exitCode = 1;
  } finally {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.once("SIGINT", () => {
  killAllServers();
  process.exit(130);
});
await main();
