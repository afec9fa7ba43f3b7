import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import { rotateJwtKeys } from "~/jwt/keys.server";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";
import { testRegistry } from "../support/registry";
import { callTenantAuth, cookieHeader } from "../support/tenant-auth";

const PUBLIC_URL = "http://localhost:3998";
const SECRET = "jwt-test-deployment-secret".padEnd(48, "j");
const PASSWORD = "correct-horse-battery";

type Live = Extract<ResolvedTenant, { status: "ok" }>;

function callAuth(live: Live, endpoint: string, options: { body?: unknown; cookie?: string } = {}) {
  return callTenantAuth(live, PUBLIC_URL, endpoint, options);
}

describe.each(testProviders())("tenant JWTs and key rotation on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  afterEach(async () => {
    await registry.close();
    await resetTestStorage(test);
  });

  async function liveTenant(slug: string, jwt: Record<string, unknown> = {}): Promise<Live> {
    await tenants.create({ slug, name: `Tenant ${slug}`, hostnames: [] });
    if (Object.keys(jwt).length) await tenants.updateConfig(slug, { authMethods: { jwt: { enabled: true, ...jwt } } });
    registry = testRegistry(tenants, test.storage, PUBLIC_URL);
    const resolved = await registry.resolve({ slug });
    if (resolved.status !== "ok") throw new Error(`tenant ${slug} is ${resolved.status}`);
    return resolved;
  }

  /** Signs a user up and returns a JWT from GET /token with their session cookie. */
  async function userToken(live: Live, email: string): Promise<string> {
    const signUp = await callAuth(live, "sign-up/email", { body: { name: "Jwt User", email, password: PASSWORD } });
    expect(signUp.status).toBe(200);
    const cookie = cookieHeader(signUp);
    const response = await callAuth(live, "token", { cookie });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  async function jwks(live: Live): Promise<JSONWebKeySet> {
    const response = await callAuth(live, "jwks");
    expect(response.status).toBe(200);
    return (await response.json()) as JSONWebKeySet;
  }

  it("issues EdDSA tokens for the tenant's URL, 15 minutes long, verifiable against its JWKS", async () => {
    const live = await liveTenant("jwt-default");
    expect(live.tenant.config.authMethods.jwt.enabled).toBe(true);
    const token = await userToken(live, "default@example.com");
    const issuer = `${PUBLIC_URL}/t/jwt-default`;
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await jwks(live)), {
      issuer,
      audience: issuer,
    });
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(payload).toMatchObject({ email: "default@example.com", email_verified: false, name: "Jwt User" });
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
    // The session token never leaks into the JWT.
    expect(JSON.stringify(payload)).not.toMatch(/token/i);
  });

  it("follows the tenant's algorithm, lifetime and audience", async () => {
    const live = await liveTenant("jwt-custom", { algorithm: "ES256", expirationMinutes: 5, audience: "orders-api" });
    const token = await userToken(live, "custom@example.com");
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await jwks(live)), {
      issuer: `${PUBLIC_URL}/t/jwt-custom`,
      audience: "orders-api",
    });
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload.exp! - payload.iat!).toBe(5 * 60);
  });

  it("rotation publishes a new key at once and keeps the old one only for a token lifetime", async () => {
    const live = await liveTenant("jwt-rotate", { expirationMinutes: 10 });
    const before = await userToken(live, "rotate@example.com");
    const oldKid = decodeProtectedHeader(before).kid;

    const { kid, retired } = await rotateJwtKeys(live);
    expect(retired).toBe(1);
    expect(kid).not.toBe(oldKid);
    const published = (await jwks(live)).keys.map((key) => key.kid);
    expect(published.sort()).toEqual([kid, oldKid].sort());
    // A token from before the rotation still verifies; new ones use the new key.
    const verifiedBefore = await jwtVerify(before, createLocalJWKSet(await jwks(live)), {
      audience: `${PUBLIC_URL}/t/jwt-rotate`,
    });
    expect(verifiedBefore.protectedHeader.kid).toBe(oldKid);
    expect(decodeProtectedHeader(await userToken(live, "after@example.com")).kid).toBe(kid);

    // Once every token it signed has expired (10 minutes + 5 minutes margin), the old key goes.
    await live.db.jwks.update({ where: { id: oldKid! }, data: { expiresAt: new Date(Date.now() - 16 * 60 * 1000) } });
    expect((await jwks(live)).keys.map((key) => key.kid)).toEqual([kid]);
  });

  it("a tenant with JWTs off has no /token and cannot rotate", async () => {
    await tenants.create({ slug: "jwt-off", name: "Off", hostnames: [] });
    await tenants.updateConfig("jwt-off", { authMethods: { jwt: { enabled: false } } });
    registry = testRegistry(tenants, test.storage, PUBLIC_URL);
    const live = (await registry.resolve({ slug: "jwt-off" })) as Live;
    expect((await callAuth(live, "token")).status).toBe(404);
    await expect(rotateJwtKeys(live)).rejects.toThrow("does not issue JWTs");
  });
});
