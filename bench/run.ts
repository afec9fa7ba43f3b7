/**
 * `npm run bench` (`npm run bench -- --build` to rebuild the app first): in one run on this
 * machine, measures
 *   1. get-session requests/s through Portico's tenant routing (the production server),
 *   2. the same against a bare better-auth instance (bench/bare-server.ts),
 *   3. their ratio,
 *   4. the first-request time of a tenant evicted from the registry, against a warm request,
 * and prints a markdown table. Servers run on free ports, reached on 127.0.0.1 only (server.ts
 * itself listens on every interface), with fresh temporary data directories, one at a time
 * (never two under load together), and are removed afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureThroughput, signUp, timedGetSession, warmUp, type Throughput } from "./client";
import { watchOtherCpu } from "./machine";
import { COLD_SAMPLES, CONNECTIONS, DURATION_S, WARM_SAMPLES, WARMUP_S } from "./options";
import {
  ensureBuild,
  killAllServers,
  randomSecret,
  ROOT,
  startBare,
  startPortico,
  stopAllServers,
  type RunningServer,
} from "./servers";
import { createBareDatabase, createTenants } from "./tenants";

const LOAD = { connections: CONNECTIONS, durationS: DURATION_S };
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

/** A measurement, with the share of the machine's CPU that other processes took meanwhile. */
type Measured<T> = T & { otherCpu: number | null };

async function measure<T extends object>(server: RunningServer, run: () => Promise<T>): Promise<Measured<T>> {
  const otherCpu = watchOtherCpu([process.pid, server.pid]);
  const result = await run();
  return { ...result, otherCpu: otherCpu() };
}

async function porticoThroughput(): Promise<Measured<Throughput>> {
  const dataDir = tempDir("portico");
  const secret = randomSecret();
  await createTenants(dataDir, secret, ["bench"]);
  const server = await startPortico({ dataDir, secret, maxHotTenants: 500 });
  try {
    const session = await signUp(tenantTarget(server.url, "bench"));
    await warmUp(session, WARMUP);
    return await measure(server, () => measureThroughput(session, LOAD));
  } finally {
    await server.stop();
  }
}

async function bareThroughput(): Promise<Measured<Throughput>> {
  const dbFile = await createBareDatabase(tempDir("bare"));
  const server = await startBare({ dbFile, secret: randomSecret() });
  try {
    const session = await signUp({ origin: server.url, authUrl: `${server.url}/api/auth` });
    await warmUp(session, WARMUP);
    return await measure(server, () => measureThroughput(session, LOAD));
  } finally {
    await server.stop();
  }
}

type ColdStart = { cold: number[]; warm: number[] };

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

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((x, y) => x - y);
  if (p === 50 && sorted.length % 2 === 0) {
    return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  }
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function packageVersion(name: string): string {
  return (
    JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }
  ).version;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Above this share of the machine taken by other processes, the figures are flagged. */
const BUSY_THRESHOLD = 0.1;

function cpuNote(results: Results): string {
  const shares = [results.portico.otherCpu, results.bare.otherCpu, results.start.otherCpu];
  if (shares.some((share) => share === null)) return "CPU used by other processes: not measured (no /proc).";
  const [portico, bare, start] = shares.map((share) => `${fixed(share! * 100, 0)}%`);
  const note = `CPU used by other processes during the runs (share of the machine): Portico ${portico}, bare ${bare}, cold start ${start}.`;
  const busy = shares.some((share) => share! > BUSY_THRESHOLD);
  return busy ? `${note} **Warning: the machine was busy with other work; these figures are unreliable.**` : note;
}

type Results = { portico: Measured<Throughput>; bare: Measured<Throughput>; start: Measured<ColdStart> };

function report(results: Results, buildNote: string): string {
  const { portico, bare, start } = results;
  const cpu = os.cpus();
  const latency = (t: Throughput) => `${fixed(t.p50Ms)} / ${fixed(t.p99Ms)}`;
  const rows: [string, string, string][] = [
    ["get-session, Portico (`GET /t/<slug>/api/auth/get-session`)", fixed(portico.requestsPerSecond, 0), "req/s"],
    ["Portico latency under that load, p50 / p99", latency(portico), "ms"],
    ["get-session, bare better-auth (`GET /api/auth/get-session`)", fixed(bare.requestsPerSecond, 0), "req/s"],
    ["Bare latency under that load, p50 / p99", latency(bare), "ms"],
    ["**Portico / bare throughput**", `**${fixed(portico.requestsPerSecond / bare.requestsPerSecond, 2)}**`, "ratio"],
    [`Evicted tenant, first request, median (n=${start.cold.length})`, fixed(percentile(start.cold, 50)), "ms"],
    [`Evicted tenant, first request, p95 (n=${start.cold.length})`, fixed(percentile(start.cold, 95)), "ms"],
    [`Warm tenant, request, median (n=${start.warm.length})`, fixed(percentile(start.warm, 50)), "ms"],
  ];
  return [
    `## Portico bench, ${new Date().toISOString()}`,
    "",
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${os.platform()} ${os.arch()}, ` +
      `Node ${process.version}, better-auth ${packageVersion("better-auth")}, SQLite (better-sqlite3), ${buildNote}.`,
    `Load: autocannon ${packageVersion("autocannon")}, ${CONNECTIONS} connections, ${DURATION_S} s per server ` +
      `after ${WARMUP_S} s of warm-up; load generator and server share the machine. ` +
      `Requests measured: Portico ${portico.total}, bare ${bare.total}, all 2xx.`,
    cpuNote(results),
    "",
    "| Measurement | Value | Unit |",
    "| --- | ---: | --- |",
    ...rows.map(([name, value, unit]) => `| ${name} | ${value} | ${unit} |`),
  ].join("\n");
}

async function main() {
  const buildNote = ensureBuild({ force: process.argv.includes("--build") });
  console.log(`Measuring Portico (${DURATION_S + WARMUP_S} s)…`);
  const portico = await porticoThroughput();
  console.log(`Measuring bare better-auth (${DURATION_S + WARMUP_S} s)…`);
  const bare = await bareThroughput();
  console.log("Measuring cold starts of evicted tenants…");
  const start = await coldStart();
  console.log("\n" + report({ portico, bare, start }, buildNote));
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
