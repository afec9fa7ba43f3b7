import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";

/**
 * A Portico process from the e2e build on its own port and data directory, for tests that
 * SIGKILL it and start it again on the same data (webhooks-crash, events-crash).
 */
export function killableApp(dataDir: string, secretSeed: string) {
  const port = 41_000 + Math.floor(Math.random() * 9_000);
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: origin,
    PORTICO_BUILD_DIR: process.env.PORTICO_E2E_BUILD_DIR,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_SECRET: `${secretSeed}-deployment-secret-`.padEnd(48, "k"),
    PORTICO_WEBHOOKS_ALLOW_PRIVATE: "true",
    PORTICO_TRUST_PROXY: "loopback",
    PORTICO_ENV: "development",
    NODE_ENV: "production",
    DATABASE_URL: "",
  };
  const repoRoot = path.resolve(import.meta.dirname, "../..");
  return {
    origin,
    env,
    repoRoot,
    /** Starts the server and waits until it answers /healthz. */
    async start(): Promise<ChildProcess> {
      const app = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: repoRoot, env, stdio: "ignore" });
      await expect
        .poll(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.status, { timeout: 30_000 })
        .toBe(200);
      return app;
    },
  };
}
