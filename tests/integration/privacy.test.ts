import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PorticoClient } from "~/management-api/client/src/index";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * Data export and account deletion over real HTTP on real storage: the management API with
 * API keys (scopes respected) and the tenant's auth API with the user's own cookie or bearer
 * token. The export must hold the user's data and none of their secrets.
 */
let h: Harness;
let acme: Tenant;
let reader: string;
let writer: string;

const PASSWORD = "correct-horse-battery-staple";
const SECRETS = {
  totp: "TOTPSECRETJBSWY3DPEHPK3PXP",
  backupCodes: "backup-codes-ciphertext-7d1f",
  passkeyKey: "passkey-public-key-b64-9e2a",
  privateMetadata: "crm-internal-note-51c3",
  emailBody: "Your sign-in code is 774411",
};

beforeAll(async () => {
  h = await startHarness("privacy");
  acme = await h.createTenant("acme-privacy");
  reader = (await h.createKey(acme, ["users:read"])).key;
  writer = (await h.createKey(acme, ["users:read", "users:write"])).key;
  const { getPortico } = await import("~/context.server");
  const { tenants, registry } = getPortico();
  // Bearer tokens let the raw-API case call the endpoints the way a token-mode widget does.
  const updated = await tenants.updateConfig(acme.slug, {
    ...acme.config,
    authMethods: { ...acme.config.authMethods, bearer: { enabled: true } },
  });
  registry.invalidate(updated.id);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function live() {
  const { getPortico } = await import("~/context.server");
  const resolved = await getPortico().registry.resolve({ id: acme.id });
  if (resolved.status !== "ok") throw new Error(`tenant not live: ${resolved.status}`);
  return resolved;
}

/** A user with a password, an organization, a passkey, two-factor, metadata and a sent email. */
async function richUser(email: string) {
  const created = await h.api(writer, "POST", "/users", {
    email,
    name: "Ada Export",
    password: PASSWORD,
    publicMetadata: { plan: "pro" },
    privateMetadata: { note: SECRETS.privateMetadata },
  });
  expect(created.status).toBe(201);
  const userId = created.body.id as string;
  const { db } = await live();
  const organizationId = randomUUID();
  await db.organization.create({
    data: { id: organizationId, name: "Analytical Engines", slug: `engines-${organizationId}`, createdAt: new Date() },
  });
  await db.member.create({
    data: { id: randomUUID(), organizationId, userId, role: "owner", createdAt: new Date() },
  });
  await db.passkey.create({
    data: {
      id: randomUUID(),
      name: "Ada's laptop",
      publicKey: SECRETS.passkeyKey,
      userId,
      credentialID: `cred-${userId}`,
      counter: 0,
      deviceType: "multiDevice",
      backedUp: true,
      createdAt: new Date(),
    },
  });
  await db.twoFactor.create({
    data: { id: randomUUID(), secret: SECRETS.totp, backupCodes: SECRETS.backupCodes, userId },
  });
  await db.user.update({ where: { id: userId }, data: { twoFactorEnabled: true } });
  const { getPortico } = await import("~/context.server");
  const control = await getPortico().storage.control();
  await control.emailMessage.create({
    data: {
      id: randomUUID(),
      tenantId: acme.id,
      to: email,
      subject: "Your sign-in code",
      text: SECRETS.emailBody,
      status: "sent",
      sentAt: new Date(),
    },
  });
  return { userId, organizationId };
}

function expectNoSecrets(text: string, sessionToken: string | null, passwordHash: string | null) {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  if (sessionToken) expect(text).not.toContain(sessionToken);
  if (passwordHash) expect(text).not.toContain(passwordHash);
  expect(text).not.toContain(PASSWORD);
}

async function authCall(path: string, init: { method?: string; cookie?: string; token?: string; body?: unknown }) {
  const response = await fetch(`${h.baseUrl}/t/${acme.slug}/api/auth${path}`, {
    method: init.method ?? "GET",
    headers: {
      origin: h.baseUrl,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

describe("GET /api/v1/users/{id}/export", () => {
  it("returns the user's profile, accounts, sessions, organizations, passkeys, audit and emails without secrets", async () => {
    const email = "ada.export@example.com";
    const { userId } = await richUser(email);
    const signedIn = await h.signIn(acme.slug, email, PASSWORD);
    expect(signedIn.status).toBe(200);

    const answer = await h.api(reader, "GET", `/users/${userId}/export`);
    expect(answer.status).toBe(200);
    const data = answer.body;
    expect(data.format).toBe("portico.user-export.v1");
    expect(data.tenant).toEqual({ id: acme.id, slug: acme.slug, name: acme.name });
    expect(data.profile).toMatchObject({
      id: userId,
      email,
      name: "Ada Export",
      twoFactorEnabled: true,
      publicMetadata: { plan: "pro" },
    });
    expect(data.profile).not.toHaveProperty("privateMetadata");
    expect(data.accounts).toEqual([{ providerId: "credential", createdAt: expect.any(String) }]);
    expect(data.sessions).toHaveLength(1);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(["createdAt", "expiresAt", "id", "ipAddress", "userAgent"]);
    expect(data.organizations).toEqual([
      expect.objectContaining({ name: "Analytical Engines", role: "owner", joinedAt: expect.any(String) }),
    ]);
    expect(data.passkeys).toEqual([{ name: "Ada's laptop", deviceType: "multiDevice", createdAt: expect.any(String) }]);
    const types = (data.auditEvents as { type: string }[]).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(["admin.user.created", "session.created"]));
    expect(data.emails).toContainEqual(expect.objectContaining({ subject: "Your sign-in code", status: "sent" }));

    const { db } = await live();
    const session = await db.session.findFirst({ where: { userId }, select: { token: true } });
    const account = await db.account.findFirst({ where: { userId }, select: { password: true } });
    expectNoSecrets(answer.text, session?.token ?? null, account?.password ?? null);
    expect(signedIn.token).toMatch(/^\S{16,}$/);
    expect(answer.text).not.toContain(signedIn.token!);

    expect((await h.api(reader, "GET", "/users/nobody/export")).status).toBe(404);

    // @portico/client reads the same document.
    const client = new PorticoClient({ baseUrl: h.baseUrl, apiKey: reader });
    const viaClient = await client.users.exportData(userId);
    expect(viaClient.profile.email).toBe(email);
    expect(viaClient.passkeys).toEqual(data.passkeys);
  });
});

describe("DELETE /api/v1/users/{id}", () => {
  it("is refused to a read-only key and deletes everything of the user for a key with users:write", async () => {
    const email = "ada.delete@example.com";
    const { userId } = await richUser(email);
    expect((await h.signIn(acme.slug, email, PASSWORD)).status).toBe(200);

    const refused = await h.api(reader, "DELETE", `/users/${userId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("insufficient_scope");
    expect((await h.api(reader, "GET", `/users/${userId}`)).status).toBe(200);

    expect((await h.api(writer, "DELETE", `/users/${userId}`)).status).toBe(204);
    expect((await h.api(reader, "GET", `/users/${userId}`)).status).toBe(404);
    expect((await h.api(reader, "GET", `/users/${userId}/export`)).status).toBe(404);
    expect((await h.signIn(acme.slug, email, PASSWORD)).status).toBe(401);

    const { db } = await live();
    const where = { where: { userId } };
    expect(
      await Promise.all([
        db.session.count(where),
        db.account.count(where),
        db.passkey.count(where),
        db.twoFactor.count(where),
        db.member.count(where),
      ]),
    ).toEqual([0, 0, 0, 0, 0]);
    const { getPortico } = await import("~/context.server");
    const control = await getPortico().storage.control();
    const deleted = await control.auditEvent.findFirst({
      where: { tenantId: acme.id, targetId: userId, type: "admin.user.deleted" },
    });
    expect(deleted?.actorType).toBe("api_key");
  });
});

describe("the user's own endpoints on the tenant's auth API", () => {
  it("GET /privacy/export answers the signed-in user with a cookie or a bearer token, and 401 to nobody", async () => {
    const email = "ada.self@example.com";
    await richUser(email);
    const signedIn = await h.signIn(acme.slug, email, PASSWORD);
    const byCookie = await authCall("/privacy/export", { cookie: signedIn.cookie });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.profile.email).toBe(email);
    expect(byCookie.headers.get("cache-control")).toBe("no-store");
    expectNoSecrets(byCookie.text, signedIn.token, null);

    const byToken = await authCall("/privacy/export", { token: signedIn.token! });
    expect(byToken.status).toBe(200);
    expect(byToken.body.organizations[0].name).toBe("Analytical Engines");

    expect((await authCall("/privacy/export", {})).status).toBe(401);
  });

  it("POST /delete-user needs the password once the session is older than a day, then deletes and reports it", async () => {
    const email = "ada.leaves@example.com";
    const { userId } = await richUser(email);
    const signedIn = await h.signIn(acme.slug, email, PASSWORD);
    const { db } = await live();
    // A session from two days ago: a borrowed, long-lived session alone must not delete the account.
    await db.session.updateMany({ where: { userId }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });

    const stale = await authCall("/delete-user", { method: "POST", token: signedIn.token!, body: {} });
    expect(stale.status).toBe(400);
    expect(stale.body.code).toBe("SESSION_EXPIRED");
    const wrong = await authCall("/delete-user", {
      method: "POST",
      token: signedIn.token!,
      body: { password: "not-the-password" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("INVALID_PASSWORD");
    expect(await db.user.count({ where: { id: userId } })).toBe(1);

    const done = await authCall("/delete-user", {
      method: "POST",
      token: signedIn.token!,
      body: { password: PASSWORD },
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ success: true, message: "User deleted" });
    expect(await db.user.count({ where: { id: userId } })).toBe(0);
    expect(await db.passkey.count({ where: { userId } })).toBe(0);
    expect((await h.signIn(acme.slug, email, PASSWORD)).status).toBe(401);

    const { getPortico } = await import("~/context.server");
    const control = await getPortico().storage.control();
    await expect
      .poll(() => control.auditEvent.count({ where: { tenantId: acme.id, type: "user.deleted", targetId: userId } }))
      .toBe(1);
    const webhooks = await control.webhookMessage.findMany({ where: { tenantId: acme.id, type: "user.deleted" } });
    const payloads = webhooks.map((message) => JSON.parse(message.payload).data);
    expect(payloads).toContainEqual(expect.objectContaining({ userId, email, reason: "self_service" }));
  });

  it("POST /delete-user without a password works on a fresh session", async () => {
    const email = "ada.fresh@example.com";
    const { userId } = await richUser(email);
    const signedIn = await h.signIn(acme.slug, email, PASSWORD);
    const done = await authCall("/delete-user", { method: "POST", cookie: signedIn.cookie, body: {} });
    expect(done.status).toBe(200);
    const { db } = await live();
    expect(await db.user.count({ where: { id: userId } })).toBe(0);
  });
});
