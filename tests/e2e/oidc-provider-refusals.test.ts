import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { startRelyingParty, type TestRelyingParty } from "../support/oauth-rp";
import { expect, fillSignIn, tenantId, test, withControlDb } from "./fixtures";
import { discover, providerTenant, registerClient } from "./oauth-helpers";

/**
 * What the authorization server refuses, each seen by an independent client (openid-client,
 * plain fetch): machine tokens for services, and every way a code, verifier, refresh token or
 * client from somewhere else must not work.
 */
const API = "https://orders.internal.example";

// Test set-up runs the app's modules in a separate process (several seconds each time).
test.describe.configure({ timeout: 120_000 });

/** The OAuth error a refused openid-client call carries, from the body or a WWW-Authenticate challenge. */
async function refusal(call: Promise<unknown>): Promise<{ status?: number; error?: string }> {
  const error = (await call.then(
    () => null,
    (reason: unknown) => reason,
  )) as { status?: number; error?: string; response?: Response } | null;
  if (!error) throw new Error("the call succeeded");
  // A 401 comes as a WWW-Authenticate challenge; the OAuth error is still in its body.
  const body = error.response && !error.response.bodyUsed ? await error.response.json().catch(() => null) : null;
  return { status: error.status, error: error.error ?? (body as { error?: string } | null)?.error };
}

let rp: TestRelyingParty;
test.beforeAll(async () => {
  rp = await startRelyingParty();
});
test.afterAll(async () => {
  await rp.close();
});

test("client credentials: a service gets a JWT for its audience; secrets and scopes are checked", async () => {
  const { slug, issuer } = await providerTenant("m2m");
  const service = await registerClient(slug, {
    name: "Billing",
    tokenEndpointAuthMethod: "client_secret_basic",
    grantTypes: ["client_credentials"],
    clientCredentialsScopes: ["orders:read"],
    audiences: [API],
  });
  const config = await discover(issuer, service);
  const tokens = await oidc.clientCredentialsGrant(config, { scope: "orders:read", resource: API });
  const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
  const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer, audience: API });
  expect(payload.scope).toBe("orders:read");
  // No user behind a machine token: its subject is the client (RFC 9068 §2.2).
  expect(payload.sub).toBe(service.clientId);

  expect(await refusal(oidc.clientCredentialsGrant(config, { scope: "orders:write", resource: API }))).toEqual({
    status: 400,
    error: "invalid_scope",
  });
  const wrongSecret = await discover(issuer, { ...service, clientSecret: "pcs_not-the-secret" });
  expect(await refusal(oidc.clientCredentialsGrant(wrongSecret, { resource: API }))).toEqual({
    status: 401,
    error: "invalid_client",
  });

  // Another tenant's authorization server does not know this client.
  const other = await providerTenant("m2m-other");
  const elsewhere = await discover(other.issuer, service);
  expect(await refusal(oidc.clientCredentialsGrant(elsewhere, { resource: API }))).toEqual({
    status: 401,
    error: "invalid_client",
  });
});

test("refused: unregistered redirect URI, missing or wrong PKCE verifier, reused code, reused refresh token", async ({
  page,
  apiSignUp,
  uniqueEmail,
  request,
}) => {
  const { slug, issuer } = await providerTenant("neg");
  const email = uniqueEmail("neg");
  await apiSignUp(slug, { name: "Neg User", email });
  const client = await registerClient(slug, {
    name: "Shop",
    tokenEndpointAuthMethod: "client_secret_post",
    grantTypes: ["authorization_code", "refresh_token"],
    redirectUris: [rp.redirectUri],
    scopes: ["openid", "email", "offline_access"],
    skipConsent: true,
  });
  const config = await discover(issuer, client, oidc.ClientSecretPost(client.clientSecret!));

  // A redirect URI that is not registered: an error page here, never a redirect there.
  const verifier = oidc.randomPKCECodeVerifier();
  const challenge = await oidc.calculatePKCECodeChallenge(verifier);
  const params = { scope: "openid email offline_access", code_challenge: challenge, code_challenge_method: "S256" };
  const evil = oidc.buildAuthorizationUrl(config, { ...params, redirect_uri: "https://evil.example/callback" });
  const refused = await request.get(evil.href, { maxRedirects: 0 });
  expect(refused.status()).toBeGreaterThanOrEqual(300);
  expect(refused.headers()["location"] ?? "").not.toContain("evil.example");

  // A real code, then every misuse of it.
  const codeFor = async (state: string) => {
    await page.goto(oidc.buildAuthorizationUrl(config, { ...params, redirect_uri: rp.redirectUri, state }).href);
    if (page.url().includes("/sign-in")) await fillSignIn(page, { email });
    await expect(page.getByRole("heading", { name: "Test RP received: code" })).toBeVisible();
    return rp.nextCallback();
  };
  const tokenRequest = (form: Record<string, string>) =>
    request.post(`${issuer}/api/auth/oauth2/token`, {
      form: { client_id: client.clientId, client_secret: client.clientSecret!, ...form },
    });

  const first = (await codeFor("a")).searchParams.get("code")!;
  const missing = await tokenRequest({ grant_type: "authorization_code", code: first, redirect_uri: rp.redirectUri });
  expect(missing.status()).toBe(400);
  const wrongVerifier = await tokenRequest({
    grant_type: "authorization_code",
    code: first,
    redirect_uri: rp.redirectUri,
    code_verifier: oidc.randomPKCECodeVerifier(),
  });
  expect(wrongVerifier.status()).toBe(400);
  expect((await wrongVerifier.json()).error).toBe("invalid_grant");

  const second = (await codeFor("b")).searchParams.get("code")!;
  const redeemed = await tokenRequest({
    grant_type: "authorization_code",
    code: second,
    code_verifier: verifier,
    redirect_uri: rp.redirectUri,
  });
  expect(redeemed.status(), await redeemed.text()).toBe(200);
  const reused = await tokenRequest({
    grant_type: "authorization_code",
    code: second,
    code_verifier: verifier,
    redirect_uri: rp.redirectUri,
  });
  expect(reused.status()).toBe(400);
  expect((await reused.json()).error).toBe("invalid_grant");
  // A replayed code also revokes what it was redeemed for (RFC 6749 §4.1.2).
  const { refresh_token: fromReplayedCode } = (await redeemed.json()) as { refresh_token: string };
  expect(fromReplayedCode).toBeTruthy();
  const revokedByReplay = await tokenRequest({ grant_type: "refresh_token", refresh_token: fromReplayedCode });
  expect(revokedByReplay.status()).toBe(400);

  // Refresh token reuse: the rotated-out token revokes the whole family, the new one too.
  const third = (await codeFor("c")).searchParams.get("code")!;
  const fresh = await tokenRequest({
    grant_type: "authorization_code",
    code: third,
    code_verifier: verifier,
    redirect_uri: rp.redirectUri,
  });
  const { refresh_token: original } = (await fresh.json()) as { refresh_token: string };
  const rotated = await tokenRequest({ grant_type: "refresh_token", refresh_token: original });
  expect(rotated.status(), await rotated.text()).toBe(200);
  const { refresh_token: next } = (await rotated.json()) as { refresh_token: string };
  const replay = await tokenRequest({ grant_type: "refresh_token", refresh_token: original });
  expect(replay.status()).toBe(400);
  expect((await replay.json()).error).toBe("invalid_grant");
  const afterReplay = await tokenRequest({ grant_type: "refresh_token", refresh_token: next });
  expect(afterReplay.status()).toBe(400);
});

test("an expired access token is inactive, and userinfo refuses it", async ({ request }) => {
  const { slug, issuer } = await providerTenant("exp");
  const service = await registerClient(slug, {
    name: "Short-lived",
    tokenEndpointAuthMethod: "client_secret_basic",
    grantTypes: ["client_credentials"],
    clientCredentialsScopes: ["orders:read"],
  });
  const config = await discover(issuer, service);
  const { access_token: opaque } = await oidc.clientCredentialsGrant(config, {});
  expect((await oidc.tokenIntrospection(config, opaque)).active).toBe(true);
  // Age the stored token behind the server's back, as a clock would.
  const tenant = await tenantId(slug);
  await withControlDb(`
    const connection = await storage.openTenantDatabase(${JSON.stringify(tenant)});
    try {
      await connection.db.oauthAccessToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    } finally { await connection.close(); }`);
  expect((await oidc.tokenIntrospection(config, opaque)).active).toBe(false);
  const userinfo = await request.get(`${issuer}/api/auth/oauth2/userinfo`, {
    headers: { authorization: `Bearer ${opaque}` },
  });
  expect(userinfo.status()).toBe(401);
});
