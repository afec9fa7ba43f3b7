import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort, startServer, type ServerProcess } from "../support/server-process";
import { randomClientIp } from "./fixtures";

/**
 * A flood of sign-ins meets a bounded password hashing pool (app/auth/password-hashing): what
 * cannot be hashed within the queue is refused at once with 503 and Retry-After, counted in
 * the metrics, and everyone else signs in. One hashing thread and one waiting place make the
 * flood small enough for a test.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PASSWORD = "correct-horse-battery";
const ACCOUNTS = 8;
let server: ServerProcess;
let metricsPort: number;

test.beforeAll(async () => {
  metricsPort = await freePort();
  server = await startServer({
    PORTICO_PASSWORD_HASH_THREADS: "1",
    PORTICO_PASSWORD_HASH_QUEUE: "1",
    PORTICO_METRICS_PORT: String(metricsPort),
  });
});

test.afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

function authPost(path: string, body: unknown) {
  return fetch(`${server.origin}/t/demo/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin, "x-forwarded-for": randomClientIp() },
    body: JSON.stringify(body),
  });
}

async function rejectedHashes(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split("\n").find((entry) => entry.startsWith("portico_password_hash_rejected_total "));
  return line ? Number(line.split(" ")[1]) : 0;
}

test("sign-ins beyond the hashing queue get 503 with Retry-After at once; the rest sign in", async () => {
  const emails = Array.from({ length: ACCOUNTS }, () => `flood-${randomUUID().slice(0, 8)}@example.com`);
  // One at a time, so none of these is refused.
  for (const email of emails) {
    expect((await authPost("/sign-up/email", { email, password: PASSWORD, name: "Flood" })).status).toBe(200);
  }
  const before = await rejectedHashes();

  const answers = await Promise.all(emails.map((email) => authPost("/sign-in/email", { email, password: PASSWORD })));
  const statuses = answers.map((answer) => answer.status);
  const refused = answers.filter((answer) => answer.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status !== 503 && status !== 200)).toEqual([]);
  for (const answer of refused) {
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await answer.json()).toMatchObject({ code: "PASSWORD_HASHING_BUSY" });
  }
  expect((await rejectedHashes()) - before).toBe(refused.length);

  // Whoever was refused gets in when they retry after the flood.
  const retried = await authPost("/sign-in/email", { email: emails[statuses.indexOf(503)], password: PASSWORD });
  expect(retried.status).toBe(200);
});
