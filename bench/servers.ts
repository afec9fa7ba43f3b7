/**
 * Starting and stopping the servers the bench measures: Portico's production server (the
 * compiled build/server.js on ./build), the bare better-auth server (bench/bare-server.ts) and
 * better-auth in its default setup (bench/default-server.ts).
 * Each runs in its own process, so the load generator in the bench process never shares an
 * event loop with the server it measures.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_BUILD = path.join(ROOT, "build", "server", "index.js");
const COMPILED_SERVER = path.join(ROOT, "build", "server.js");
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export type RunningServer = { url: string; pid: number; stop(): Promise<void> };

/** Servers still running, so an interrupted or failed run can stop them all. */
const running = new Set<RunningServer>();
/** Their processes: killed when the bench exits, however it exits, so none outlives it. */
const children = new Set<ChildProcess>();
process.once("exit", () => killAllServers());

export function killAllServers(): void {
  children.forEach((child) => child.kill("SIGKILL"));
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = readdirSync(target).filter((name) => name !== "generated");
  return Math.max(stat.mtimeMs, ...entries.map((name) => newestMtime(path.join(target, name))));
}

/**
 * Builds the app when there is no server build yet (or when asked to). An existing build is
 * used as it is, even if app/ changed since (rebuilding under a running e2e suite would pull
 * its assets away), but the report then says the figures are for an older build.
 */
export function ensureBuild({ force }: { force: boolean }): string {
  if (existsSync(SERVER_BUILD) && existsSync(COMPILED_SERVER) && !force) {
    const builtAt = statSync(SERVER_BUILD).mtimeMs;
    const stale = newestMtime(path.join(ROOT, "app")) > builtAt;
    return (
      `existing build from ${new Date(builtAt).toISOString()}` +
      (stale ? ", **older than app/: run `npm run bench -- --build` to measure the current code**" : "")
    );
  }
  console.log("Building the app (npx remix vite:build)…");
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`remix vite:build failed with exit code ${result.status}`);
  const server = spawnSync("npm", ["run", "build:server"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORTICO_BUILD_DIR: "" },
  });
  if (server.status !== 0) throw new Error(`npm run build:server failed with exit code ${server.status}`);
  return "fresh build";
}

/** A port nothing listens on right now; 127.0.0.1 only. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function randomSecret(): string {
  return randomBytes(48).toString("base64url");
}

/**
 * Spawns `node <args>` and resolves once GET <readyPath> answers 200.
 * The child's output is kept (not shown) and printed only if it fails to start.
 */
async function startNodeServer(args: string[], port: number, env: Record<string, string>, readyPath: string) {
  const url = `http://127.0.0.1:${port}`;
  const script = args.at(-1)!;
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));

  const server: RunningServer = {
    url,
    pid: child.pid!,
    async stop() {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(server);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url + readyPath).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop();
  throw new Error(`${script} did not become ready on ${url}${readyPath}. Its output:\n${output}`);
}

/** Portico's production server on a fresh data directory, as an operator would run it. */
export async function startPortico({
  dataDir,
  secret,
  maxHotTenants,
}: {
  dataDir: string;
  secret: string;
  maxHotTenants: number;
}) {
  const port = await freePort();
  // The compiled server (npm run build:server), as `npm start` and the image run it.
  return startNodeServer(
    [COMPILED_SERVER],
    port,
    {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORTICO_DATA_DIR: dataDir,
      PORTICO_SECRET: secret,
      PORTICO_MAX_HOT_TENANTS: String(maxHotTenants),
      PORTICO_TRUST_PROXY: "loopback",
      PORTICO_DEMO_TENANT: "false",
      // A production build, without production's requirement for an https PUBLIC_URL.
      PORTICO_ENV: "development",
      // Production's default log level: one line per request, as an operator would have it.
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      // Never inherit a PostgreSQL URL: the comparison is SQLite against SQLite.
      DATABASE_URL: "",
    },
    "/healthz",
  );
}

/** A baseline server script on a SQLite file (bench/baseline-options.ts reads the rest). */
async function startBaseline(script: string, { dbFile, secret }: { dbFile: string; secret: string }) {
  const port = await freePort();
  return startNodeServer(
    ["--import", "tsx", script],
    port,
    { BENCH_DB_FILE: dbFile, BENCH_SECRET: secret, BENCH_PUBLIC_URL: `http://127.0.0.1:${port}` },
    "/api/auth/ok",
  );
}

/** The bare better-auth server (bench/bare-server.ts) on an already migrated SQLite file. */
export const startBare = (options: { dbFile: string; secret: string }) =>
  startBaseline("bench/bare-server.ts", options);

/** better-auth's default setup (bench/default-server.ts); it creates and migrates `dbFile`. */
export const startDefault = (options: { dbFile: string; secret: string }) =>
  startBaseline("bench/default-server.ts", options);
