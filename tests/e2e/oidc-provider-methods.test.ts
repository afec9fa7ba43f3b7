import type { APIRequestContext, Page, PlaywrightWorkerArgs } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { loopbackFetch } from "../support/loopback-fetch";
import { signInAtProvider, startOidcProvider } from "../support/oidc-provider";
import { addVirtualAuthenticator, withoutPasskeyAutofill } from "../support/virtual-authenticator";
import {
  baseURL,
  expect,
  fillSignIn,
  PASSWORD,
  patchTenantConfig,
  signUp,
  tenantCli,
  test,
  uniqueSlug,
} from "./fixtures";
import { beginAuthorization, discover, providerTenant, registerClient, relyingPartyForFile } from "./oauth-helpers";

/**
 * "Sign in with the tenant" with every way the tenant lets its users in, proven with
 * openid-client as the relying party and Chromium as the user's browser: the authorization
 * request's `login_hint`, a second factor, a passkey, a social provider, each ending with
 * consent, the code at the RP and an ID token verified against the JWKS; and the tenant's
 * custom domain as an issuer of its own.
 */

// Test set-up runs the app's modules in a separate process (several seconds each time).
test.describe.configure({ timeout: 120_000 });

const relyingParty = relyingPartyForFile();

/** A third-party web app "Shop" that signs its users in with the tenant (consent is asked). */
function shopClient(slug: string) {
  return registerClient(slug, {
    name: "Shop",
    tokenEndpointAuthMethod: "client_secret_basic",
    grantTypes: ["authorization_code"],
    redirectUris: [relyingParty().redirectUri],
    scopes: ["openid", "profile", "email"],
  });
}

/** The consent page for Shop: Allow, then the code arrives at the RP. */
async function allowAtConsent(page: Page, slug: string): Promise<URL> {
  await expect(page.getByRole("heading", { name: `Allow Shop to use your Tenant ${slug} account?` })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Test RP received: code" })).toBeVisible();
  return relyingParty().nextCallback();
}

test("login_hint pre-fills the hosted sign-in, with and without JavaScript, and stays text in that field", async ({
  page,
  browser,
  apiSignUp,
  uniqueEmail,
  extraHTTPHeaders,
}) => {
  const { slug, issuer } = await providerTenant("hint", { authMethods: { phoneNumber: { enabled: true } } });
  const email = uniqueEmail("hint");
  await apiSignUp(slug, { name: "Hint User", email });
  const config = await discover(issuer, await shopClient(slug));

  const flow = await beginAuthorization(config, relyingParty().redirectUri, { login_hint: email });
  await page.goto(flow.url.href);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in\\?`));
  await expect(page.getByLabel("Email")).toHaveValue(email);
  // The address is known: the cursor waits in the password field.
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const { user } = await flow.redeem(await allowAtConsent(page, slug));
  expect(user.email).toBe(email);

  const hintedPage = async (hint: string, javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders });
    const fresh = await context.newPage();
    const url = (await beginAuthorization(config, relyingParty().redirectUri, { login_hint: hint })).url.href;
    const html = await (await fresh.goto(url))!.text();
    await expect(fresh).toHaveURL(new RegExp(`/t/${slug}/sign-in\\?`));
    return { fresh, html, close: () => context.close() };
  };
  // Without JavaScript the server-rendered field carries it.
  const plain = await hintedPage(email, false);
  await expect(plain.fresh.getByLabel("Email")).toHaveValue(email);
  await plain.close();

  // A phone number pre-fills the phone sign-in, one link away.
  const phoneHint = await hintedPage("+49 151 2345 6789", false);
  await phoneHint.fresh.getByRole("link", { name: "Use your phone number" }).click();
  await expect(phoneHint.fresh.getByLabel("Phone number")).toHaveValue("+4915123456789");
  await phoneHint.close();

  // Markup in a hint is the field's text, never markup on the page or in its data.
  const markup = `"><img src=x onerror="document.title='pwned'">`;
  const hostile = await hintedPage(markup, true);
  await expect(hostile.fresh.getByLabel("Email")).toHaveValue(markup);
  await expect(hostile.fresh.locator('img[src="x"]')).toHaveCount(0);
  expect(await hostile.fresh.title()).not.toBe("pwned");
  expect(hostile.html).not.toContain("<img src=x");
  await hostile.close();

  // Longer than any address, or more than one line: not shown at all.
  for (const hint of [`${"a".repeat(250)}@example.com`, `${email}\nadmin@example.com`]) {
    const dropped = await hintedPage(hint, false);
    await expect(dropped.fresh.getByLabel("Email")).toHaveValue("");
    await dropped.close();
  }
});

function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
}

/** A user whose authenticator app is set up (through the API, as the account page does); returns its key. */
async function userWithTotp(playwright: PlaywrightWorkerArgs["playwright"], slug: string, email: string) {
  const api: APIRequestContext = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL },
  });
  try {
    const auth = `/t/${slug}/api/auth`;
    const signedUp = await api.post(`${auth}/sign-up/email`, {
      data: { name: "Totp User", email, password: PASSWORD },
    });
    expect(signedUp.status(), await signedUp.text()).toBe(200);
    const enabled = await api.post(`${auth}/two-factor/enable`, { data: { password: PASSWORD } });
    expect(enabled.status(), await enabled.text()).toBe(200);
    const secret = new URL(((await enabled.json()) as { totpURI: string }).totpURI).searchParams.get("secret")!;
    const verified = await api.post(`${auth}/two-factor/verify-totp`, { data: { code: totpCode(secret) } });
    expect(verified.status(), await verified.text()).toBe(200);
    return secret;
  } finally {
    await api.dispose();
  }
}

test("a user with two-factor: password, then the code, then back in the flow to consent and the RP", async ({
  page,
  playwright,
  uniqueEmail,
}) => {
  const { slug, issuer } = await providerTenant("totp", { authMethods: { twoFactor: { enabled: true } } });
  const email = uniqueEmail("totp");
  const secret = await userWithTotp(playwright, slug, email);
  const config = await discover(issuer, await shopClient(slug));

  const flow = await beginAuthorization(config, relyingParty().redirectUri);
  await page.goto(flow.url.href);
  await fillSignIn(page, { email });
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/two-factor\\?`));
  await page.getByLabel("Authentication code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  // Not the tenant's account page: the authorization goes on.
  const { user } = await flow.redeem(await allowAtConsent(page, slug));
  expect(user.email).toBe(email);
});

test("a passkey signs the user in inside the flow", async ({ page, uniqueEmail }) => {
  await withoutPasskeyAutofill(page);
  const { slug, issuer } = await providerTenant("pk", { authMethods: { passkey: { enabled: true } } });
  await addVirtualAuthenticator(page);
  const email = uniqueEmail("pk");
  await signUp(page, slug, { name: "Pat Key", email });
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  // Signed out, the authenticator still holds the passkey.
  await page.context().clearCookies();
  const config = await discover(issuer, await shopClient(slug));

  const flow = await beginAuthorization(config, relyingParty().redirectUri);
  await page.goto(flow.url.href);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in\\?`));
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  const { user } = await flow.redeem(await allowAtConsent(page, slug));
  expect(user.email).toBe(email);
});

test("a social sign-in resumes the flow after the provider's callback", async ({ page, uniqueEmail }) => {
  const slug = uniqueSlug("sso");
  const idp = await startOidcProvider({ redirectUris: [`${baseURL}/t/${slug}/api/auth/callback/oidc`] });
  try {
    const { issuer } = await providerTenant("sso", {
      slug,
      authMethods: {
        oidc: { enabled: true, displayName: "Acme SSO", discoveryUrl: idp.discoveryUrl, clientId: idp.clientId },
      },
      secrets: { "oidc.clientSecret": idp.clientSecret },
    });
    const config = await discover(issuer, await shopClient(slug));
    const email = uniqueEmail("sso");

    const flow = await beginAuthorization(config, relyingParty().redirectUri);
    await page.goto(flow.url.href);
    await page.getByRole("button", { name: "Continue with Acme SSO" }).click();
    await signInAtProvider(page, idp, email);
    const { user } = await flow.redeem(await allowAtConsent(page, slug));
    expect(user).toMatchObject({ email, name: `OIDC ${email.split("@")[0]}` });
  } finally {
    await idp.close();
  }
});

test("on the tenant's custom domain the domain is the issuer: discovery, the flow in Chromium, tokens", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  // Chromium resolves every *.localhost name to the loopback address, so `<slug>.localhost`
  // stands in for a customer's domain such as auth.acme.com; Node gets there with loopbackFetch.
  const slug = uniqueSlug("cd");
  const hostname = `${slug}.localhost`;
  await tenantCli("create", slug, "--name", `Tenant ${slug}`, "--hostname", hostname, "--no-enumeration-protection");
  await patchTenantConfig(slug, { authMethods: { jwt: { enabled: true }, oauthProvider: { enabled: true } } });
  const origin = `http://${hostname}:${new URL(baseURL).port}`;
  const email = uniqueEmail("cd");
  await apiSignUp(slug, { name: "Dom Ain", email });
  const client = await shopClient(slug);

  const config = await discover(origin, client, undefined, loopbackFetch);
  const metadata = config.serverMetadata();
  expect(metadata.issuer).toBe(origin);
  const endpoints = [
    metadata.authorization_endpoint,
    metadata.token_endpoint,
    metadata.userinfo_endpoint,
    metadata.jwks_uri,
    metadata.introspection_endpoint,
    metadata.revocation_endpoint,
    metadata.end_session_endpoint,
  ];
  for (const endpoint of endpoints) expect(new URL(endpoint!).origin).toBe(origin);
  const rfc8414 = await loopbackFetch(`${origin}/.well-known/oauth-authorization-server`);
  expect(((await rfc8414.json()) as { issuer: string }).issuer).toBe(origin);

  const flow = await beginAuthorization(config, relyingParty().redirectUri);
  await page.goto(flow.url.href);
  await expect(page).toHaveURL(new RegExp(`^${origin}/sign-in\\?`));
  await fillSignIn(page, { email });
  const callback = await allowAtConsent(page, slug);
  expect(callback.searchParams.get("iss")).toBe(origin);
  // openid-client checks the callback's and the ID token's issuer; jose checks the ID token again.
  const { idToken, user } = await flow.redeem(callback);
  expect(idToken.iss).toBe(origin);
  expect(user.email).toBe(email);

  // The shared host keeps its own issuer for the same tenant.
  const shared = await discover(`${baseURL}/t/${slug}`, client);
  expect(shared.serverMetadata().issuer).toBe(`${baseURL}/t/${slug}`);
  expect(shared.serverMetadata().token_endpoint).toBe(`${baseURL}/t/${slug}/api/auth/oauth2/token`);
});
