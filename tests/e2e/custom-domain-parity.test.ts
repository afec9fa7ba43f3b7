/**
 * A tenant's custom domain is a full experience, not a reduced one (issue 20): its pages run
 * their scripts from that domain, passkeys use it as relying party, email links and provider
 * callbacks land on it, the widgets load from it and talk to it, /api/v1 and the JWKS answer
 * there. And it serves nothing of another tenant's, nor the console.
 * Chromium resolves every *.localhost name to the loopback address, so `<slug>.localhost`
 * stands in for a customer's domain; Node reaches it with loopbackFetch.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import type { Page } from "@playwright/test";
import { CustomerSite } from "../support/customer-site";
import { loopbackFetch } from "../support/loopback-fetch";
import { signInAtProvider, startOidcProvider } from "../support/oidc-provider";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { addVirtualAuthenticator, withoutPasskeyAutofill } from "../support/virtual-authenticator";
import {
  baseURL,
  disableTenant,
  expect,
  fillSignUp,
  PASSWORD,
  test,
  uniqueSlug,
  withControlDb,
  type CreatedTenant,
} from "./fixtures";

// Tenant set-up goes through scripts (a process per call) on a shared 2-core runner.
test.describe.configure({ timeout: 120_000 });

let smtp: TestSmtpServer;
let site: CustomerSite;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
  site = await CustomerSite.start();
});
test.afterAll(async () => {
  await smtp.close();
  await site.stop();
});

type DomainTenant = CreatedTenant & { hostname: string; origin: string };

/** The custom domain's origin for a hostname, on the e2e server's port. */
const originOf = (hostname: string) => `http://${hostname}:${new URL(baseURL).port}`;

/** A tenant serving on `<slug>.localhost`, with its config and secrets written in one script. */
async function domainTenant(
  prefix: string,
  config: Record<string, unknown> = {},
  secrets: Record<string, string> = {},
  slug = uniqueSlug(prefix),
): Promise<DomainTenant> {
  const hostname = `${slug}.localhost`;
  const name = `Domain ${slug}`;
  const out = await withControlDb(`
    const tenant = await tenants.create({ slug: ${JSON.stringify(slug)}, name: ${JSON.stringify(name)}, hostnames: [${JSON.stringify(hostname)}], config: ${JSON.stringify(config)} });
    for (const [secret, value] of Object.entries(${JSON.stringify(secrets)})) await tenants.setSecret(tenant.slug, secret, value);
    console.log(tenant.id);`);
  const origin = originOf(hostname);
  // The server's lookups are cached for about a second after the script wrote the tenant.
  await expect
    .poll(async () => (await loopbackFetch(`${origin}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(200);
  return { slug, name, id: out.trim().split("\n").at(-1)!, hostname, origin };
}

const smtpConfig = () => ({
  host: "127.0.0.1",
  port: smtp.port,
  security: "none",
  fromAddress: "no-reply@domain.test",
});

/** Fails the test on any script error or failed hydration on the page. */
function failOnPageErrors(page: Page) {
  page.on("pageerror", (error) => {
    throw new Error(`Uncaught error on the page: ${error.message}`);
  });
}

async function apiKeyFor(slug: string, scopes: string[]): Promise<string> {
  const out = await withControlDb(`
    const { ApiKeyService } = await import("./app/api-keys/keys.server.ts");
    const tenant = await tenants.requireBySlug(${JSON.stringify(slug)});
    const { key } = await new ApiKeyService(storage).create({ tenant, name: "e2e", scopes: ${JSON.stringify(scopes)}, createdById: null });
    process.stdout.write(key);`);
  return out.trim().split("\n").at(-1)!;
}

test("the pages run their scripts from the domain: client-side navigation, and passkeys with the domain as relying party", async ({
  page,
  uniqueEmail,
}) => {
  failOnPageErrors(page);
  await withoutPasskeyAutofill(page);
  const tenant = await domainTenant("pkd", { authMethods: { passkey: { enabled: true } } });
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  const assets: { type: string; url: string }[] = [];
  page.on("request", (request) => {
    const type = request.resourceType();
    if (type === "script" || type === "stylesheet") assets.push({ type, url: request.url() });
  });

  await page.goto(`${tenant.origin}/sign-in`);
  await expect(page.getByText(tenant.name, { exact: true })).toBeVisible();
  // The page is running Remix's client: its scripts and styles came from the custom domain itself.
  await page.waitForFunction(() => "__remixRouter" in window);
  expect(new Set(assets.map((asset) => asset.type))).toEqual(new Set(["script", "stylesheet"]));
  expect(assets.filter((asset) => !asset.url.startsWith(`${tenant.origin}/`))).toEqual([]);
  // A link is followed by the client router (no new document: the marker survives).
  await page.evaluate(() => Object.assign(window, { stillTheSameDocument: true }));
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/sign-up`);
  expect(await page.evaluate(() => "stillTheSameDocument" in window)).toBe(true);

  const email = uniqueEmail("pkd");
  await fillSignUp(page, { name: "Dom Key", email });
  await expect(page).toHaveURL(`${tenant.origin}/account`);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials.map((credential) => credential.rpId)).toEqual([tenant.hostname]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/sign-in`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`${tenant.origin}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("the verification email's link is on the custom domain and verifies there", async ({ page, uniqueEmail }) => {
  failOnPageErrors(page);
  const tenant = await domainTenant("mail", {
    smtp: smtpConfig(),
    authMethods: { emailPassword: { enabled: true, sendVerificationOnSignUp: true } },
  });
  const email = uniqueEmail("mail");
  await page.goto(`${tenant.origin}/sign-up`);
  await fillSignUp(page, { name: "Mai Link", email });
  await expect(page).toHaveURL(`${tenant.origin}/account`);

  const mail = await smtp.waitForMessage(email);
  const link = linkIn(mail, "/verify-email");
  expect(link.startsWith(`${tenant.origin}/api/auth/verify-email?`)).toBe(true);
  expect(new URL(link).searchParams.get("callbackURL")).toBe(`${tenant.origin}/verify-email?status=verified`);
  await page.goto(link);
  await expect(page).toHaveURL(`${tenant.origin}/verify-email?status=verified`);
  const session = await page.evaluate(() => fetch("/api/auth/get-session").then((response) => response.json()));
  expect(session.user).toMatchObject({ email, emailVerified: true });
});

test("social sign-in calls back to the custom domain", async ({ page, uniqueEmail }) => {
  failOnPageErrors(page);
  const slug = uniqueSlug("sso");
  const origin = originOf(`${slug}.localhost`);
  // The provider accepts only the custom domain's callback: a callback on the shared host fails.
  const idp = await startOidcProvider({ redirectUris: [`${origin}/api/auth/callback/oidc`] });
  try {
    const oidc = { enabled: true, displayName: "Acme SSO", discoveryUrl: idp.discoveryUrl, clientId: idp.clientId };
    const tenant = await domainTenant(
      "sso",
      { authMethods: { oidc } },
      { "oidc.clientSecret": idp.clientSecret },
      slug,
    );
    const email = uniqueEmail("sso");
    await page.goto(`${tenant.origin}/sign-in`);
    await page.getByRole("button", { name: "Continue with Acme SSO" }).click();
    await signInAtProvider(page, idp, email);
    await expect(page).toHaveURL(`${tenant.origin}/account`);
    await expect(page.getByTestId("account-email")).toHaveText(email);
  } finally {
    await idp.close();
  }
});

test.describe("on a customer's page", () => {
  // No per-test client address: the customer's page must not send Portico extra headers.
  test.use({ extraHTTPHeaders: async ({}, use) => use({}) });

  test("the widgets load from the custom domain, talk to it, and their JWT verifies against its JWKS", async ({
    page,
    uniqueEmail,
  }) => {
    const tenant = await domainTenant("wid", {
      trustedOrigins: [site.crossSiteOrigin],
      authMethods: { bearer: { enabled: true } },
    });
    const portico: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(site.crossSiteOrigin)) portico.push(request.url());
    });
    failOnPageErrors(page);
    const path = `/${uniqueSlug("page")}`;
    site.page(path, {
      portico: tenant.origin,
      body: `<auth-login tenant="${tenant.slug}" start="sign-up"></auth-login>`,
    });
    await page.goto(`${site.crossSiteOrigin}${path}`);

    const email = uniqueEmail("wid");
    await page.getByLabel("Name").fill("Wid Get");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    expect(portico.length).toBeGreaterThan(0);
    expect(portico.filter((url) => !url.startsWith(`${tenant.origin}/`))).toEqual([]);

    const token = await page.evaluate(() =>
      (window as unknown as { Portico: { getToken(): Promise<string> } }).Portico.getToken(),
    );
    const jwks = (await (await loopbackFetch(`${tenant.origin}/api/auth/jwks`)).json()) as JSONWebKeySet;
    // Tokens from /token keep the shared host's issuer on every host (decision 0024).
    const issuer = `${baseURL}/t/${tenant.slug}`;
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer, audience: issuer });
    expect(payload.email).toBe(email);
    const wellKnown = (await (await loopbackFetch(`${tenant.origin}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    expect(wellKnown.keys.map((key) => key.kid)).toEqual(jwks.keys.map((key) => key.kid));
  });
});

test("a custom domain answers /api/v1 for its own tenant only, and serves neither the console nor another tenant", async ({
  apiSignUp,
  uniqueEmail,
}) => {
  const [mine, theirs] = await Promise.all([domainTenant("apia"), domainTenant("apib")]);
  const email = uniqueEmail("apia");
  await apiSignUp(mine.slug, { name: "Api User", email });
  const [myKey, theirKey] = await Promise.all([
    apiKeyFor(mine.slug, ["users:read"]),
    apiKeyFor(theirs.slug, ["users:read"]),
  ]);
  const users = (origin: string, key: string) =>
    loopbackFetch(`${origin}/api/v1/users`, { headers: { authorization: `Bearer ${key}` } });

  const listed = await users(mine.origin, myKey);
  expect(listed.status).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain(email);
  // Another tenant's key is not valid on this domain (on its own domain it is).
  const foreign = await users(mine.origin, theirKey);
  expect(foreign.status).toBe(401);
  expect(await foreign.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  expect((await users(theirs.origin, theirKey)).status).toBe(200);

  // The console and the platform's API are not on a tenant's domain.
  for (const path of [
    "/admin",
    `/admin/${mine.slug}`,
    `/admin/${mine.slug}/api-keys`,
    "/api/platform/auth/get-session",
  ])
    expect((await loopbackFetch(`${mine.origin}${path}`)).status, path).toBe(404);
  // Another tenant's pages and auth API are not reachable through this domain.
  const other = await loopbackFetch(`${mine.origin}/t/${theirs.slug}/sign-in`);
  expect(other.status).toBe(404);
  expect(await other.text()).not.toContain(theirs.name);
  expect((await loopbackFetch(`${mine.origin}/t/${theirs.slug}/api/auth/get-session`)).status).toBe(404);

  // A Host no tenant registered gets no tenant's pages at its root.
  const spoofed = await loopbackFetch(`${originOf(`${uniqueSlug("nobody")}.localhost`)}/sign-in`);
  expect(await spoofed.text()).not.toContain(mine.name);
  // A disabled tenant's domain serves nothing.
  await disableTenant(mine.slug);
  for (const path of ["/sign-in", "/", "/api/auth/get-session", "/admin"])
    expect((await loopbackFetch(`${mine.origin}${path}`)).status, path).toBe(404);
  expect((await users(mine.origin, myKey)).status).toBe(403);
});
