import { createHash } from "node:crypto";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PorticoApiError, PorticoClient } from "~/management-api/client/src/index";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * OAuth/OIDC clients through /api/v1 and the capability behind it, on real storage (SQLite,
 * or PostgreSQL with TEST_DATABASE_URL): the secret is answered once and only its hash is
 * kept, rotation replaces it, bad input names the field, another tenant's key sees nothing,
 * and every change is audited and sent to webhooks.
 */
let h: Harness;
let acme: Tenant;
let other: Tenant;
let writer: string;
let reader: string;
let otherKey: string;
let client: PorticoClient;

const sha256 = (secret: string) => createHash("sha256").update(secret).digest("base64url");

async function storedClient(tenant: Tenant, clientId: string) {
  const { getPortico } = await import("~/context.server");
  const live = await getPortico().registry.resolve({ id: tenant.id });
  if (live.status !== "ok") throw new Error(`tenant ${tenant.slug} is ${live.status}`);
  return live.db.oauthClient.findUnique({ where: { clientId } });
}

beforeAll(async () => {
  h = await startHarness("oauth-clients");
  acme = await h.createTenant("acme", "production");
  other = await h.createTenant("other");
  writer = (await h.createKey(acme, ["oauth-clients:read", "oauth-clients:write", "config:write"])).key;
  reader = (await h.createKey(acme, ["oauth-clients:read"])).key;
  otherKey = (await h.createKey(other, ["oauth-clients:read", "oauth-clients:write", "config:write"])).key;
  for (const key of [writer, otherKey]) {
    const enabled = await h.api(key, "PATCH", "/config", {
      authMethods: { jwt: { enabled: true }, oauthProvider: { enabled: true } },
    });
    expect(enabled.status).toBe(200);
  }
  client = new PorticoClient({ baseUrl: h.baseUrl, apiKey: writer });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("creating a client", () => {
  it("answers the secret once, stores only its hash, and never shows it again", async () => {
    const created = await client.oauthClients.create({
      name: "Billing service",
      grantTypes: ["client_credentials"],
      scopes: [],
      tokenEndpointAuthMethod: "client_secret_post",
    });
    const { clientId } = created.client;
    expect(created.client).toMatchObject({ name: "Billing service", enabled: true, hasSecret: true });
    expect(created.clientSecret).toMatch(/^\S{32,}$/);

    const row = await storedClient(acme, clientId);
    expect(row?.clientSecret).toBe(sha256(created.clientSecret!));
    expect(row?.clientSecret).not.toContain(created.clientSecret!);

    const fetched = await h.api(reader, "GET", `/oauth-clients/${clientId}`);
    expect(fetched.status).toBe(200);
    const listed = await h.api(reader, "GET", "/oauth-clients");
    expect(listed.body.data.map((c: { clientId: string }) => c.clientId)).toContain(clientId);
    for (const text of [fetched.text, listed.text]) {
      expect(text).not.toContain(created.clientSecret!);
      expect(text).not.toContain(row!.clientSecret!);
    }
  });

  it("creates a public sign-in client with loopback and https redirect URIs, first-party, and no secret", async () => {
    const created = await h.api(writer, "POST", "/oauth-clients", {
      name: "Acme CLI",
      redirectUris: ["http://127.0.0.1:8765/callback", "https://app.example.com/callback"],
      tokenEndpointAuthMethod: "none",
      firstParty: true,
      audiences: ["https://api.example.com"],
    });
    expect(created.status).toBe(201);
    expect(created.body.clientSecret).toBeNull();
    expect(created.body.client).toMatchObject({
      grantTypes: ["authorization_code", "refresh_token"],
      scopes: ["openid", "profile", "email", "offline_access"],
      audiences: ["https://api.example.com"],
      firstParty: true,
      hasSecret: false,
    });
    expect((await storedClient(acme, created.body.client.clientId))?.clientSecret ?? null).toBeNull();
  });

  it("is idempotent with an Idempotency-Key: one client, the same answer", async () => {
    const body = { name: "Retried", grantTypes: ["client_credentials"] };
    const headers = { "idempotency-key": "create-oauth-client-1" };
    const first = await h.api(writer, "POST", "/oauth-clients", body, headers);
    const again = await h.api(writer, "POST", "/oauth-clients", body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.client.clientId).toBe(first.body.client.clientId);
    const named = (await h.api(reader, "GET", "/oauth-clients")).body.data.filter(
      (c: { name: string }) => c.name === "Retried",
    );
    expect(named).toHaveLength(1);
  });

  it("refuses bad input with 422 naming each field, and creates nothing", async () => {
    const before = (await h.api(reader, "GET", "/oauth-clients")).body.data.length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: "" }, "name", /Enter a name/],
      [{ name: "x", redirectUris: ["http://app.example.com/cb"] }, "redirectUris.0", /use https/],
      [{ name: "x", redirectUris: ["https://app.example.com/cb#frag"] }, "redirectUris.0", /fragment/],
      [{ name: "x", redirectUris: ["https://localhost/cb"] }, "redirectUris.0", /use http for localhost/],
      [{ name: "x", grantTypes: ["implicit"] }, "grantTypes.0", /Grant types are/],
      [{ name: "x", grantTypes: ["authorization_code"] }, "redirectUris", /at least one redirect URI/],
      [{ name: "x", grantTypes: ["client_credentials"], tokenEndpointAuthMethod: "none" }, "grantTypes", /public/],
      [{ name: "x", grantTypes: ["client_credentials"], scopes: ["has space"] }, "scopes.0", /single words/],
      [
        { name: "x", redirectUris: ["https://app.example.com/cb"], scopes: ["openid", "orders:read"] },
        "scopes",
        /orders:read: .*need the client credentials grant/,
      ],
      [
        { name: "x", grantTypes: ["client_credentials"], tokenEndpointAuthMethod: "private_key_jwt" },
        "jwksUri",
        /JWKS/,
      ],
      [{ name: "x", logoUrl: "http://cdn.example.com/logo.png" }, "logoUrl", /https/],
      [
        {
          name: "x",
          grantTypes: ["client_credentials"],
          tokenEndpointAuthMethod: "private_key_jwt",
          jwks: { keys: [{ kty: "OKP", crv: "Ed25519", x: "11qY", d: "nWGx" }] },
        },
        "jwks.keys.0",
        /private key/,
      ],
      [{ name: "x", secret: "mine" }, "secret", /not accepted/],
    ];
    for (const [body, field, message] of cases) {
      const answer = await h.api(writer, "POST", "/oauth-clients", body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.code).toBe("validation_failed");
      const detail = answer.body.error.details.find((d: { field: string }) => d.field === field);
      expect(detail, `${JSON.stringify(body)} → ${answer.text}`).toBeDefined();
      expect(detail.message).toMatch(message);
    }
    expect((await h.api(reader, "GET", "/oauth-clients")).body.data.length).toBe(before);
  });

  it("needs oauth-clients:write to change anything", async () => {
    const refused = await h.api(reader, "POST", "/oauth-clients", { name: "Nope" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("oauth-clients:write");
  });
});

describe("changing a client", () => {
  it("updates redirect URIs and first-party, disables and enables, answering 422 for bad changes", async () => {
    const { client: created } = await client.oauthClients.create({
      name: "Dashboard",
      redirectUris: ["https://dash.example.com/cb"],
    });
    const updated = await client.oauthClients.update(created.clientId, {
      redirectUris: ["https://dash.example.com/callback", "https://dash.example.com/cb2"],
      firstParty: true,
      logoUrl: "https://cdn.example.com/dash.png",
    });
    expect(updated.client).toMatchObject({
      redirectUris: ["https://dash.example.com/callback", "https://dash.example.com/cb2"],
      firstParty: true,
      logoUrl: "https://cdn.example.com/dash.png",
      name: "Dashboard",
    });
    expect(updated.clientSecret).toBeNull();
    const row = await storedClient(acme, created.clientId);
    expect(row?.skipConsent).toBe(true);

    const disabled = await client.oauthClients.update(created.clientId, { enabled: false });
    expect(disabled.client.enabled).toBe(false);
    expect((await storedClient(acme, created.clientId))?.disabled).toBe(true);
    expect((await client.oauthClients.update(created.clientId, { enabled: true })).client.enabled).toBe(true);

    const bad = await h.api(writer, "PATCH", `/oauth-clients/${created.clientId}`, { redirectUris: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("redirectUris");
    const empty = await h.api(writer, "PATCH", `/oauth-clients/${created.clientId}`, {});
    expect(empty.status).toBe(422);
  });

  it("rotates the secret: a new one once, the old hash gone; a public client has none to rotate", async () => {
    const created = await client.oauthClients.create({ name: "Rotating", grantTypes: ["client_credentials"] });
    const rotated = await client.oauthClients.rotateSecret(created.client.clientId);
    expect(rotated.clientSecret).toBeTruthy();
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    const row = await storedClient(acme, created.client.clientId);
    expect(row?.clientSecret).toBe(sha256(rotated.clientSecret!));

    const publicClient = await client.oauthClients.create({
      name: "SPA",
      redirectUris: ["https://spa.example.com/cb"],
      tokenEndpointAuthMethod: "none",
    });
    const refused = await client.oauthClients.rotateSecret(publicClient.client.clientId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PorticoApiError);
    expect((refused as PorticoApiError).status).toBe(409);
    expect((refused as PorticoApiError).code).toBe("no_secret");
  });

  it("answers a secret once when a public client becomes confidential, and drops it when it becomes public again", async () => {
    const { client: spa } = await client.oauthClients.create({
      name: "Growing app",
      redirectUris: ["https://grow.example.com/cb"],
      tokenEndpointAuthMethod: "none",
    });
    const confidential = await client.oauthClients.update(spa.clientId, {
      tokenEndpointAuthMethod: "client_secret_post",
    });
    expect(confidential.clientSecret).toMatch(/^pcs_/);
    expect(confidential.client.hasSecret).toBe(true);
    expect((await storedClient(acme, spa.clientId))?.clientSecret).toBe(sha256(confidential.clientSecret!));
    const renamed = await client.oauthClients.update(spa.clientId, { name: "Grown app" });
    expect(renamed.clientSecret).toBeNull();

    const backToPublic = await client.oauthClients.update(spa.clientId, { tokenEndpointAuthMethod: "none" });
    expect(backToPublic.client.hasSecret).toBe(false);
    expect((await storedClient(acme, spa.clientId))?.clientSecret ?? null).toBeNull();
  });

  it("deletes a client with its refresh and access tokens, consents and audience links", async () => {
    const created = await client.oauthClients.create({
      name: "Doomed",
      redirectUris: ["https://doomed.example.com/cb"],
      audiences: ["https://doomed-api.example.com"],
    });
    const { clientId } = created.client;
    const user = await h.api((await h.createKey(acme, ["users:write"])).key, "POST", "/users", {
      email: "consenting@example.com",
      name: "Consenting",
    });
    expect(user.status).toBe(201);
    const { getPortico } = await import("~/context.server");
    const live = await getPortico().registry.resolve({ id: acme.id });
    if (live.status !== "ok") throw new Error("acme is not live");
    const now = new Date();
    const later = new Date(Date.now() + 3_600_000);
    const userId = user.body.id as string;
    await live.db.oauthConsent.create({
      data: { id: "consent-1", clientId, userId, scopes: "openid", createdAt: now, updatedAt: now },
    });
    await live.db.oauthRefreshToken.create({
      data: {
        id: "refresh-1",
        token: "hashed-refresh",
        clientId,
        userId,
        scopes: "openid",
        expiresAt: later,
        createdAt: now,
      },
    });
    await live.db.oauthAccessToken.create({
      data: {
        id: "access-1",
        token: "hashed-access",
        clientId,
        userId,
        scopes: "openid",
        expiresAt: later,
        createdAt: now,
      },
    });
    const left = async () => [
      await live.db.oauthConsent.count({ where: { clientId } }),
      await live.db.oauthRefreshToken.count({ where: { clientId } }),
      await live.db.oauthAccessToken.count({ where: { clientId } }),
      await live.db.oauthClientResource.count({ where: { clientId } }),
    ];
    expect(await left()).toEqual([1, 1, 1, 1]);

    await client.oauthClients.delete(clientId);
    expect(await storedClient(acme, clientId)).toBeNull();
    expect(await left()).toEqual([0, 0, 0, 0]);
    expect((await h.api(reader, "GET", `/oauth-clients/${clientId}`)).status).toBe(404);
    expect((await h.api(writer, "DELETE", `/oauth-clients/${clientId}`)).status).toBe(404);
  });
});

describe("tokens for a client managed through the API", () => {
  const API = "https://orders.example.com";

  /** openid-client as the service would use it, against the tenant's token endpoint. */
  function service(clientId: string, secret: string | CryptoKey) {
    const issuer = `${h.baseUrl}/t/acme`;
    const config = new oidc.Configuration(
      { issuer, token_endpoint: `${issuer}/api/auth/oauth2/token` },
      clientId,
      undefined,
      typeof secret === "string" ? oidc.ClientSecretBasic(secret) : oidc.PrivateKeyJwt(secret),
    );
    oidc.allowInsecureRequests(config);
    return oidc.clientCredentialsGrant(config, { scope: "orders:read", resource: API });
  }

  /** "issued", or the OAuth error the token endpoint answered (in the body or a 401 challenge). */
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => "issued",
      (error: unknown) => {
        if (error instanceof oidc.ResponseBodyError) return error.error;
        if (error instanceof oidc.WWWAuthenticateChallengeError)
          return error.response
            .json()
            .then((body: { error?: string }) => `${error.status} ${body.error}`)
            .catch(() => `${error.status} ${error.cause[0]?.parameters.error}`);
        return String(error);
      },
    );

  it("gets a client-credentials JWT for its audience; the old secret is refused after rotation, and so is a disabled or deleted client", async () => {
    const created = await client.oauthClients.create({
      name: "Orders worker",
      grantTypes: ["client_credentials"],
      scopes: ["orders:read"],
      audiences: [API],
    });
    const { clientId } = created.client;
    expect(created.client.scopes).toEqual(["orders:read"]);
    expect(created.client.audiences).toEqual([API]);

    const tokens = await service(clientId, created.clientSecret!);
    const issuer = `${h.baseUrl}/t/acme`;
    const jwks = createRemoteJWKSet(new URL(`${issuer}/api/auth/jwks`));
    const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer, audience: API });
    expect(payload.scope).toBe("orders:read");

    const rotated = await client.oauthClients.rotateSecret(clientId);
    expect(await refusal(service(clientId, created.clientSecret!))).toBe("401 invalid_client");
    expect(await refusal(service(clientId, rotated.clientSecret!))).toBe("issued");

    await client.oauthClients.update(clientId, { enabled: false });
    expect(await refusal(service(clientId, rotated.clientSecret!))).toBe("401 invalid_client");
    await client.oauthClients.update(clientId, { enabled: true });
    expect(await refusal(service(clientId, rotated.clientSecret!))).toBe("issued");

    await client.oauthClients.delete(clientId);
    expect(await refusal(service(clientId, rotated.clientSecret!))).toBe("401 invalid_client");
  });

  it("gets a token with private_key_jwt and the public JWKS registered through the API, and no longer after the keys change", async () => {
    const signer = await generateKeyPair("ES256", { extractable: true });
    const other = await generateKeyPair("ES256", { extractable: true });
    const jwk = async (key: CryptoKey, kid: string) => ({ ...(await exportJWK(key)), kid, alg: "ES256", use: "sig" });
    const created = await client.oauthClients.create({
      name: "Signed worker",
      grantTypes: ["client_credentials"],
      scopes: ["orders:read"],
      audiences: [API],
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: { keys: [await jwk(signer.publicKey, "one")] },
    });
    expect(created.clientSecret).toBeNull();
    expect(created.client.hasSecret).toBe(false);
    const { clientId } = created.client;
    expect(await refusal(service(clientId, signer.privateKey))).toBe("issued");

    await client.oauthClients.update(clientId, { jwks: { keys: [await jwk(other.publicKey, "two")] } });
    expect(await refusal(service(clientId, signer.privateKey))).toMatch(/invalid_client/);
    expect(await refusal(service(clientId, other.privateKey))).toBe("issued");
  });
});

describe("tenant isolation", () => {
  it("never shows or changes another tenant's client: 404 as if it did not exist", async () => {
    const { client: created } = await client.oauthClients.create({
      name: "Acme only",
      grantTypes: ["client_credentials"],
    });
    for (const [method, path, body] of [
      ["GET", `/oauth-clients/${created.clientId}`],
      ["PATCH", `/oauth-clients/${created.clientId}`, { name: "Hijacked" }],
      ["POST", `/oauth-clients/${created.clientId}/rotate-secret`],
      ["DELETE", `/oauth-clients/${created.clientId}`],
    ] as const) {
      const answer = await h.api(otherKey, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
    expect((await h.api(otherKey, "GET", "/oauth-clients")).body.data).toEqual([]);
    expect(await storedClient(other, created.clientId)).toBeNull();
    const still = await storedClient(acme, created.clientId);
    expect(still?.name).toBe("Acme only");
  });
});

describe("audit and webhooks", () => {
  it("records oauth_client.created, .updated and .deleted, and queues them for webhooks without the secret", async () => {
    const endpoint = await h.api((await h.createKey(acme, ["webhooks:write"])).key, "POST", "/webhooks/endpoints", {
      url: "http://127.0.0.1:9/hook",
      eventTypes: ["*"],
    });
    expect(endpoint.status).toBe(201);
    const created = await client.oauthClients.create({ name: "Evented", grantTypes: ["client_credentials"] });
    const { clientId } = created.client;
    await client.oauthClients.update(clientId, { name: "Evented 2" });
    await client.oauthClients.rotateSecret(clientId);
    await client.oauthClients.delete(clientId);

    const { getPortico } = await import("~/context.server");
    const audit = await getPortico().audit.list({ tenantId: acme.id, type: "oauth_client." });
    const forClient = audit.filter((event) => event.targetId === clientId).map((event) => event.type);
    expect(forClient.sort()).toEqual(
      ["oauth_client.created", "oauth_client.deleted", "oauth_client.secret_rotated", "oauth_client.updated"].sort(),
    );
    expect(audit.find((event) => event.targetId === clientId)?.actorType).toBe("api_key");

    const db = await getPortico().storage.control();
    await vi.waitFor(
      async () => {
        const messages = await db.webhookMessage.findMany({
          where: { tenantId: acme.id, type: { startsWith: "oauth_client." } },
        });
        const mine = messages.filter((m) => JSON.parse(m.payload).data?.clientId === clientId);
        expect(mine.map((m) => m.type).sort()).toEqual([
          "oauth_client.created",
          "oauth_client.deleted",
          "oauth_client.updated",
          "oauth_client.updated",
        ]);
        for (const message of mine) expect(message.payload).not.toContain(created.clientSecret!);
      },
      { timeout: 5000 },
    );
  });
});
