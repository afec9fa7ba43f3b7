import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type ReceivedWebhook } from "../support/webhook-receiver";

/**
 * The wiring from a tenant's auth events to its webhooks, through the app's own services
 * (getPortico): a real sign-up produces a signed `user.created` delivery at a real receiver,
 * and a failed sign-in (an audit-only event) is never sent.
 * Each Vitest file runs in its own process, so this environment is private to it.
 */
describe("auth events reach webhook endpoints", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-webhook-events-"));
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let received: ReceivedWebhook[];
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    received = receiver.received;
  });
  afterAll(async () => {
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers sign-up events signed, never sign_in.failed, and console bans but not impersonations", async () => {
    process.env.PORTICO_DATA_DIR = dataDir;
    process.env.PORTICO_SECRET = "webhook-events-test-secret".padEnd(48, "w");
    process.env.PUBLIC_URL = "http://localhost:3999";
    process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE = "true";
    delete process.env.DATABASE_URL;

    const { getPortico } = await import("~/context.server");
    const { createEndpoint } = await import("~/webhooks/endpoints.server");
    const { dispatchDue } = await import("~/webhooks/dispatcher.server");
    const { tenants, registry } = getPortico();
    const tenant = await tenants.create({ slug: "hooked", name: "Hooked" });
    const { secret } = await createEndpoint(
      tenant.id,
      { url: receiver.url, description: "", eventTypes: ["*"] },
      getPortico().webhooks,
    );

    const live = await registry.resolve({ slug: "hooked" });
    if (live.status !== "ok") throw new Error("tenant not ready");
    const call = (endpoint: string, body: unknown) =>
      live.auth.handler(
        new Request(`http://localhost:3999/t/hooked/api/auth${endpoint}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:3999",
            "x-portico-client-ip": "10.9.9.9",
          },
          body: JSON.stringify(body),
        }),
      );
    expect(
      (await call("/sign-up/email", { name: "Hook", email: "hook@example.com", password: "a-strong-pass-77" })).status,
    ).toBe(200);
    expect((await call("/sign-in/email", { email: "hook@example.com", password: "wrong-password-1" })).status).toBe(
      401,
    );

    await expect
      .poll(async () => {
        await dispatchDue(getPortico().webhooks);
        return received.length;
      })
      .toBeGreaterThanOrEqual(2);
    const events = receiver.verified(secret);
    expect(events.map((event) => event.type).sort()).toEqual(["session.created", "user.created"]);
    expect(events.find((event) => event.type === "user.created")?.data.email).toBe("hook@example.com");

    // Console actions reach webhooks through the audit log; console-only entries do not.
    const { audit } = getPortico();
    const actor = { type: "platform_user" as const, id: "p1", label: "admin@example.com" };
    const user = { type: "user", id: "u1", label: "hook@example.com" };
    await audit.record({
      tenantId: tenant.id,
      type: "admin.user.banned",
      actor,
      target: user,
      data: { reason: "spam" },
    });
    await audit.record({ tenantId: tenant.id, type: "admin.user.impersonated", actor, target: user });
    await expect
      .poll(async () => {
        await dispatchDue(getPortico().webhooks);
        return received.length;
      })
      .toBeGreaterThanOrEqual(3);
    const banned = JSON.parse(received[2]!.body) as { type: string; data: Record<string, unknown> };
    expect(banned).toMatchObject({
      type: "user.banned",
      data: { userId: "u1", email: "hook@example.com", reason: "spam", actor: "admin@example.com" },
    });
    await dispatchDue(getPortico().webhooks);
    expect(received).toHaveLength(3);
  });

  it("reports a user's own profile change as user.updated and a confirmed address as email.verified", async () => {
    const { getPortico } = await import("~/context.server");
    const { dispatchDue } = await import("~/webhooks/dispatcher.server");
    const { createEmailVerificationToken } = await import("better-auth/api");
    const { tenants, registry } = getPortico();
    const live = await registry.resolve({ slug: "hooked" });
    if (live.status !== "ok") throw new Error("tenant not ready");
    const headers = {
      "content-type": "application/json",
      origin: "http://localhost:3999",
      "x-portico-client-ip": "10.9.9.8",
    };
    const signUp = await live.auth.handler(
      new Request("http://localhost:3999/t/hooked/api/auth/sign-up/email", {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "Before", email: "profile@example.com", password: "a-strong-pass-78" }),
      }),
    );
    const cookie = signUp.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    const update = await live.auth.handler(
      new Request("http://localhost:3999/t/hooked/api/auth/update-user", {
        method: "POST",
        headers: { ...headers, cookie },
        body: JSON.stringify({ name: "After" }),
      }),
    );
    expect(update.status).toBe(200);
    const secrets = await tenants.getSecrets(live.tenant.id);
    const token = await createEmailVerificationToken(secrets.authSecret, "profile@example.com");
    const verify = await live.auth.handler(
      new Request(`http://localhost:3999/t/hooked/api/auth/verify-email?token=${token}`, { headers }),
    );
    expect(verify.status).toBe(200);

    const typesFor = (email: string) =>
      received
        .map(({ body }) => JSON.parse(body) as { type: string; data: { email?: string; fields?: string[] } })
        .filter((event) => event.data.email === email);
    await expect
      .poll(async () => {
        await dispatchDue(getPortico().webhooks);
        return typesFor("profile@example.com").map((event) => event.type);
      })
      .toEqual(expect.arrayContaining(["user.updated", "email.verified"]));
    expect(typesFor("profile@example.com").find((event) => event.type === "user.updated")?.data.fields).toEqual([
      "name",
    ]);
  });
});
