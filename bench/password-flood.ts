/**
 * `npm run bench`, part "password flood" (issue 17, items 2 and 3): in one run,
 *   1. the scrypt ceiling: better-auth's hash (scrypt N=16384 r=16 p=1) computed in this
 *      process on every core, in hashes/s;
 *   2. sign-ins/s with FLOOD_CONNECTIONS clients signing in as fast as they are answered,
 *      against Portico and against bare better-auth, with each server's CPU per sign-in;
 *   3. get-session throughput and p99 idle, then during that flood, on both servers.
 * Every sign-in comes from its own X-Forwarded-For address, so per-IP limits do not throttle
 * the flood (the per-account throttle never does: every password is right).
 */
import { scrypt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { measureThroughput, signUp, warmUp, type AuthTarget, type Throughput } from "./client";
import { processTicks, watchOtherCpu } from "./machine";
import { busiest, recordPart, target } from "./part-result";
import { CONNECTIONS } from "./options";
import {
  ensureBuild,
  killAllServers,
  randomSecret,
  startBare,
  startPortico,
  stopAllServers,
  type RunningServer,
} from "./servers";
import { createBareDatabase, createTenants } from "./tenants";

const FLOOD_CONNECTIONS = 20;
const FLOOD_S = 10;
const CEILING_S = 5;
const PASSWORD = "bench-password-1234";
const TICK_MS = 10; // Linux's USER_HZ: /proc reports CPU time in hundredths of a second

const tempDirs: string[] = [];
function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `portico-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** Hashes/s of better-auth's scrypt on every core of this machine, in this process. */
async function scryptCeiling(): Promise<number> {
  const threads = os.availableParallelism();
  const hashOnce = () =>
    new Promise<void>((resolve, reject) =>
      scrypt(
        PASSWORD,
        "0123456789abcdef0123456789abcdef",
        64,
        { N: 16384, r: 16, p: 1, maxmem: 128 * 16384 * 16 * 2 },
        (e) => (e ? reject(e) : resolve()),
      ),
    );
  const deadline = performance.now() + CEILING_S * 1000;
  let hashes = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: threads }, async () => {
      while (performance.now() < deadline) {
        await hashOnce();
        hashes++;
      }
    }),
  );
  return hashes / ((performance.now() - start) / 1000);
}

let addressCounter = 0;
/** A distinct client address per request (10.x.y.z), as a flood from many machines looks. */
function nextAddress(): string {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255 || 1}`;
}

type Flood = { signInsPerSecond: number; refusedPerSecond: number; serverCpuMsPerSignIn: number };

/** FLOOD_CONNECTIONS clients, each signing in to its own account again as soon as it is answered. */
async function flood(target: AuthTarget, server: RunningServer, emails: string[], seconds: number): Promise<Flood> {
  let signIns = 0;
  let refused = 0;
  const ticksBefore = processTicks(server.pid);
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    emails.map(async (email) => {
      while (performance.now() < deadline) {
        const response = await fetch(`${target.authUrl}/sign-in/email`, {
          method: "POST",
          headers: { origin: target.origin, "content-type": "application/json", "x-forwarded-for": nextAddress() },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        await response.arrayBuffer();
        if (response.status === 200) signIns++;
        else if (response.status === 503) {
          // Portico's answer when its hashing queue is full: wait as told, as a client would.
          refused++;
          await new Promise((resolve) => setTimeout(resolve, 200));
        } else throw new Error(`sign-in at ${target.authUrl} answered ${response.status}`);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpuMs = (processTicks(server.pid) - ticksBefore) * TICK_MS;
  return {
    signInsPerSecond: signIns / elapsed,
    refusedPerSecond: refused / elapsed,
    serverCpuMsPerSignIn: signIns > 0 ? cpuMs / signIns : NaN,
  };
}

async function createAccounts(target: AuthTarget): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < FLOOD_CONNECTIONS; i++) {
    const email = `flood-${i}-${Date.now()}@example.com`;
    const response = await fetch(`${target.authUrl}/sign-up/email`, {
      method: "POST",
      headers: { origin: target.origin, "content-type": "application/json", "x-forwarded-for": nextAddress() },
      body: JSON.stringify({ email, password: PASSWORD, name: "Flood" }),
    });
    if (!response.ok) throw new Error(`sign-up at ${target.authUrl} answered ${response.status}`);
    emails.push(email);
  }
  return emails;
}

type ServerFigures = { idle: Throughput; alone: Flood; underFlood: Throughput; during: Flood; otherCpu: number | null };

async function measureServer(server: RunningServer, target: AuthTarget): Promise<ServerFigures> {
  const session = await signUp(target);
  const emails = await createAccounts(target);
  const load = { connections: CONNECTIONS, durationS: FLOOD_S };
  await warmUp(session, { connections: CONNECTIONS, durationS: 2 });
  const otherCpu = watchOtherCpu([process.pid, server.pid]);
  const idle = await measureThroughput(session, load);
  const alone = await flood(target, server, emails, FLOOD_S);
  const [underFlood, during] = await Promise.all([
    measureThroughput(session, load),
    flood(target, server, emails, FLOOD_S),
  ]);
  return { idle, alone, underFlood, during, otherCpu: otherCpu() };
}

async function porticoFigures(): Promise<ServerFigures> {
  const dataDir = tempDir("flood-portico");
  const secret = randomSecret();
  await createTenants(dataDir, secret, ["flood"]);
  const server = await startPortico({ dataDir, secret, maxHotTenants: 10 });
  try {
    return await measureServer(server, { origin: server.url, authUrl: `${server.url}/t/flood/api/auth` });
  } finally {
    await server.stop();
  }
}

async function bareFigures(): Promise<ServerFigures> {
  const dbFile = await createBareDatabase(tempDir("flood-bare"));
  const server = await startBare({ dbFile, secret: randomSecret() });
  try {
    return await measureServer(server, { origin: server.url, authUrl: `${server.url}/api/auth` });
  } finally {
    await server.stop();
  }
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const percent = (share: number | null) => (share === null ? "n/a" : `${fixed(share * 100, 0)}%`);

function report(ceiling: number, portico: ServerFigures, bare: ServerFigures): string {
  const rows: [string, string, string][] = [
    [
      "**Portico sign-ins / scrypt ceiling** (flood alone)",
      `**${fixed(portico.alone.signInsPerSecond / ceiling, 2)}**`,
      "ratio",
    ],
    [
      "**Portico CPU per sign-in / bare's**",
      `**${fixed(portico.alone.serverCpuMsPerSignIn / bare.alone.serverCpuMsPerSignIn, 2)}**`,
      "ratio",
    ],
    [
      "**Portico get-session under the flood / idle**",
      `**${fixed(portico.underFlood.requestsPerSecond / portico.idle.requestsPerSecond, 2)}**`,
      "ratio",
    ],
    [
      "**Portico sign-ins during get-session load / scrypt ceiling**",
      `**${fixed(portico.during.signInsPerSecond / ceiling, 2)}**`,
      "ratio",
    ],
    [
      "Bare get-session under the flood / idle",
      fixed(bare.underFlood.requestsPerSecond / bare.idle.requestsPerSecond, 2),
      "ratio",
    ],
    ["Scrypt ceiling (better-auth's parameters, every core, in-process)", fixed(ceiling), "hashes/s"],
    [
      "Sign-ins, flood alone: Portico / bare",
      `${fixed(portico.alone.signInsPerSecond)} / ${fixed(bare.alone.signInsPerSecond)}`,
      "per s",
    ],
    [
      "Server CPU per sign-in: Portico / bare",
      `${fixed(portico.alone.serverCpuMsPerSignIn)} / ${fixed(bare.alone.serverCpuMsPerSignIn)}`,
      "ms",
    ],
    [
      "Portico sign-ins refused with 503 (flood alone / with get-session)",
      `${fixed(portico.alone.refusedPerSecond)} / ${fixed(portico.during.refusedPerSecond)}`,
      "per s",
    ],
    [
      "get-session idle: Portico / bare",
      `${fixed(portico.idle.requestsPerSecond, 0)} / ${fixed(bare.idle.requestsPerSecond, 0)}`,
      "req/s",
    ],
    [
      "get-session under the flood: Portico / bare",
      `${fixed(portico.underFlood.requestsPerSecond, 0)} / ${fixed(bare.underFlood.requestsPerSecond, 0)}`,
      "req/s",
    ],
    [
      "get-session p99 under the flood: Portico / bare",
      `${fixed(portico.underFlood.p99Ms)} / ${fixed(bare.underFlood.p99Ms)}`,
      "ms",
    ],
    [
      "Sign-ins during get-session load: Portico / bare",
      `${fixed(portico.during.signInsPerSecond)} / ${fixed(bare.during.signInsPerSecond)}`,
      "per s",
    ],
  ];
  return [
    `## Password flood, ${new Date().toISOString()}`,
    "",
    `${os.availableParallelism()} cores; flood: ${FLOOD_CONNECTIONS} clients signing in for ${FLOOD_S} s; get-session: ` +
      `${CONNECTIONS} connections. CPU used by other processes: Portico part ${percent(portico.otherCpu)}, bare part ${percent(bare.otherCpu)}.`,
    "",
    "| Measurement | Value | Unit |",
    "| --- | ---: | --- |",
    ...rows.map(([name, value, unit]) => `| ${name} | ${value} | ${unit} |`),
  ].join("\n");
}

async function main() {
  ensureBuild({ force: false });
  console.log(`Measuring the scrypt ceiling (${CEILING_S} s)…`);
  const ceiling = await scryptCeiling();
  console.log(`Measuring Portico under a password flood (${FLOOD_S * 3} s)…`);
  const portico = await porticoFigures();
  console.log(`Measuring bare better-auth under a password flood (${FLOOD_S * 3} s)…`);
  const bare = await bareFigures();
  console.log("\n" + report(ceiling, portico, bare));
  recordPart({
    part: "password-flood",
    title: "Sign-in under a password flood",
    otherCpu: busiest([portico.otherCpu, bare.otherCpu]),
    figures: { scryptCeilingPerSecond: ceiling, portico, bare },
    targets: [
      target("Sign-ins / scrypt ceiling (flood alone)", portico.alone.signInsPerSecond / ceiling, ">= 0.85"),
      target(
        "CPU per sign-in / bare better-auth's",
        portico.alone.serverCpuMsPerSignIn / bare.alone.serverCpuMsPerSignIn,
        "<= 1.1",
      ),
      target(
        "get-session under the flood / idle",
        portico.underFlood.requestsPerSecond / portico.idle.requestsPerSecond,
        ">= 0.5",
      ),
      target("get-session p99 under the flood", portico.underFlood.p99Ms, "<= 100", "ms"),
      target("Sign-ins during get-session load / scrypt ceiling", portico.during.signInsPerSecond / ceiling, ">= 0.8"),
    ],
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

try {
  await main();
} finally {
  await stopAllServers();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
