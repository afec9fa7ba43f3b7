import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import { EmailOutbox } from "~/email/outbox.server";
import type { WebhookDeps } from "~/webhooks/deps.server";
import { dispatchDue, nextRetryDelay, RETRY_SCHEDULE_MS } from "~/webhooks/dispatcher.server";
import {
  createEndpoint,
  CreateEndpointSchema,
  getEndpoint,
  parseEndpointForm,
  rotateEndpointSecret,
} from "~/webhooks/endpoints.server";
import { enqueueEvent, listDeliveries, replayDelivery, replaySince, sendTestEvent } from "~/webhooks/outbox.server";
import { SSRF_REFUSAL } from "~/webhooks/ssrf.server";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "webhooks-test-deployment-secret".padEnd(48, "w");

type Received = { id: string; body: string; headers: Record<string, string> };

/** A real HTTP receiver; `respond` decides each answer (2xx by default). */
class Receiver {
  received: Received[] = [];
  respond: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(204).end();
  private server?: Server;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        this.received.push({ id: headers["webhook-id"]!, body, headers });
        this.respond(req, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }
}

function verify(secret: string, request: Received) {
  return new Webhook(secret).verify(request.body, request.headers) as { type: string; data: unknown };
}

describe.each(testProviders())("webhook delivery on %s", (provider: Provider) => {
  let test: TestStorage;
  let deps: WebhookDeps;
  let receiver: Receiver;
  let tenantCounter = 0;
  let tenantId: string;

  beforeAll(async () => {
    process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE = "true";
    test = await createTestStorage(provider);
    deps = { storage: test.storage, deploymentSecret: SECRET };
  });
  afterAll(async () => {
    delete process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE;
    await test?.cleanup();
  });
  beforeEach(async () => {
    tenantId = `tenant${String(++tenantCounter).padStart(18, "0")}`;
    receiver = new Receiver();
    await receiver.start();
  });
  afterEach(async () => {
    await receiver.stop();
  });

  const db = () => test.storage.control();
  const addEndpoint = (eventTypes = ["*"], url = receiver.url) =>
    createEndpoint(tenantId, { url, description: "", eventTypes }, deps);
  /** Makes every pending delivery due now, as if the retry delay had passed. */
  const fastForward = async () =>
    (await db()).webhookDelivery.updateMany({ where: { status: "pending" }, data: { nextAttemptAt: new Date() } });

  it("signs each event so standardwebhooks verifies it, only to subscribed endpoints", async () => {
    const { secret } = await addEndpoint(["user.created"]);
    const other = await addEndpoint(["session.created"]);
    await enqueueEvent(tenantId, "user.created", { id: "u1" }, deps);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    const payload = verify(secret, receiver.received[0]!);
    expect(payload).toMatchObject({ type: "user.created", data: { id: "u1" } });
    expect(receiver.received[0]!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(() => verify(other.secret, receiver.received[0]!)).toThrow();
    const delivery = await (await db()).webhookDelivery.findFirstOrThrow({ where: { tenantId } });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastStatus: 204 });
  });

  it("logs each attempt's request exactly as the receiver got it, beside the receiver's answer", async () => {
    const endpoint = await addEndpoint();
    receiver.respond = (_req, res) => {
      res.setHeader("x-receiver", "billing-v2");
      res.setHeader("set-cookie", "receiver-session=secret");
      res.setHeader("x-noise", "n".repeat(1000));
      for (let i = 0; i < 40; i++) res.setHeader(`x-extra-${i}`, String(i));
      res.writeHead(202).end("queued");
    };
    await enqueueEvent(tenantId, "user.created", { userId: "u1", email: "ada@example.com" }, deps);
    await dispatchDue(deps);
    const got = receiver.received[0]!;
    const [delivery] = await listDeliveries(tenantId, endpoint.endpoint.id, deps);
    expect(delivery!.payload).toBe(got.body);
    const [attempt] = delivery!.attemptLog;
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature", "content-type", "user-agent"])
      expect(attempt!.requestHeaders![name], name).toBe(got.headers[name]);
    expect(attempt!.requestHeaders!["content-length"]).toBe(String(Buffer.byteLength(got.body)));
    expect(attempt).toMatchObject({ responseStatus: 202, responseBody: "queued" });
    const answered = attempt!.responseHeaders!;
    expect(answered["x-receiver"]).toBe("billing-v2");
    // Bounded: no cookies, values cut at 256 characters, at most 30 headers.
    expect(answered["set-cookie"]).toBeUndefined();
    expect(answered["x-noise"]).toHaveLength(256);
    expect(Object.keys(answered)).toHaveLength(30);
  });

  it("retries on 500 with the backoff, then stops at the first 2xx", async () => {
    const { secret } = await addEndpoint();
    let calls = 0;
    receiver.respond = (_req, res) => res.writeHead(++calls < 3 ? 500 : 200).end(calls < 3 ? "boom" : "ok");
    await enqueueEvent(tenantId, "user.updated", { id: "u1" }, deps);
    await dispatchDue(deps);
    const control = await db();
    let delivery = await control.webhookDelivery.findFirstOrThrow({ where: { tenantId } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
    const delay = delivery.nextAttemptAt.getTime() - Date.now();
    expect(delay).toBeGreaterThan(4_000);
    expect(delay).toBeLessThanOrEqual(5_600);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 0 });
    await fastForward();
    await dispatchDue(deps);
    await fastForward();
    await dispatchDue(deps);
    await fastForward();
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 0 });
    delivery = await control.webhookDelivery.findFirstOrThrow({ where: { tenantId } });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 3, lastStatus: 200 });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    receiver.received.forEach((request) => verify(secret, request));
    const attempts = await control.webhookAttempt.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { attempt: "asc" },
    });
    expect(attempts.map((a) => [a.attempt, a.responseStatus, a.responseBody])).toEqual([
      [1, 500, "boom"],
      [2, 500, "boom"],
      [3, 200, "ok"],
    ]);
    expect((await getEndpoint(tenantId, delivery.endpointId, deps)).failingSince).toBeNull();
  });

  it("follows the Standard Webhooks schedule with jitter and gives up after the last attempt", () => {
    expect(RETRY_SCHEDULE_MS).toHaveLength(8);
    expect(nextRetryDelay(1, null, () => 0)).toBe(4_500);
    expect(nextRetryDelay(1, null, () => 1)).toBe(5_500);
    expect(nextRetryDelay(2, null, () => 0.5)).toBe(5 * 60_000);
    expect(nextRetryDelay(1, 120_000, () => 0.5)).toBe(120_000);
    expect(nextRetryDelay(8, null)).toBeNull();
  });

  it("marks a delivery failed after the eighth attempt", async () => {
    await addEndpoint();
    receiver.respond = (_req, res) => res.writeHead(503).end();
    await enqueueEvent(tenantId, "user.updated", {}, deps);
    for (let i = 0; i < 8; i++) {
      await fastForward();
      await dispatchDue(deps);
    }
    const delivery = await (await db()).webhookDelivery.findFirstOrThrow({ where: { tenantId } });
    expect(delivery).toMatchObject({ status: "failed", attempts: 8 });
    expect(receiver.received).toHaveLength(8);
  });

  it("honours Retry-After", async () => {
    await addEndpoint();
    receiver.respond = (_req, res) => res.writeHead(429, { "retry-after": "120" }).end();
    await enqueueEvent(tenantId, "user.updated", {}, deps);
    await dispatchDue(deps);
    const delivery = await (await db()).webhookDelivery.findFirstOrThrow({ where: { tenantId } });
    const delay = delivery.nextAttemptAt.getTime() - Date.now();
    expect(delay).toBeGreaterThan(115_000);
    expect(delay).toBeLessThanOrEqual(121_000);
  });

  it("disables the endpoint on 410 and cancels what it still had pending", async () => {
    const { endpoint } = await addEndpoint();
    receiver.respond = (_req, res) => res.writeHead(410).end();
    await enqueueEvent(tenantId, "user.updated", {}, deps);
    await dispatchDue(deps);
    const after = await getEndpoint(tenantId, endpoint.id, deps);
    expect(after).toMatchObject({ enabled: false, disabledReason: "The receiver answered 410 Gone." });
    expect(await enqueueEvent(tenantId, "user.updated", {}, deps)).toMatchObject({ deliveries: 0 });
    expect((await (await db()).webhookDelivery.findFirstOrThrow({ where: { tenantId } })).status).toBe("failed");
  });

  it("disables an endpoint that has failed continuously for five days", async () => {
    const { endpoint } = await addEndpoint();
    receiver.respond = (_req, res) => res.writeHead(500).end();
    await (
      await db()
    ).webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 5 * 24 * 3_600_000 - 1000) },
    });
    await enqueueEvent(tenantId, "user.updated", {}, deps);
    await dispatchDue(deps);
    expect(await getEndpoint(tenantId, endpoint.id, deps)).toMatchObject({ enabled: false });
  });

  it("emails the tenant's owners, and only them, when it disables an endpoint", async () => {
    const control = await db();
    await control.tenant.create({
      data: { id: tenantId, slug: `owned-${tenantCounter}`, name: "Owned", config: "{}", secrets: "" },
    });
    for (const [role, email] of [
      ["owner", `owner-${tenantCounter}@example.com`],
      ["admin", `admin-${tenantCounter}@example.com`],
    ] as const) {
      const user = await control.platformUser.create({
        data: { id: `pu-${role}-${tenantCounter}`, name: role, email },
      });
      await control.membership.create({ data: { id: `m-${role}-${tenantCounter}`, tenantId, userId: user.id, role } });
    }
    const outbox = new EmailOutbox(test.storage);
    const notifying = {
      ...deps,
      notices: { outbox, publicUrl: new URL("https://auth.example.com"), appName: "Portico" },
    };
    const { endpoint } = await addEndpoint();
    receiver.respond = (_req, res) => res.writeHead(410).end();
    await enqueueEvent(tenantId, "user.updated", {}, notifying);
    await dispatchDue(notifying);

    const sent = await control.emailMessage.findMany({ where: { subject: { contains: "Owned" } } });
    expect(sent.map((message) => message.to)).toEqual([`owner-${tenantCounter}@example.com`]);
    expect(sent[0]!.text).toContain(endpoint.url);
    expect(sent[0]!.text).toContain("410 Gone");
    expect(sent[0]!.text).toContain(`https://auth.example.com/admin/owned-${tenantCounter}/webhooks`);
  });

  it("gets everything to a receiver that was down once it is back", async () => {
    const { secret } = await addEndpoint();
    const port = receiver.port;
    await receiver.stop();
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push((await enqueueEvent(tenantId, "user.created", { i }, deps)).messageId);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 5, retrying: 5 });
    const control = await db();
    const refused = await control.webhookAttempt.findFirstOrThrow({
      where: { deliveryId: (await control.webhookDelivery.findFirstOrThrow({ where: { tenantId } })).id },
    });
    expect(refused.error).toMatch(/ECONNREFUSED/);
    await receiver.start(port);
    await fastForward();
    expect(await dispatchDue(deps)).toMatchObject({ succeeded: 5 });
    expect(receiver.received.map((r) => r.id).sort()).toEqual(sent.sort());
    receiver.received.forEach((request) => verify(secret, request));
  });

  it("delivers a dead dispatcher's claim exactly once after its lock expires", async () => {
    await addEndpoint();
    const { messageId } = await enqueueEvent(tenantId, "user.created", {}, deps);
    const control = await db();
    await control.webhookDelivery.updateMany({
      where: { tenantId },
      data: { lockedUntil: new Date(Date.now() + 3_600_000) },
    });
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 0 });
    await control.webhookDelivery.updateMany({ where: { tenantId }, data: { lockedUntil: new Date(Date.now() - 1) } });
    const passes = await Promise.all([dispatchDue(deps), dispatchDue(deps), dispatchDue(deps)]);
    expect(passes.reduce((sum, pass) => sum + pass.succeeded, 0)).toBe(1);
    await fastForward();
    await dispatchDue(deps);
    expect(receiver.received.map((r) => r.id)).toEqual([messageId]);
  });

  it("sends both signatures during a rotation's overlap, each verifying", async () => {
    const { endpoint, secret: oldSecret } = await addEndpoint();
    const { secret: newSecret } = await rotateEndpointSecret(tenantId, endpoint.id, deps);
    expect(newSecret).not.toBe(oldSecret);
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await enqueueEvent(tenantId, "user.created", {}, deps);
    await dispatchDue(deps);
    const request = receiver.received[0]!;
    expect(request.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    verify(oldSecret, request);
    verify(newSecret, request);
    // Once the overlap is over only the new secret signs.
    await (
      await db()
    ).webhookEndpoint.update({ where: { id: endpoint.id }, data: { previousSecretExpiresAt: new Date(0) } });
    await enqueueEvent(tenantId, "user.created", {}, deps);
    await dispatchDue(deps);
    expect(() => verify(oldSecret, receiver.received[1]!)).toThrow();
    verify(newSecret, receiver.received[1]!);
  });

  it("stores secrets encrypted", async () => {
    const { endpoint, secret } = await addEndpoint();
    const row = await (await db()).webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secret).not.toContain(secret.slice(6));
    expect(row.secret).toMatch(/^v1\./);
  });

  it("replays one delivery, everything since a time, and sends test events", async () => {
    const { endpoint, secret } = await addEndpoint(["user.created"]);
    const first = await enqueueEvent(tenantId, "user.created", { n: 1 }, deps);
    await enqueueEvent(tenantId, "user.created", { n: 2 }, deps);
    await dispatchDue(deps);
    const control = await db();
    const delivery = await control.webhookDelivery.findFirstOrThrow({ where: { messageId: first.messageId } });
    await replayDelivery(tenantId, delivery.id, deps);
    await expect(replayDelivery("someothertenant000000000", delivery.id, deps)).rejects.toThrow(/no such/);
    await dispatchDue(deps);
    expect(receiver.received.map((r) => r.id)).toEqual(expect.arrayContaining([first.messageId]));
    expect(receiver.received.filter((r) => r.id === first.messageId)).toHaveLength(2);
    expect(await replaySince(tenantId, endpoint.id, new Date(Date.now() - 60_000), deps)).toEqual({ deliveries: 2 });
    await sendTestEvent(tenantId, endpoint.id, deps);
    await dispatchDue(deps);
    expect(receiver.received).toHaveLength(6);
    expect(verify(secret, receiver.received.at(-1)!)).toMatchObject({ type: "webhook.test" });
  });
});

describe("webhook SSRF protection (switch off)", () => {
  beforeAll(() => {
    delete process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE;
  });

  const parseUrl = async (url: string) => {
    const form = new FormData();
    form.set("url", url);
    form.append("eventTypes", "*");
    return parseEndpointForm(CreateEndpointSchema, form);
  };

  it.each([
    "https://127.0.0.1/hook",
    "https://10.1.2.3/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://localhost/hook",
    "https://[::1]/hook",
    "https://100.64.0.1/hook",
    "https://[::ffff:10.0.0.1]/hook",
  ])("refuses %s", async (url) => {
    expect(await parseUrl(url)).toEqual({ ok: false, errors: { url: SSRF_REFUSAL } });
  });

  it("refuses plain http and unknown event types", async () => {
    expect(await parseUrl("http://93.184.215.14/hook")).toMatchObject({
      errors: { url: "Webhook URLs must use https." },
    });
    const form = new FormData();
    form.set("url", "https://93.184.215.14/hook");
    form.append("eventTypes", "user.exploded");
    expect(await parseEndpointForm(CreateEndpointSchema, form)).toMatchObject({
      ok: false,
      errors: { eventTypes: expect.any(String) },
    });
  });

  it("refuses over-long and malformed values on their field", async () => {
    expect(await parseUrl(`https://93.184.215.14/${"a".repeat(2000)}`)).toMatchObject({
      errors: { url: "That URL is too long." },
    });
    expect(await parseUrl("not a url")).toMatchObject({ errors: { url: expect.stringMatching(/full URL/) } });
    const form = new FormData();
    form.set("url", "https://93.184.215.14/hook");
    form.set("description", "d".repeat(501));
    expect(await parseEndpointForm(CreateEndpointSchema, form)).toMatchObject({
      errors: { description: expect.any(String), eventTypes: "Choose at least one event, or all events." },
    });
  });

  it("accepts a public address", async () => {
    expect(await parseUrl("https://93.184.215.14/hook")).toMatchObject({ ok: true });
  });
});
