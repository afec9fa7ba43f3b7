import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Provider } from "~/db/paths.server";
import { PostgresStorage } from "~/db/postgres-storage.server";
import { SqliteStorage } from "~/db/sqlite-storage.server";
import type { Storage } from "~/db/storage.server";
import { EmailOutbox } from "~/email/outbox.server";
import { MailServers } from "~/email/mail-servers.server";
import { emailKind, RETRY_DELAYS_MS } from "~/email/sender.server";
import { OutboxSeal } from "~/outbox/seal.server";
import { claimDue } from "~/outbox/claims.server";
import { INTERRUPTED_ERROR, OutboxEngine } from "~/outbox/engine.server";
import type { SmsGateway } from "~/sms/config.server";
import { SmsOutbox } from "~/sms/outbox.server";
import { SMS_MAX_ATTEMPTS, smsKind } from "~/sms/sender.server";
import type { WebhookDeps } from "~/webhooks/deps.server";
import { RETRY_SCHEDULE_MS, webhookKind } from "~/webhooks/dispatcher.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createEndpoint } from "~/webhooks/endpoints.server";
import { enqueueEvent } from "~/webhooks/outbox.server";
import { createTestStorage, randomTenantId, rawPostgres, testProviders, type TestStorage } from "../support/storage";
import { startTwilioReceiver, type TwilioReceiver } from "../support/twilio-receiver";
import { metricsText } from "~/ops/metrics.server";
import { readOutboxBacklog } from "~/ops/outbox-backlog.server";

/**
 * The one outbox engine (app/outbox) through the real kinds it runs: webhook deliveries to a
 * real HTTP receiver and text messages to a real Twilio-compatible one, on real SQLite and
 * PostgreSQL tables. What a user would notice: a failing receiver is retried on schedule and
 * then given up on, a crashed process's messages still arrive (once), a shutdown leaves
 * nothing stuck, and several server processes never send one message twice.
 */
const SECRET = "outbox-engine-test-deployment-secret".padEnd(48, "e");
const SMS_LOGIN = { accountSid: "AC00000000000000000000000000000042", authToken: "engine-test-token" };
const PHONE = "+4915123456789";

/** A real webhook receiver: counts each event id, answers `status` after `holdMs`. */
class CountingReceiver {
  readonly counts = new Map<string, number>();
  requests = 0;
  status = 204;
  holdMs = 0;
  #server?: Server;
  url = "";

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        this.requests++;
        const id = String(request.headers["webhook-id"]);
        setTimeout(() => {
          this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
          response.writeHead(this.status).end();
        }, this.holdMs);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}

// The receivers listen on 127.0.0.1.
beforeAll(() => vi.stubEnv("PORTICO_WEBHOOKS_ALLOW_PRIVATE", "true"));
afterAll(() => vi.unstubAllEnvs());

describe.each(testProviders())("the outbox engine on %s", (provider: Provider) => {
  let test: TestStorage;
  let deps: WebhookDeps;
  let receiver: CountingReceiver;
  let tenantId: string;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    deps = { storage: test.storage, deploymentSecret: SECRET };
  });
  afterAll(() => test?.cleanup());
  beforeEach(async () => {
    tenantId = randomTenantId();
    receiver = new CountingReceiver();
    await receiver.start();
    const db = await test.storage.control();
    await db.webhookDelivery.deleteMany();
    await db.smsMessage.deleteMany();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  const control = () => test.storage.control();
  const webhookEngine = (storage: Storage = test.storage, options?: { now?: () => Date; random?: () => number }) =>
    new OutboxEngine(storage, webhookKind({ ...deps, storage }), options);
  async function queueEvents(count: number): Promise<string[]> {
    await createEndpoint(tenantId, { url: receiver.url, description: "", eventTypes: ["*"] }, deps);
    const ids: string[] = [];
    for (let n = 0; n < count; n++) ids.push((await enqueueEvent(tenantId, "user.created", { n }, deps)).messageId);
    return ids;
  }

  it("retries a failing receiver on the backoff schedule with jitter, then gives up after the last attempt", async () => {
    receiver.status = 503;
    let now = new Date(Date.now() + 1_000);
    // The top of the ±10 % jitter, so every wait is exactly 1.1 × the schedule's.
    const engine = webhookEngine(test.storage, { now: () => now, random: () => 1 });
    await queueEvents(1);

    const waits: number[] = [];
    for (let attempt = 1; attempt <= RETRY_SCHEDULE_MS.length; attempt++) {
      expect(await engine.deliverDue()).toMatchObject({ claimed: 1 });
      const delivery = await (await control()).webhookDelivery.findFirstOrThrow({ where: { tenantId } });
      expect(delivery).toMatchObject({ attempts: attempt, lastStatus: 503, lockedUntil: null });
      if (delivery.status === "failed") break;
      waits.push(delivery.nextAttemptAt.getTime() - now.getTime());
      // Not due a moment before its time…
      now = new Date(delivery.nextAttemptAt.getTime() - 1);
      expect(await engine.deliverDue()).toMatchObject({ claimed: 0 });
      // …due at it.
      now = delivery.nextAttemptAt;
    }
    // Each wait is 1.1 × the schedule's (to the millisecond the database keeps).
    expect(waits).toHaveLength(RETRY_SCHEDULE_MS.length - 1);
    for (const [n, wait] of waits.entries()) expect(Math.abs(wait - RETRY_SCHEDULE_MS[n + 1]! * 1.1)).toBeLessThan(1);

    const dead = await (await control()).webhookDelivery.findFirstOrThrow({ where: { tenantId } });
    expect(dead).toMatchObject({ status: "failed", attempts: RETRY_SCHEDULE_MS.length, lastStatus: 503 });
    expect(dead.completedAt).toEqual(now);
    expect(receiver.requests).toBe(RETRY_SCHEDULE_MS.length);
    // The dead letter stays for the console and is never tried again.
    now = new Date(now.getTime() + 30 * 24 * 3_600_000);
    expect(await engine.deliverDue()).toMatchObject({ claimed: 0 });
    expect(receiver.requests).toBe(RETRY_SCHEDULE_MS.length);
  });

  it("counts each delivery by kind and outcome for /metrics, and reports the backlog", async () => {
    const series = async (outcome: string) =>
      Number(
        new RegExp(`^portico_outbox_deliveries_total\\{kind="webhook",outcome="${outcome}"\\} (\\d+)$`, "m").exec(
          await metricsText(),
        )?.[1] ?? 0,
      );
    const [delivered, retrying] = [await series("delivered"), await series("retrying")];
    await queueEvents(2);
    expect(await readOutboxBacklog(test.storage)).toContainEqual(
      expect.objectContaining({ kind: "webhook", depth: 2 }),
    );
    receiver.status = 503;
    await webhookEngine().deliverDue();
    expect(await series("retrying")).toBe(retrying + 2);
    receiver.status = 200;
    await (await control()).webhookDelivery.updateMany({ data: { nextAttemptAt: new Date() } });
    await webhookEngine().deliverDue();
    expect(await series("delivered")).toBe(delivered + 2);
    expect(await readOutboxBacklog(test.storage)).toContainEqual({ kind: "webhook", depth: 0, oldestAgeSeconds: 0 });
  });

  describe("with text messages", () => {
    let twilio: TwilioReceiver;
    let now: Date;
    const seal = new OutboxSeal(SECRET);
    beforeAll(async () => {
      twilio = await startTwilioReceiver(SMS_LOGIN);
    });
    afterAll(async () => {
      await twilio.close();
    });
    beforeEach(() => {
      twilio.received.length = 0;
      now = new Date("2031-03-01T12:00:00Z");
    });

    const gateway = (): SmsGateway => ({ ...SMS_LOGIN, from: "+15005550006", baseUrl: twilio.baseUrl });
    const smsEngine = () => new OutboxEngine(test.storage, smsKind(test.storage, gateway(), seal), { now: () => now });
    const queueText = () =>
      new SmsOutbox(test.storage, true, () => now, { seal }).send({
        tenantId: null,
        to: PHONE,
        body: "246810 is your code.",
      });
    /** What a process that claims the text and then dies (SIGKILL, out of memory) leaves behind. */
    const claimAndCrash = () =>
      claimDue(test.storage, {
        table: "sms_message",
        pendingStatus: "queued",
        now,
        lease: new Date(now.getTime() + 60_000),
        limit: 10,
      });

    it("delivers a crashed process's message once its lease runs out, and exactly once", async () => {
      const id = await queueText();
      expect(await claimAndCrash()).toHaveLength(1);

      // Held by the dead process until its lease runs out: no one else sends it meanwhile.
      now = new Date(now.getTime() + 59_000);
      expect(await smsEngine().deliverDue()).toMatchObject({ claimed: 0 });
      expect(twilio.received).toHaveLength(0);

      now = new Date(now.getTime() + 1_001);
      const passes = await Promise.all([smsEngine().deliverDue(), smsEngine().deliverDue()]);
      expect(passes.map((pass) => pass.delivered).sort()).toEqual([0, 1]);
      expect(twilio.received.map((sms) => sms.body)).toEqual(["246810 is your code."]);
      // The interrupted attempt counts; the delivered code leaves the database.
      const row = await (await control()).smsMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "sent", attempts: 2, lockedUntil: null, sealed: null, sentAt: now });
    });

    it("gives up, without sending it again, on a message every attempt at which was cut short", async () => {
      const id = await queueText();
      for (let crash = 1; crash <= SMS_MAX_ATTEMPTS; crash++) {
        expect(await claimAndCrash()).toHaveLength(1);
        now = new Date(now.getTime() + 60_001);
      }
      expect(await smsEngine().deliverDue()).toEqual({
        claimed: 1,
        delivered: 0,
        retrying: 0,
        failed: 1,
        withdrawn: 0,
      });
      expect(twilio.received).toHaveLength(0);
      const row = await (await control()).smsMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "failed", lastError: INTERRUPTED_ERROR, lockedUntil: null, sealed: null });
    });

    it("gives back a batch it claimed while being stopped, untouched and due for the next process", async () => {
      const id = await queueText();
      const before = await (await control()).smsMessage.findUniqueOrThrow({ where: { id } });
      let asked = 0;
      // Asked before the claim (go on) and after it (stop): the claim is given back unsent.
      expect(await smsEngine().deliverDue(() => asked++ === 0)).toMatchObject({ claimed: 0, delivered: 0 });
      expect(twilio.received).toHaveLength(0);
      const after = await (await control()).smsMessage.findUniqueOrThrow({ where: { id } });
      expect(after).toEqual(before);
      expect(await smsEngine().deliverDue()).toMatchObject({ claimed: 1, delivered: 1 });
    });
  });

  it("cuts off a send that outlasts its deadline (a mail server answering a byte at a time) and moves on", async () => {
    // A mail server that never finishes its greeting, but never falls silent either: the
    // transport's own timeouts only bound silence.
    const sockets = new Set<Socket>();
    const dripping = createNetServer((socket) => {
      sockets.add(socket);
      const drip = setInterval(() => socket.write("2"), 50);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        clearInterval(drip);
        sockets.delete(socket);
      });
    });
    await new Promise<void>((resolve) => dripping.listen(0, "127.0.0.1", resolve));
    try {
      const now = new Date("2031-03-01T12:00:00Z");
      const smtpUrl = `smtp://127.0.0.1:${(dripping.address() as AddressInfo).port}`;
      const servers = new MailServers(new TenantService(test.storage, SECRET), {
        smtpUrl,
        smtpFrom: "no-reply@engine.test",
      });
      const outbox = new EmailOutbox(test.storage, servers, () => now);
      const ids = [
        await outbox.send({ tenantId: null, to: "one@example.com", subject: "One", text: "Hi." }),
        await outbox.send({ tenantId: null, to: "two@example.com", subject: "Two", text: "Hi." }),
      ];
      const kind = { ...emailKind(test.storage, servers, new OutboxSeal(SECRET)), sendTimeoutMs: 400 };
      const started = Date.now();
      expect(await new OutboxEngine(test.storage, kind, { now: () => now }).deliverDue()).toMatchObject({
        claimed: 2,
        retrying: 2,
      });
      // Each send was cut off at its deadline, so the second message did not wait long behind the first…
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const id of ids) {
        expect(await (await control()).emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
          status: "queued",
          attempts: 1,
          lastError: "Timed out after 0.4 s.",
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[0]),
        });
      }
      // …and really cancelled: its connection is closed, not left dripping in the background.
      await expect.poll(() => sockets.size).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => dripping.close(resolve));
    }
  });

  it("stop() finishes the deliveries in flight and leaves nothing claimed", async () => {
    receiver.holdMs = 300;
    await queueEvents(80);
    const worker = webhookEngine().start({ intervalMs: 10 });
    await expect.poll(() => receiver.requests, { interval: 5 }).toBeGreaterThan(0);
    await worker.stop();

    const deliveries = await (await control()).webhookDelivery.findMany({ where: { tenantId } });
    // Every claim was settled before stop() resolved: the ones in flight were answered and recorded…
    expect(deliveries.filter((delivery) => delivery.lockedUntil !== null)).toEqual([]);
    const succeeded = deliveries.filter((delivery) => delivery.status === "succeeded");
    expect(succeeded.length).toBe(receiver.requests);
    expect(succeeded.length).toBeGreaterThan(0);
    // …and the rest were never claimed: due now, no attempt counted, for the next process.
    const pending = deliveries.filter((delivery) => delivery.status === "pending");
    expect(succeeded.length + pending.length).toBe(80);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((delivery) => delivery.attempts === 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.requests).toBe(succeeded.length);
  });

  it("never delivers a message twice with several server processes on one database", async () => {
    const events = await queueEvents(200);
    // Four processes: each its own connection(s) to the same database, connected before the race.
    const others = [1, 2, 3].map(() =>
      provider === "postgresql" ? new PostgresStorage(test.databaseUrl!, { max: 5 }) : new SqliteStorage(test.dataDir),
    );
    try {
      await Promise.all(others.map((storage) => storage.control()));
      const drain = async (engine: ReturnType<typeof webhookEngine>) => {
        let claimed = 0;
        for (;;) {
          const pass = await engine.deliverDue();
          claimed += pass.claimed;
          if (pass.claimed === 0) return claimed;
        }
      };
      const storages = [test.storage, ...others];
      const claimed = await Promise.all(storages.map((storage) => drain(webhookEngine(storage))));

      expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(200);
      expect([...receiver.counts.keys()].sort()).toEqual([...events].sort());
      expect([...receiver.counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
      expect(receiver.requests).toBe(200);
      const deliveries = await (await control()).webhookDelivery.findMany({ where: { tenantId } });
      expect(deliveries.filter((delivery) => delivery.status !== "succeeded" || delivery.attempts !== 1)).toEqual([]);
      if (provider === "postgresql") {
        // The processes worked side by side (SKIP LOCKED: none waited for another's rows).
        expect(claimed.filter((n) => n > 0).length).toBeGreaterThan(1);
      }
    } finally {
      await Promise.all(others.map((storage) => storage.close()));
    }
  });

  it.runIf(provider === "postgresql")(
    "skips rows another process is claiming instead of waiting for them",
    async () => {
      const events = await queueEvents(3);
      const locker = await rawPostgres(test.databaseUrl!, { schema: "portico" });
      try {
        // Another process's claim in progress: one row locked in an open transaction.
        await locker.query("BEGIN");
        const { rows } = await locker.query<{ messageId: string }>(
          `SELECT "messageId" FROM webhook_delivery WHERE "tenantId" = $1 ORDER BY "messageId" LIMIT 1 FOR UPDATE`,
          [tenantId],
        );
        const pass = await webhookEngine().deliverDue();
        expect(pass).toMatchObject({ claimed: 2, delivered: 2 });
        expect([...receiver.counts.keys()].sort()).toEqual(events.filter((id) => id !== rows[0]!.messageId).sort());
      } finally {
        await locker.query("ROLLBACK");
        await locker.end();
      }
      expect(await webhookEngine().deliverDue()).toMatchObject({ claimed: 1, delivered: 1 });
      expect(receiver.counts.size).toBe(3);
    },
  );
});
