/**
 * The delivery log in the console (issue 21): each attempt shows the request as sent (headers,
 * signature included, and the payload) beside the receiver's answer. Delivering to a local
 * receiver needs PORTICO_WEBHOOKS_ALLOW_PRIVATE, which the shared e2e server does not have, so
 * this test runs a server of its own.
 */
import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { repoRoot, startServer, type ServerProcess } from "../support/server-process";
import { PASSWORD } from "./fixtures";

let server: ServerProcess;
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "x-receiver": "billing-v2", "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  server = await startServer({ PORTICO_WEBHOOKS_ALLOW_PRIVATE: "true" });
});

test.afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

test("a delivery shows the request as sent, signature and payload, beside the receiver's answer", async ({
  browser,
}) => {
  test.slow(); // a server of its own to start on a shared 2-core runner
  const context = await browser.newContext({ baseURL: server.origin });
  const page = await context.newPage();
  const email = `owner-${Date.now()}@example.com`;
  const signUp = await page.request.post("/api/platform/auth/sign-up/email", {
    data: { name: "Owner", email, password: PASSWORD },
    headers: { origin: server.origin },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "scripts/tenant.ts", "add-member", "demo", email, "--role", "owner"],
    { cwd: repoRoot, env: server.env, timeout: 30_000 },
  );

  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  await page.goto("/admin/demo/webhooks");
  await page.getByLabel("Endpoint URL").fill(hook);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByRole("link", { name: hook }).click();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("list", { name: "Deliveries" }).getByText("succeeded")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("list", { name: "Deliveries" }).locator("summary").filter({ hasText: "webhook.test" }).click();

  const [got] = received;
  const request = page.getByRole("region", { name: "Request of attempt 1" });
  const sentHeaders = request.getByRole("definition");
  for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    const row = request.getByRole("term").filter({ hasText: new RegExp(`^${name}$`) });
    await expect(row).toBeVisible();
    await expect(sentHeaders.filter({ hasText: String(got!.headers[name]) })).toHaveCount(1);
  }
  const payload = JSON.parse(got!.body) as { type: string; data: { message: string } };
  expect(payload.type).toBe("webhook.test");
  await expect(request.getByText(payload.data.message)).toBeVisible();

  const response = page.getByRole("region", { name: "Response of attempt 1" });
  await expect(response.getByRole("definition").filter({ hasText: "billing-v2" })).toBeVisible();
  await expect(response.getByText("thanks")).toBeVisible();
  await context.close();
});
