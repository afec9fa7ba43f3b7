import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A Portico server of a test's own (its environment, its data directory, its log), started
 * the way production starts it: the compiled server of the e2e run's build.
 */
export type ServerProcess = {
  origin: string;
  port: number;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  log: () => string;
  /** SIGTERM, then its exit code. */
  stop: () => Promise<number | null>;
};

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startServer(
  extraEnv: Record<string, string> = {},
  { timeoutMs = 60_000 } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const buildDir = process.env.PORTICO_E2E_BUILD_DIR!;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: origin,
    PORTICO_BUILD_DIR: buildDir,
    PORTICO_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "portico-server-")),
    PORTICO_TRUST_PROXY: "loopback",
    PORTICO_DEMO_TENANT: "true",
    NODE_ENV: "production" as const,
    PORTICO_ENV: "development",
    LOG_FORMAT: "json",
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    ...extraEnv,
  };
  const child = spawn(process.execPath, [path.join(buildDir, "server.js")], { cwd: repoRoot, env });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${origin}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not start:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    port,
    env,
    child,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
