import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { killableApp } from "../support/killable-app";
import { startWebhookReceiver } from "../support/webhook-receiver";

/**
 * One change, its audit entry and its webhook, never one without the others: a Portico
 * process is SIGKILLed in the middle of a burst of sign-ups and started again; every user in
 * the tenant's database then has its `user.created` audit entry and webhook, once each
 * (decision 0033: the event is written in the tenant's database before the user, and published
 * when the tenant is next opened if the process died first).
 */
const execFileAsync = promisify(execFile);
const BURST = 80;
const PARALLEL = 8;

test.describe.configure({ timeout: 180_000 });

test("killing the app mid-burst of sign-ups loses neither an audit entry nor a webhook", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-events-crash-"));
  const receiver = await startWebhookReceiver();
  const server = killableApp(dataDir, "events-crash");
  const { origin, env } = server;
  const startApp = () => server.start();
  const script = async (code: string) => {
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: server.repoRoot,
      env,
      timeout: 60_000,
    });
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as unknown;
  };

  await script(`
    const { getPortico } = await import("./app/context.server.ts");
    const { createEndpoint } = await import("./app/webhooks/endpoints.server.ts");
    const { tenants, storage, webhooks } = getPortico();
    const tenant = await tenants.create({ slug: "burst", name: "Burst", config: { rateLimit: { max: 100000 } } });
    await createEndpoint(tenant.id, { url: "${receiver.url}", description: "", eventTypes: ["user.created"] }, webhooks);
    await storage.close();
    console.log(JSON.stringify(tenant.id));`);

  let app = await startApp();
  try {
    let next = 0;
    let created = 0;
    const signUps = async () => {
      while (next < BURST) {
        const n = next++;
        const response = await fetch(`${origin}/t/burst/api/auth/sign-up/email`, {
          method: "POST",
          headers: { origin, "content-type": "application/json", "x-forwarded-for": `10.9.${n >> 8}.${n & 255}` },
          body: JSON.stringify({
            email: `burst-${n}@example.com`,
            password: "correct horse battery",
            name: `Burst ${n}`,
          }),
        }).catch(() => null);
        if (response?.ok) created++;
      }
    };
    const burst = Promise.all(Array.from({ length: PARALLEL }, signUps));
    await expect.poll(() => created, { timeout: 60_000, intervals: [10] }).toBeGreaterThanOrEqual(15);
    app.kill("SIGKILL");
    await new Promise((resolve) => app.once("exit", resolve));
    await burst;
    expect(created).toBeLessThan(BURST);

    app = await startApp();
    // Opening the tenant (any page of it) publishes what the dead process left.
    expect((await fetch(`${origin}/t/burst/sign-in`)).status).toBe(200);

    const read = `
      const { getPortico } = await import("./app/context.server.ts");
      const { tenants, storage, audit } = getPortico();
      const tenant = await tenants.requireBySlug("burst");
      const { db } = await storage.openTenantDatabase(tenant.id);
      const users = (await db.user.findMany({ select: { id: true } })).map((u) => u.id);
      const entries = await audit.list({ tenantId: tenant.id, type: "user.created", limit: 1000 });
      console.log(JSON.stringify({ users, audited: entries.map((e) => e.targetId) }));
      process.exit(0);`;
    let state = (await script(read)) as { users: string[]; audited: string[] };
    await expect
      .poll(
        async () => {
          state = (await script(read)) as { users: string[]; audited: string[] };
          return [...state.audited].sort();
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toEqual([...state.users].sort());
    expect(state.users.length).toBeGreaterThanOrEqual(15);

    // Each user's webhook arrives, once (a delivery the dead process had in flight may repeat
    // with the same webhook-id: at least once; the message itself is never duplicated).
    const webhookUsers = () => {
      const byMessage = new Map<string, string>();
      for (const { body, headers } of receiver.received) {
        byMessage.set(String(headers["webhook-id"]), (JSON.parse(body) as { data: { userId: string } }).data.userId);
      }
      return [...byMessage.values()].sort();
    };
    await expect.poll(webhookUsers, { timeout: 90_000, intervals: [500] }).toEqual([...state.users].sort());
  } finally {
    app.kill("SIGKILL");
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
