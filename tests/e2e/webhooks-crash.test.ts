import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { startSlowWebhookReceiver } from "../support/slow-webhook-receiver";

/**
 * At least once, never lost: a second Portico process from the same production build, with
 * its own data directory, is SIGKILLed in the middle of a burst of webhook deliveries and
 * started again; every event reaches the receiver. Deliveries the dead process had claimed
 * come back when their claim lease (60 s) runs out, so this test takes a little over a minute.
 */
const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const BURST = 150;

test.describe.configure({ timeout: 180_000 });

test("killing the app mid-burst loses no webhook event", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-crash-"));
  // A slow receiver keeps deliveries in flight when the process dies.
  const receiver = await startSlowWebhookReceiver(150);
  const { received } = receiver;
  const appPort = 41_000 + Math.floor(Math.random() * 9_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(appPort),
    PUBLIC_URL: `http://127.0.0.1:${appPort}`,
    PORTICO_BUILD_DIR: process.env.PORTICO_E2E_BUILD_DIR,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_SECRET: "crash-test-deployment-secret-".padEnd(48, "c"),
    PORTICO_WEBHOOKS_ALLOW_PRIVATE: "true",
    PORTICO_ENV: "development",
    NODE_ENV: "production",
    DATABASE_URL: "",
  };
  const startApp = async (): Promise<ChildProcess> => {
    const app = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: repoRoot, env, stdio: "ignore" });
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${appPort}/healthz`).catch(() => null))?.status, {
        timeout: 30_000,
      })
      .toBe(200);
    return app;
  };

  let app = await startApp();
  try {
    // The burst is queued straight into the outbox, as the app's own event paths do.
    const { stdout } = await execFileAsync(
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
        const tenant = await tenants.create({ slug: "crash", name: "Crash" });
        await createEndpoint(tenant.id, { url: "${receiver.url}", description: "", eventTypes: ["*"] }, getPortico().webhooks);
        const ids = [];
        for (let i = 0; i < ${BURST}; i++) ids.push((await enqueueEvent(tenant.id, "user.updated", { n: i }, getPortico().webhooks)).messageId);
        console.log(JSON.stringify(ids));
        await storage.close();`,
      ],
      { cwd: repoRoot, env, timeout: 60_000 },
    );
    const sent = JSON.parse(stdout.trim().split("\n").at(-1)!) as string[];
    expect(sent).toHaveLength(BURST);

    await expect.poll(() => received.size, { timeout: 30_000, intervals: [50] }).toBeGreaterThanOrEqual(20);
    app.kill("SIGKILL");
    await new Promise((resolve) => app.once("exit", resolve));
    const beforeRestart = received.size;
    expect(beforeRestart).toBeLessThan(BURST);

    app = await startApp();
    await expect.poll(() => received.size, { timeout: 120_000, intervals: [500] }).toBe(BURST);
    expect([...received.keys()].sort()).toEqual([...sent].sort());
  } finally {
    app.kill("SIGKILL");
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
