import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

/**
 * SIGTERM on a busy instance: a Portico process from the production build, with slow uploads
 * in flight and webhook deliveries held open by a slow receiver, is told to stop. New
 * connections are refused at once, every request in flight gets its answer, every claimed
 * delivery is finished and its claim cleared, and the process exits 0.
 */
const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const RECEIVER_DELAY_MS = 2_500;
const EVENTS = 3;
const SLOW_REQUESTS = 3;

test.describe.configure({ timeout: 120_000 });

/** A POST whose body arrives in pieces over ~2 s; resolves with the answer's status. */
function slowUpload(port: number, sentFirstChunk: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/v1/users",
        headers: {
          "content-type": "application/json",
          authorization: "Bearer not-a-key",
          "transfer-encoding": "chunked",
        },
      },
      (res: IncomingMessage) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    const parts = ['{"email":', '"slow@', 'shutdown.test",', '"name":"Slow"}'];
    req.write(parts[0]);
    sentFirstChunk();
    let i = 1;
    const timer = setInterval(() => {
      req.write(parts[i++]);
      if (i === parts.length) {
        clearInterval(timer);
        req.end();
      }
    }, 700);
  });
}

test("SIGTERM lets in-flight requests and deliveries finish, leaves nothing claimed, exits 0", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-shutdown-"));
  let inFlight = 0;
  let delivered = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      inFlight++;
      setTimeout(() => {
        delivered++;
        res.writeHead(204).end();
      }, RECEIVER_DELAY_MS);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverPort = (receiver.address() as AddressInfo).port;
  const appPort = 41_000 + Math.floor(Math.random() * 9_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    PUBLIC_URL: `http://127.0.0.1:${appPort}`,
    PORTICO_BUILD_DIR: process.env.PORTICO_E2E_BUILD_DIR,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_SECRET: "shutdown-test-deployment-secret-".padEnd(48, "s"),
    PORTICO_WEBHOOKS_ALLOW_PRIVATE: "true",
    PORTICO_SHUTDOWN_TIMEOUT: "20",
    PORTICO_ENV: "development",
    NODE_ENV: "production",
    DATABASE_URL: "",
  };
  const app = spawn(process.execPath, [path.join(process.env.PORTICO_E2E_BUILD_DIR!, "server.js")], {
    cwd: repoRoot,
    env,
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  try {
    const base = `http://127.0.0.1:${appPort}`;
    await expect
      .poll(async () => (await fetch(`${base}/readyz`).catch(() => null))?.status, { timeout: 30_000 })
      .toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      status: "ok",
      checks: { control_database: "ok", migrations: "ok" },
    });

    // Events queued into the outbox as the app's own event paths do; the running app delivers them.
    await execFileAsync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `
        const { getPortico } = await import("./app/context.server.ts");
        const { createEndpoint } = await import("./app/webhooks/endpoints.server.ts");
        const { enqueueEvent } = await import("./app/webhooks/outbox.server.ts");
        const { tenants, storage } = getPortico();
        const tenant = await tenants.create({ slug: "draining", name: "Draining" });
        await createEndpoint(tenant.id, { url: "http://127.0.0.1:${receiverPort}/hook", description: "", eventTypes: ["*"] }, getPortico().webhooks);
        for (let i = 0; i < ${EVENTS}; i++) await enqueueEvent(tenant.id, "user.updated", { n: i }, getPortico().webhooks);
        await storage.close();`,
      ],
      { cwd: repoRoot, env, timeout: 60_000 },
    );
    await expect.poll(() => inFlight, { timeout: 15_000, intervals: [50] }).toBe(EVENTS);
    expect(delivered).toBe(0);

    let started = 0;
    const uploads = Array.from({ length: SLOW_REQUESTS }, () => slowUpload(appPort, () => started++));
    await expect.poll(() => started).toBe(SLOW_REQUESTS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    app.kill("SIGTERM");

    // The listener closes at once: a new connection is refused while the old ones finish.
    await expect
      .poll(
        async () =>
          await fetch(`${base}/healthz`).then(
            () => "answered",
            () => "refused",
          ),
        { timeout: 2_000 },
      )
      .toBe("refused");

    // Every slow request gets its real answer (the management API refusing a bad key).
    expect(await Promise.all(uploads)).toEqual(Array(SLOW_REQUESTS).fill(401));
    expect(await exited).toBe(0);
    expect(delivered).toBe(EVENTS);

    const db = new Database(path.join(dataDir, "control.db"), { readonly: true });
    try {
      const rows = db.prepare(`SELECT status, lockedUntil FROM webhook_delivery`).all() as {
        status: string;
        lockedUntil: unknown;
      }[];
      expect(rows).toHaveLength(EVENTS);
      expect(rows.every((row) => row.status === "succeeded" && row.lockedUntil === null)).toBe(true);
    } finally {
      db.close();
    }
  } finally {
    app.kill("SIGKILL");
    receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
