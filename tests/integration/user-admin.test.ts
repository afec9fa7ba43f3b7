import { randomUUID } from "node:crypto";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PorticoClient } from "~/management-api/client/src/index";
import type { Tenant } from "~/tenancy/tenants.server";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * An admin's changes to a user through /api/v1 and the capabilities behind it, on real
 * storage (SQLite, or PostgreSQL with TEST_DATABASE_URL): profile edits and what they do to
 * verification, list filters, resets of two-factor (proven by signing in with the password
 * alone) and passkeys, bad input named by field, and another tenant's users out of reach.
 */
let h: Harness;
let acme: Tenant;
let other: Tenant;
let writer: string;
let otherKey: string;
let client: PorticoClient;
const PASSWORD = "correct-horse-battery";

async function liveDb(tenant: Tenant) {
  const { getPortico } = await import("~/context.server");
  const live = await getPortico().registry.resolve({ id: tenant.id });
  if (live.status !== "ok") throw new Error(`tenant ${tenant.slug} is ${live.status}`);
  return live.db;
}

async function auditOf(tenant: Tenant, type: string, userId: string) {
  const { getPortico } = await import("~/context.server");
  return (await getPortico().audit.list({ tenantId: tenant.id, type })).filter((event) => event.targetId === userId);
}

async function createUser(email: string, extra: Record<string, unknown> = {}, key = writer) {
  const created = await h.api(key, "POST", "/users", {
    email,
    name: email.split("@")[0],
    password: PASSWORD,
    ...extra,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; email: string };
}

/** Turns TOTP on the way the user would: password, then a code from the app. Returns the secret. */
async function enrollTotp(email: string): Promise<string> {
  const { cookie } = await h.signIn("acme", email, PASSWORD);
  const call = (path: string, body: unknown) =>
    fetch(`${h.baseUrl}/t/acme/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: h.baseUrl, cookie },
      body: JSON.stringify(body),
    });
  const enabled = await call("/two-factor/enable", { password: PASSWORD });
  expect(enabled.status).toBe(200);
  const { totpURI } = (await enabled.json()) as { totpURI: string };
  const secret = new URL(totpURI).searchParams.get("secret")!;
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  expect((await call("/two-factor/verify-totp", { code })).status).toBe(200);
  return secret;
}

async function addPasskey(tenant: Tenant, userId: string, name: string) {
  const id = randomUUID();
  await (
    await liveDb(tenant)
  ).passkey.create({
    data: {
      id,
      name,
      userId,
      publicKey: "pk",
      credentialID: randomUUID(),
      counter: 0,
      deviceType: "singleDevice",
      backedUp: false,
      createdAt: new Date(),
    },
  });
  return id;
}

beforeAll(async () => {
  h = await startHarness("user-admin");
  acme = await h.createTenant("acme");
  other = await h.createTenant("other");
  writer = (await h.createKey(acme, ["users:read", "users:write", "sessions:write", "config:write", "webhooks:write"]))
    .key;
  otherKey = (await h.createKey(other, ["users:read", "users:write", "sessions:write"])).key;
  const config = await h.api(writer, "PATCH", "/config", { authMethods: { twoFactor: { enabled: true } } });
  expect(config.status).toBe(200);
  client = new PorticoClient({ baseUrl: h.baseUrl, apiKey: writer });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("editing a user", () => {
  it("changes name, email and metadata; a new email is unverified unless marked verified in the same change", async () => {
    const user = await createUser("edit@example.com", { emailVerified: true });
    const moved = await client.users.update(user.id, { email: "Edit.New@Example.com" });
    expect(moved).toMatchObject({ email: "edit.new@example.com", emailVerified: false });

    expect(await client.users.markEmailVerified(user.id)).toMatchObject({ emailVerified: true });
    const vouched = await client.users.update(user.id, { email: "edit.third@example.com", emailVerified: true });
    expect(vouched).toMatchObject({ email: "edit.third@example.com", emailVerified: true });

    const edited = await client.users.update(user.id, {
      name: "Ada King",
      publicMetadata: { plan: "pro" },
      privateMetadata: { crm: 42 },
    });
    expect(edited).toMatchObject({
      name: "Ada King",
      emailVerified: true,
      publicMetadata: { plan: "pro" },
      privateMetadata: { crm: 42 },
    });
    // The user signs in with the new address and their old password.
    expect((await h.signIn("acme", "edit.third@example.com", PASSWORD)).token).toBeTruthy();
    expect((await h.signIn("acme", "edit@example.com", PASSWORD)).status).toBe(401);

    const entries = await auditOf(acme, "admin.user.updated", user.id);
    expect(entries.map((entry) => entry.data.fields).reverse()).toEqual([
      ["email", "emailVerified"],
      ["emailVerified"],
      ["email", "emailVerified"],
      ["name", "publicMetadata", "privateMetadata"],
    ]);
    expect(entries[0]).toMatchObject({ actorType: "api_key", targetLabel: "edit.third@example.com" });
  });

  it("refuses bad input with a 4xx naming the field, and changes nothing", async () => {
    const user = await createUser("strict@example.com");
    await createUser("taken@example.com");
    const cases: [unknown, number, string, RegExp][] = [
      [{ email: "not-an-email" }, 422, "email", /valid email/],
      [{ name: "" }, 422, "name", /Enter a name/],
      [{ emailVerified: "yes" }, 422, "emailVerified", /true or false/],
      [{ publicMetadata: [1, 2] }, 422, "publicMetadata", /JSON object/],
      [{ privateMetadata: { blob: "x".repeat(9000) } }, 422, "privateMetadata", /at most 8192 bytes/],
      [{ role: "admin" }, 422, "role", /not accepted/],
      [{}, 422, "", /at least one field/],
      [{ email: "taken@example.com" }, 409, "email", /already exists/],
    ];
    for (const [body, status, field, message] of cases) {
      const answer = await h.api(writer, "PATCH", `/users/${user.id}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.message).toMatch(message);
      if (field) expect(answer.body.error.details[0]).toMatchObject({ field, message: expect.stringMatching(message) });
    }
    expect((await h.api(writer, "GET", `/users/${user.id}`)).body).toMatchObject({
      email: "strict@example.com",
      name: "strict",
      publicMetadata: {},
    });

    for (const [query, field] of [
      ["banned=maybe", "query.banned"],
      ["twoFactorEnabled=1", "query.twoFactorEnabled"],
      ["signedInSince=yesterday", "query.signedInSince"],
    ]) {
      const answer = await h.api(writer, "GET", `/users?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details[0].field).toBe(field);
    }
  });

  it("treats another tenant's user as absent: 404 for every change, and nothing changes", async () => {
    const user = await createUser("mine@example.com", { emailVerified: false });
    await enrollTotp("mine@example.com");
    const passkeyId = await addPasskey(acme, user.id, "Mine");
    const attempts: [string, string, unknown?][] = [
      ["PATCH", `/users/${user.id}`, { emailVerified: true }],
      ["POST", `/users/${user.id}/two-factor/reset`],
      ["GET", `/users/${user.id}/passkeys`],
      ["DELETE", `/users/${user.id}/passkeys`],
      ["DELETE", `/users/${user.id}/passkeys/${passkeyId}`],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await h.api(otherKey, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
    expect(await client.users.get(user.id)).toMatchObject({ emailVerified: false, twoFactorEnabled: true });
    expect((await client.users.listPasskeys(user.id)).data).toHaveLength(1);
  });
});

describe("list filters", () => {
  it("narrows by ban, verification, two-factor and recent sign-in, combined with each other and q", async () => {
    const ids: Record<string, string> = {};
    for (const name of ["banned", "verified", "totp", "recent", "plain"])
      ids[name] = (await createUser(`flt-${name}@example.com`, { emailVerified: name === "verified" })).id;
    await client.users.ban(ids.banned!);
    await enrollTotp("flt-totp@example.com");
    await h.signIn("acme", "flt-recent@example.com", PASSWORD);
    const emails = async (query: Record<string, string>) =>
      (await client.users.list({ q: "flt-", ...query } as never)).data.map((user) => user.email.split("@")[0]);

    expect(await emails({})).toEqual(["flt-banned", "flt-plain", "flt-recent", "flt-totp", "flt-verified"]);
    expect(await emails({ banned: "true" })).toEqual(["flt-banned"]);
    expect(await emails({ banned: "false" })).toEqual(["flt-plain", "flt-recent", "flt-totp", "flt-verified"]);
    expect(await emails({ emailVerified: "true" })).toEqual(["flt-verified"]);
    expect(await emails({ twoFactorEnabled: "true" })).toEqual(["flt-totp"]);
    const today = new Date().toISOString().slice(0, 10);
    // The two-factor user signed in to enroll; the banned user's sessions ended with the ban.
    expect(await emails({ signedInSince: today })).toEqual(["flt-recent", "flt-totp"]);
    expect(await emails({ signedInSince: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await emails({ signedInSince: today, twoFactorEnabled: "false" })).toEqual(["flt-recent"]);
    expect(await emails({ emailVerified: "false", banned: "false", twoFactorEnabled: "false" })).toEqual([
      "flt-plain",
      "flt-recent",
    ]);
    const paged = await client.users.list({ q: "flt-", banned: "false", limit: 2 } as never);
    expect(paged.data.map((user) => user.email)).toEqual(["flt-plain@example.com", "flt-recent@example.com"]);
    const next = await client.users.list({ q: "flt-", banned: "false", limit: 2, cursor: paged.nextCursor! } as never);
    expect(next.data.map((user) => user.email)).toEqual(["flt-totp@example.com", "flt-verified@example.com"]);
  });
});

describe("second-factor resets", () => {
  it("resets two-factor: the secret and backup codes are gone, sessions end, the password alone signs in", async () => {
    const user = await createUser("lost-phone@example.com");
    await enrollTotp("lost-phone@example.com");
    const challenged = await h.signIn("acme", "lost-phone@example.com", PASSWORD);
    expect(challenged.token).toBeNull();
    expect(challenged.body).toMatchObject({ twoFactorRedirect: true });
    expect((await client.users.listSessions(user.id)).data.length).toBeGreaterThan(0);

    const reset = await client.users.resetTwoFactor(user.id);
    expect(reset.user.twoFactorEnabled).toBe(false);
    expect(reset.sessionsRevoked).toBeGreaterThan(0);
    expect((await client.users.listSessions(user.id)).data).toEqual([]);
    expect(await (await liveDb(acme)).twoFactor.count({ where: { userId: user.id } })).toBe(0);

    const signedIn = await h.signIn("acme", "lost-phone@example.com", PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.token).toBeTruthy();
    const [entry] = await auditOf(acme, "admin.user.two_factor_reset", user.id);
    expect(entry).toMatchObject({ actorType: "api_key", data: { fields: ["twoFactorEnabled"], wasEnabled: true } });
  });

  it("removes one passkey or all of a user's, never another user's, and ends the user's sessions", async () => {
    const user = await createUser("lost-key@example.com");
    const bystander = await createUser("bystander@example.com");
    const [first, second] = [await addPasskey(acme, user.id, "Laptop"), await addPasskey(acme, user.id, "Phone")];
    const theirs = await addPasskey(acme, bystander.id, "Theirs");
    await h.signIn("acme", "lost-key@example.com", PASSWORD);
    expect((await client.users.listPasskeys(user.id)).data.map((passkey) => passkey.name)).toEqual(["Laptop", "Phone"]);

    const stranger = await h.api(writer, "DELETE", `/users/${user.id}/passkeys/${theirs}`);
    expect(stranger.status).toBe(404);
    expect(await client.users.removePasskeys(user.id, first)).toEqual({ removed: 1, sessionsRevoked: 1 });
    expect((await client.users.listPasskeys(user.id)).data.map((passkey) => passkey.id)).toEqual([second]);
    expect(await client.users.removePasskeys(user.id)).toEqual({ removed: 1, sessionsRevoked: 0 });
    expect((await client.users.listPasskeys(user.id)).data).toEqual([]);
    expect((await client.users.listPasskeys(bystander.id)).data.map((passkey) => passkey.id)).toEqual([theirs]);
    const entries = await auditOf(acme, "admin.user.passkeys_removed", user.id);
    expect(entries.map((entry) => entry.data.removed)).toEqual([1, 1]);
  });
});

describe("webhooks", () => {
  it("sends each admin change to a subscribed receiver as user.updated, signed, naming what changed", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const endpoint = await h.api(writer, "POST", "/webhooks/endpoints", {
        url: receiver.url,
        eventTypes: ["user.updated"],
      });
      expect(endpoint.status).toBe(201);
      const user = await createUser("hooked-admin@example.com");
      await enrollTotp("hooked-admin@example.com");
      await addPasskey(acme, user.id, "Key");
      await client.users.update(user.id, { email: "hooked-moved@example.com" });
      await client.users.resetTwoFactor(user.id);
      await client.users.removePasskeys(user.id);

      const { getPortico } = await import("~/context.server");
      const { dispatchDue } = await import("~/webhooks/dispatcher.server");
      await expect
        .poll(
          async () => {
            await dispatchDue(getPortico().webhooks);
            return receiver.received.length;
          },
          { timeout: 10_000 },
        )
        .toBe(3);
      const events = receiver.verified(endpoint.body.secret);
      expect(events.map((event) => event.type)).toEqual(["user.updated", "user.updated", "user.updated"]);
      const byFields = Object.fromEntries(events.map((event) => [String(event.data.fields), event.data]));
      expect(byFields["email,emailVerified"]).toMatchObject({
        userId: user.id,
        email: "hooked-moved@example.com",
        previousEmail: "hooked-admin@example.com",
        actor: expect.stringMatching(/^api_key:/),
      });
      expect(byFields["twoFactorEnabled"]).toMatchObject({ userId: user.id, wasEnabled: true });
      expect(byFields["passkeys"]).toMatchObject({ userId: user.id, removed: 1 });
    } finally {
      await receiver.close();
    }
  });
});
