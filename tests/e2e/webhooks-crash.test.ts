import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { killableApp } from "../support/killable-app";
import { startSlowWebhookReceiver } from "../support/slow-webhook-receiver";

/**
 * At least once, never lost: a second Portico process from the same production build, with
 * its own data directory, is SIGKILLed in the middle of a burst of webhook deliveries and
 * started again; every event reaches the receiver. Deliveries the dead process had claimed
 * come back when their claim lease (60 s) runs out, so this test takes a little over a minute.
 */
const execFileAsync = promisify(execFile);
const BURST = 150;

test.describe.configure({ timeout: 180_000 });

test("killing the app mid-burst loses no webhook event", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-crash-"));
  // A slow receiver keeps deliveries in flight when the process dies.
  const receiver = await startSlowWebhookReceiver(150);
  const { received } = receiver;
  const server = killableApp(dataDir, "crash-test");
  const { env } = server;
  const startApp = () => server.start();

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
      { cwd: server.repoRoot, env, timeout: 60_000 },
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
