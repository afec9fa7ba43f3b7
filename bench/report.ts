/**
 * `npm run bench`'s report (bench/run.ts): the ratios first (what issue 17 sets targets for),
 * then the figures they come from, the cold starts, and how much of the machine other processes
 * took during each part. Markdown for people, or the same as JSON (`--json`).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Throughput } from "./client";
import { CONNECTIONS, DURATION_S, HIGH_CONNECTIONS, WARMUP_S } from "./options";
import { ROOT } from "./servers";

/** A measurement, with the share of the machine's CPU that other processes took meanwhile. */
export type Measured<T> = T & { otherCpu: number | null };
/** get-session on one server at CONNECTIONS and at HIGH_CONNECTIONS. */
export type ServerLoad = { low: Measured<Throughput>; high: Measured<Throughput> };
export type ColdStart = { cold: number[]; warm: number[] };
export type Results = {
  portico: ServerLoad;
  bare: ServerLoad;
  defaultSetup: ServerLoad;
  start: Measured<ColdStart>;
};

/** Above this share of the machine taken by other processes, the figures are flagged. */
const BUSY_THRESHOLD = 0.1;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((x, y) => x - y);
  if (p === 50 && sorted.length % 2 === 0) {
    return (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  }
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function packageVersion(name: string): string {
  const file = path.join(ROOT, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const ratio = (a: Throughput, b: Throughput) => round(a.requestsPerSecond / b.requestsPerSecond, 2);

/** Every figure of the run, as `--json` prints it and the markdown shows it. */
export function reportJson({ portico, bare, defaultSetup, start }: Results, buildNote: string) {
  const cpu = os.cpus();
  const part = (load: Measured<Throughput>) => ({
    requestsPerSecond: round(load.requestsPerSecond, 0),
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    requests: load.total,
    otherCpu: load.otherCpu === null ? null : round(load.otherCpu, 2),
  });
  const server = (load: ServerLoad) => ({ [CONNECTIONS]: part(load.low), [HIGH_CONNECTIONS]: part(load.high) });
  const otherCpu = [portico, bare, defaultSetup].flatMap((load) => [load.low.otherCpu, load.high.otherCpu]);
  return {
    date: new Date().toISOString(),
    machine: `${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${os.platform()} ${os.arch()}`,
    node: process.version,
    betterAuth: packageVersion("better-auth"),
    autocannon: packageVersion("autocannon"),
    build: buildNote.replaceAll("**", ""),
    load: { connections: [CONNECTIONS, HIGH_CONNECTIONS], durationS: DURATION_S, warmUpS: WARMUP_S },
    ratios: {
      porticoToDefault: {
        [CONNECTIONS]: ratio(portico.low, defaultSetup.low),
        [HIGH_CONNECTIONS]: ratio(portico.high, defaultSetup.high),
      },
      porticoToBare: {
        [CONNECTIONS]: ratio(portico.low, bare.low),
        [HIGH_CONNECTIONS]: ratio(portico.high, bare.high),
      },
    },
    getSession: { portico: server(portico), bare: server(bare), default: server(defaultSetup) },
    coldStart: {
      evictedMedianMs: round(percentile(start.cold, 50), 1),
      evictedP95Ms: round(percentile(start.cold, 95), 1),
      warmMedianMs: round(percentile(start.warm, 50), 1),
      samples: start.cold.length,
      otherCpu: start.otherCpu === null ? null : round(start.otherCpu, 2),
    },
    busy: [...otherCpu, start.otherCpu].some((share) => share !== null && share > BUSY_THRESHOLD),
  };
}

const percent = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

export function report(results: Results, buildNote: string): string {
  const json = reportJson(results, buildNote);
  const low = CONNECTIONS;
  const high = HIGH_CONNECTIONS;
  const servers = [
    ["Portico (`GET /t/<slug>/api/auth/get-session`)", json.getSession.portico],
    ["bare better-auth, Portico's Prisma adapter (`bench/bare-server.ts`)", json.getSession.bare],
    ["better-auth default setup, Kysely on better-sqlite3 (`bench/default-server.ts`)", json.getSession.default],
  ] as const;
  const { ratios, coldStart } = json;
  return [
    `## Portico bench, ${json.date}`,
    "",
    `Machine: ${json.machine}, Node ${json.node}, better-auth ${json.betterAuth}, SQLite (better-sqlite3), ${buildNote}.`,
    `Load: autocannon ${json.autocannon}, ${low} and ${high} connections, ${DURATION_S} s each per server after ` +
      `${WARMUP_S} s of warm-up; load generator and server share the machine; every answer checked 2xx.`,
    json.busy
      ? "**Warning: the machine was busy with other work (other processes above 10% of the CPU in a part); compare ratios, not req/s.**"
      : "",
    "",
    `| Ratio (get-session throughput) | ${low} connections | ${high} connections |`,
    "| --- | ---: | ---: |",
    `| **Portico / better-auth default setup** | **${ratios.porticoToDefault[low]}** | **${ratios.porticoToDefault[high]}** |`,
    `| **Portico / bare better-auth (Prisma)** | **${ratios.porticoToBare[low]}** | **${ratios.porticoToBare[high]}** |`,
    "",
    `| get-session | req/s, ${low} conn. | p50 / p99 ms | req/s, ${high} conn. | p50 / p99 ms | other CPU (${low} / ${high}) |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...servers.map(([name, figures]) => {
      const [a, b] = [figures[low]!, figures[high]!];
      return `| ${name} | ${a.requestsPerSecond} | ${a.p50Ms} / ${a.p99Ms} | ${b.requestsPerSecond} | ${b.p50Ms} / ${b.p99Ms} | ${percent(a.otherCpu)} / ${percent(b.otherCpu)} |`;
    }),
    "",
    "| Cold start | Value | Unit |",
    "| --- | ---: | --- |",
    `| Evicted tenant, first request, median (n=${coldStart.samples}) | ${coldStart.evictedMedianMs} | ms |`,
    `| Evicted tenant, first request, p95 (n=${coldStart.samples}) | ${coldStart.evictedP95Ms} | ms |`,
    `| Warm tenant, request, median (n=${coldStart.samples}) | ${coldStart.warmMedianMs} | ms |`,
    `| Other processes' CPU during the cold starts | ${percent(coldStart.otherCpu)} | |`,
  ].join("\n");
}
