/**
 * 1,000 hot tenants on one server: the memory each costs and get-session spread across all of
 * them against get-session on one (issue 17: at most 0.5 MB of RSS per hot tenant, spread
 * throughput at least 0.8× single-tenant).
 *
 *   npx tsx bench/many-tenants.ts [--tenants 1000]
 *
 * Every tenant gets one user and session, written into its database before the server starts
 * (bench/tenants.ts). The server then measures get-session on one tenant and its RSS, makes
 * every tenant hot (each session checked through get-session), measures get-session spread
 * across all of them, and its RSS again.
 */
import autocannon from "autocannon";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureThroughput, timedGetSession, warmUp, type Session, type Throughput } from "./client";
import { watchOtherCpu } from "./machine";
import { CONNECTIONS, DURATION_S, WARMUP_S } from "./options";
import { recordPart, target } from "./part-result";
import { ensureBuild, killAllServers, randomSecret, startPortico, stopAllServers } from "./servers";
import { createTenantsWithSessions } from "./tenants";

const { values: args } = parseArgs({ options: { tenants: { type: "string", default: "1000" } } });
const TENANTS = Number(args.tenants);

/** Resident set size of a process in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(line[1]) / 1024;
}

const slugOf = (i: number) => `t${String(i).padStart(4, "0")}`;

/** get-session with each connection cycling through every tenant's session. */
async function spreadThroughput(url: string, sessions: Session[]): Promise<Throughput> {
  const requests = sessions.map((session) => ({
    method: "GET" as const,
    path: new URL(session.getSessionUrl).pathname,
    headers: { cookie: session.cookie },
  }));
  const load = (duration: number) => autocannon({ url, requests, connections: CONNECTIONS, duration });
  await load(WARMUP_S);
  const result = await load(DURATION_S);
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `Spread load had ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts.`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

async function main() {
  const buildNote = ensureBuild({ force: false });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-many-tenants-"));
  try {
    const secret = randomSecret();
    const slugs = Array.from({ length: TENANTS }, (_, i) => slugOf(i));
    const started = performance.now();
    const created = await createTenantsWithSessions(dataDir, secret, slugs);
    console.log(
      `Created ${TENANTS} tenants with a session each in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    );

    const server = await startPortico({ dataDir, secret, maxHotTenants: TENANTS + 10 });
    const sessions: Session[] = created.map(({ slug, cookie, email }) => ({
      getSessionUrl: `${server.url}/t/${slug}/api/auth/get-session`,
      cookie,
      email,
    }));
    const otherCpu = watchOtherCpu([process.pid, server.pid]);
    await warmUp(sessions[0]!, { connections: CONNECTIONS, durationS: WARMUP_S });
    const single = await measureThroughput(sessions[0]!, { connections: CONNECTIONS, durationS: DURATION_S });
    const oneHotMb = rssMb(server.pid);
    // Every tenant hot, and every session checked to be a real one (get-session answers 200 null otherwise).
    for (const session of sessions) await timedGetSession(session);
    const spread = await spreadThroughput(server.url, sessions);
    const allHotMb = rssMb(server.pid);
    for (const session of sessions.slice(-5)) await timedGetSession(session);
    const others = otherCpu();
    await server.stop();

    const perTenantMb = (allHotMb - oneHotMb) / (TENANTS - 1);
    const ratio = spread.requestsPerSecond / single.requestsPerSecond;
    console.log(
      [
        `\n${TENANTS} hot tenants on one server (build: ${buildNote}), ${CONNECTIONS} connections, ${DURATION_S} s:`,
        "",
        "| Measurement | Value |",
        "| --- | ---: |",
        `| get-session, one tenant | ${single.requestsPerSecond.toFixed(0)} req/s (p99 ${single.p99Ms} ms) |`,
        `| get-session spread across ${TENANTS} tenants | ${spread.requestsPerSecond.toFixed(0)} req/s (p99 ${spread.p99Ms} ms) |`,
        `| **Spread / one tenant** | **${ratio.toFixed(2)}** |`,
        `| RSS, one tenant hot | ${oneHotMb.toFixed(0)} MB |`,
        `| RSS, ${TENANTS} tenants hot | ${allHotMb.toFixed(0)} MB |`,
        `| **RSS per hot tenant** | **${perTenantMb.toFixed(2)} MB** |`,
        `| CPU of other processes | ${others === null ? "n/a" : `${Math.round(others * 100)}%`} |`,
      ].join("\n"),
    );
    recordPart({
      part: "many-tenants",
      title: `${TENANTS} hot tenants`,
      otherCpu: others,
      figures: { tenants: TENANTS, single, spread, oneHotMb, allHotMb, perTenantMb },
      targets: [
        target(`get-session spread across ${TENANTS} tenants / one tenant`, ratio, ">= 0.8"),
        target("RSS per hot tenant", perTenantMb, "<= 0.5", "MB"),
      ],
    });
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
