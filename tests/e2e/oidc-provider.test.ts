import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { startRelyingParty, type TestRelyingParty } from "../support/oauth-rp";
import { expect, fillSignIn, test } from "./fixtures";
import { discover, providerTenant, registerClient, registerClients } from "./oauth-helpers";

/**
 * A customer's app signs its users in with a Portico tenant ("Sign in with Acme"), proven
 * with openid-client as the relying party: discovery, authorization code + PKCE through the
 * hosted sign-in and consent pages in Chromium, tokens verified with jose against the JWKS,
 * userinfo, refresh rotation, introspection and revocation.
 */
const API = "https://api.shop.example";

// Test set-up runs the app's modules in a separate process (several seconds each time).
test.describe.configure({ timeout: 120_000 });

let rp: TestRelyingParty;
test.beforeAll(async () => {
  rp = await startRelyingParty();
});
test.afterAll(async () => {
  await rp.close();
});

test("sign in with the tenant: code + PKCE, consent, tokens, userinfo, refresh, introspection, revocation", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug, issuer } = await providerTenant();
  const email = uniqueEmail("rp");
  await apiSignUp(slug, { name: "Rita Party", email });
  const client = await registerClient(slug, {
    name: "Shop",
    tokenEndpointAuthMethod: "client_secret_basic",
    grantTypes: ["authorization_code", "refresh_token"],
    redirectUris: [rp.redirectUri],
    postLogoutRedirectUris: [rp.postLogoutUri],
    scopes: ["openid", "profile", "email", "offline_access"],
    audiences: [API],
  });
  const config = await discover(issuer, client);
  const metadata = config.serverMetadata();
  expect(metadata.issuer).toBe(issuer);
  expect(metadata.jwks_uri).toBe(`${issuer}/api/auth/jwks`);
  expect(metadata.code_challenge_methods_supported).toContain("S256");

  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: rp.redirectUri,
    scope: "openid profile email offline_access",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    resource: API,
    prompt: "consent",
  });

  // The browser: the hosted sign-in page, then the consent page, then the RP's callback.
  await page.goto(authorizationUrl.href);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
  await fillSignIn(page, { email });
  await expect(page.getByRole("heading", { name: `Allow Shop to use your Tenant ${slug} account?` })).toBeVisible();
  await expect(page.getByText("See your email address")).toBeVisible();
  await expect(page.getByText("After your answer you go back to 127.0.0.1")).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Test RP received: code" })).toBeVisible();
  const callback = await rp.nextCallback();
  expect(callback.searchParams.get("iss")).toBe(issuer);

  const tokens = await oidc.authorizationCodeGrant(
    config,
    callback,
    { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce },
    { resource: API },
  );
  // openid-client has checked the ID token (signature, issuer, audience, nonce, expiry).
  const claims = tokens.claims()!;
  expect(claims.iss).toBe(issuer);
  expect(claims.aud).toBe(client.clientId);
  expect(tokens.refresh_token).toBeTruthy();

  // The access token is a short-lived JWT for the API, verifiable with the tenant's JWKS alone.
  const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri!));
  const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer, audience: API });
  expect(payload.sub).toBe(claims.sub);
  expect(payload.exp! - payload.iat!).toBe(600);

  const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  expect(userinfo).toMatchObject({ email, name: "Rita Party", email_verified: false });

  // Refresh rotates the refresh token.
  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!, { resource: API });
  expect(refreshed.refresh_token).toBeTruthy();
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

  const active = await oidc.tokenIntrospection(config, refreshed.access_token);
  expect(active).toMatchObject({ active: true, client_id: client.clientId, sub: claims.sub });
  // Revoked, the refresh token gets nothing more.
  await oidc.tokenRevocation(config, refreshed.refresh_token!);
  await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!, { resource: API })).rejects.toMatchObject({
    error: "invalid_grant",
  });

  // A second authorization for the same scopes needs no consent: straight back to the RP.
  const again = oidc.buildAuthorizationUrl(config, {
    redirect_uri: rp.redirectUri,
    scope: "openid email",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  await page.goto(again.href);
  await expect(page.getByRole("heading", { name: "Test RP received: code" })).toBeVisible();
  await rp.nextCallback();

  // RP-initiated logout ends the session and returns to the registered post-logout URI.
  const logout = oidc.buildEndSessionUrl(config, {
    id_token_hint: tokens.id_token!,
    post_logout_redirect_uri: rp.postLogoutUri,
  });
  await page.goto(logout.href);
  await expect(page.getByRole("heading", { name: "Test RP: signed out" })).toBeVisible();
  await page.goto(`/t/${slug}/account`);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
});

test("a first-party client skips consent, and Deny sends access_denied to the RP", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug, issuer } = await providerTenant();
  const email = uniqueEmail("fp");
  await apiSignUp(slug, { name: "First Party", email });
  const base = {
    tokenEndpointAuthMethod: "none" as const,
    grantTypes: ["authorization_code" as const],
    redirectUris: [rp.redirectUri],
    scopes: ["openid", "email"],
  };
  const [firstParty, thirdParty] = await registerClients(slug, [
    { ...base, name: "Our own app", skipConsent: true },
    { ...base, name: "Someone else" },
  ]);

  const start = async (clientId: string) => {
    const config = await discover(issuer, { clientId, clientSecret: null }, oidc.None());
    const verifier = oidc.randomPKCECodeVerifier();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: rp.redirectUri,
      scope: "openid email",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: "s1",
    });
  };
  await page.goto((await start(firstParty!.clientId)).href);
  await fillSignIn(page, { email });
  await expect(page.getByRole("heading", { name: "Test RP received: code" })).toBeVisible();
  await rp.nextCallback();

  await page.goto((await start(thirdParty!.clientId)).href);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("heading", { name: "Test RP received: access_denied" })).toBeVisible();
  expect((await rp.nextCallback()).searchParams.get("error")).toBe("access_denied");
});
