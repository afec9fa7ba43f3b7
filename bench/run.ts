/**
 * `npm run bench` (`-- --build` to rebuild the app first, `-- --json` for JSON instead of
 * markdown): in one run on this machine, measures
 *   1. get-session requests/s through Portico's tenant routing (the production server),
 *   2. the same against a bare better-auth instance with Portico's Prisma adapter
 *      (bench/bare-server.ts),
 *   3. the same against better-auth in its default setup: Kysely on better-sqlite3
 *      (bench/default-server.ts),
 * each at 10 and 50 connections, with Portico's ratios to both first, and
 *   4. the first-request time of a tenant evicted from the registry, against a warm request.
 * Servers run on free ports, reached on 127.0.0.1 only (server.ts itself listens on every
 * interface), with fresh temporary data directories, one at a time (never two under load
 * together), and are removed afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureThroughput, signUp, timedGetSession, warmUp, type Session } from "./client";
import { watchOtherCpu } from "./machine";
import { busiest, recordPart, target } from "./part-result";
import { COLD_SAMPLES, CONNECTIONS, DURATION_S, HIGH_CONNECTIONS, WARM_SAMPLES, WARMUP_S } from "./options";
import { report, reportJson, type ColdStart, type Measured, type Results, type ServerLoad } from "./report";
import {
  ensureBuild,
  killAllServers,
  randomSecret,
  startBare,
  startDefault,
  startPortico,
  stopAllServers,
  type RunningServer,
} from "./servers";
import { createBareDatabase, createTenants } from "./tenants";

const WARMUP = { connections: CONNECTIONS, durationS: WARMUP_S };

const tempDirs: string[] = [];

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portico-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}

function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

async function cleanUp(): Promise<void> {
  await stopAllServers();
  removeTempDirs();
}

function tenantTarget(baseUrl: string, slug: string) {
  return { origin: baseUrl, authUrl: `${baseUrl}/t/${slug}/api/auth` };
}

async function measure<T extends object>(server: RunningServer, run: () => Promise<T>): Promise<Measured<T>> {
  const otherCpu = watchOtherCpu([process.pid, server.pid]);
  const result = await run();
  return { ...result, otherCpu: otherCpu() };
}

/** A warm-up, then get-session under 10 and then 50 connections on one server. */
async function loads(server: RunningServer, session: Session): Promise<ServerLoad> {
  await warmUp(session, WARMUP);
  const low = await measure(server, () =>
    measureThroughput(session, { connections: CONNECTIONS, durationS: DURATION_S }),
  );
  const high = await measure(server, () =>
    measureThroughput(session, { connections: HIGH_CONNECTIONS, durationS: DURATION_S }),
  );
  return { low, high };
}

async function porticoThroughput(): Promise<ServerLoad> {
  const dataDir = tempDir("portico");
  const secret = randomSecret();
  await createTenants(dataDir, secret, ["bench"]);
  const server = await startPortico({ dataDir, secret, maxHotTenants: 500 });
  try {
    return await loads(server, await signUp(tenantTarget(server.url, "bench")));
  } finally {
    await server.stop();
  }
}

async function bareThroughput(): Promise<ServerLoad> {
  const dbFile = await createBareDatabase(tempDir("bare"));
  const server = await startBare({ dbFile, secret: randomSecret() });
  try {
    return await loads(server, await signUp({ origin: server.url, authUrl: `${server.url}/api/auth` }));
  } finally {
    await server.stop();
  }
}

async function defaultThroughput(): Promise<ServerLoad> {
  const dbFile = path.join(tempDir("default"), "auth.db");
  const server = await startDefault({ dbFile, secret: randomSecret() });
  try {
    return await loads(server, await signUp({ origin: server.url, authUrl: `${server.url}/api/auth` }));
  } finally {
    await server.stop();
  }
}

/**
 * With room for one hot tenant, requests alternating between two tenants each find their
 * tenant evicted by the previous one, so each pays the full rebuild: control-plane lookup of
 * secrets, opening and migration check of the tenant's SQLite file, a new Prisma client and
 * a new better-auth instance. Requests are sequential on one keep-alive connection, so the
 * time is the server's, not a TCP handshake's. The tenants get the bench rate limit too,
 * since the warm-up alone sends more than the default 100 requests.
 */
async function coldStart(): Promise<Measured<ColdStart>> {
  const dataDir = tempDir("cold");
  const secret = randomSecret();
  await createTenants(dataDir, secret, ["cold-a", "cold-b"]);
  const server = await startPortico({ dataDir, secret, maxHotTenants: 1 });
  try {
    const a = await signUp(tenantTarget(server.url, "cold-a"));
    const b = await signUp(tenantTarget(server.url, "cold-b")); // b is hot now, a evicted
    // A JIT-warm process, as in production: the samples then time the tenant's rebuild,
    // not a freshly started Node.js compiling its request path.
    await warmUp(b, WARMUP);
    return await measure(server, async () => {
      const cold: number[] = [];
      for (let i = 0; i < COLD_SAMPLES; i++) cold.push(await timedGetSession(i % 2 === 0 ? a : b));
      const hot = COLD_SAMPLES % 2 === 0 ? b : a; // the tenant the last sample rebuilt
      const warm: number[] = [];
      for (let i = 0; i < WARM_SAMPLES; i++) warm.push(await timedGetSession(hot));
      return { cold, warm };
    });
  } finally {
    await server.stop();
  }
}

/** Issue 17's bounds for get-session and cold starts. */
function targetsOf(figures: ReturnType<typeof reportJson>) {
  const { ratios, getSession, coldStart } = figures;
  const shares = Object.values(getSession).flatMap((server) => Object.values(server).map((load) => load.otherCpu));
  return {
    figures,
    otherCpu: busiest([...shares, coldStart.otherCpu]),
    targets: [
      target(
        `Portico / better-auth default setup, ${CONNECTIONS} connections`,
        ratios.porticoToDefault[CONNECTIONS]!,
        ">= 2",
      ),
      target(`Portico / bare better-auth, ${CONNECTIONS} connections`, ratios.porticoToBare[CONNECTIONS]!, ">= 1"),
      target(
        `Portico / bare better-auth, ${HIGH_CONNECTIONS} connections`,
        ratios.porticoToBare[HIGH_CONNECTIONS]!,
        ">= 1",
      ),
      target(
        `Portico get-session p99, ${CONNECTIONS} connections`,
        getSession.portico[CONNECTIONS]!.p99Ms,
        "<= 20",
        "ms",
      ),
      target("Evicted tenant's first request, median", coldStart.evictedMedianMs, "<= 10", "ms"),
    ],
  };
}

async function main() {
  const json = process.argv.includes("--json");
  // With --json, stdout carries the JSON only; progress goes to stderr.
  const progress = (line: string) => (json ? console.error(line) : console.log(line));
  const buildNote = ensureBuild({ force: process.argv.includes("--build") });
  const seconds = 2 * DURATION_S + WARMUP_S;
  progress(`Measuring Portico (${seconds} s)…`);
  const portico = await porticoThroughput();
  progress(`Measuring bare better-auth with Portico's Prisma adapter (${seconds} s)…`);
  const bare = await bareThroughput();
  progress(`Measuring better-auth's default setup, Kysely on better-sqlite3 (${seconds} s)…`);
  const defaultSetup = await defaultThroughput();
  progress("Measuring cold starts of evicted tenants…");
  const start = await coldStart();
  const results: Results = { portico, bare, defaultSetup, start };
  const figures = reportJson(results, buildNote);
  console.log(json ? JSON.stringify(figures, null, 2) : "\n" + report(results, buildNote));
  recordPart({ part: "get-session", title: "get-session and cold starts", ...targetsOf(figures) });
}

// Interrupted: no graceful stop (a server under load takes seconds to drain, and npm or tsx
// may not wait that long). Exiting kills the servers (servers.ts); the files go first.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllServers();
    removeTempDirs();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  console.error(`\nBench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
