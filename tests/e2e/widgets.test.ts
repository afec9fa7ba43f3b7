/**
 * The embeddable widgets on a customer's own page: a static site served by the test on another
 * origin (tests/support/customer-site.ts) loads /widgets/portico.js from Portico and signs
 * users up and in, out, between accounts and through a second factor; the JWT it emits
 * verifies against the tenant's JWKS with jose. Each test has its own tenant.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as OTPAuth from "otpauth";
import type { Locator, Page } from "@playwright/test";
import { CustomerSite } from "../support/customer-site";
import {
  baseURL,
  createTenant,
  e2eStorageEnv,
  expect,
  PASSWORD,
  patchTenantConfig,
  test,
  uniqueSlug,
} from "./fixtures";

// Playwright sends extra headers from the browser as if the page set them, which would make
// every cross-origin request (even the module script) preflighted. A customer's page sends
// none, so neither do these tests; each test's own tenant keeps rate limits apart instead.
test.use({ extraHTTPHeaders: async ({}, use) => use({}) });
// Each test creates a tenant with the CLI before its first step (slow on a busy machine).
test.describe.configure({ timeout: 90_000 });

let site: CustomerSite;
test.beforeAll(async () => {
  site = await CustomerSite.start();
});
test.afterAll(async () => {
  await site.stop();
});

type PorticoEvent = { type: string; detail: Record<string, unknown> & { user?: { id: string; email: string } } };

/** A tenant with bearer tokens on (token mode) that trusts `origins`, plus `authMethods`. */
async function widgetTenant(origins: string[], authMethods: Record<string, unknown> = {}) {
  const tenant = await createTenant(uniqueSlug("w"));
  await patchTenantConfig(tenant.slug, {
    trustedOrigins: origins,
    authMethods: { bearer: { enabled: true }, ...authMethods },
  });
  return tenant;
}

/** Opens a customer page with `body`, failing the test on any uncaught error in it. */
async function openCustomerPage(page: Page, origin: string, body: string, head = "") {
  const path = `/${uniqueSlug("page")}`;
  site.page(path, { portico: baseURL, body, head });
  page.on("pageerror", (error) => {
    throw new Error(`Uncaught error on the customer page: ${error.message}`);
  });
  await page.goto(`${origin}${path}`);
}

async function events(page: Page, type: string): Promise<PorticoEvent[]> {
  return page.evaluate(
    (wanted) => (window as unknown as { porticoEvents: PorticoEvent[] }).porticoEvents.filter((e) => e.type === wanted),
    type,
  );
}

async function nextEvent(page: Page, type: string, count = 1): Promise<PorticoEvent> {
  await expect.poll(async () => (await events(page, type)).length).toBeGreaterThanOrEqual(count);
  return (await events(page, type))[count - 1]!;
}

/**
 * `npm run tenant -- <args>` with more time than the fixtures' helper allows: rotate-jwt-keys
 * builds the tenant's auth like the server does, which is slow on a busy machine.
 */
async function tenantCommand(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/tenant.ts", ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    timeout: 75_000,
    env: e2eStorageEnv(),
  });
  return stdout;
}

async function verifyJwt(slug: string, token: string) {
  const issuer = `${baseURL}/t/${slug}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  return jwtVerify(token, jwks, { issuer, audience: issuer });
}

/** Fills the widget's sign-in form: on the page, or in `<auth-user-button>`'s dialog. */
async function signInWith(scope: Page | Locator, email: string, password = PASSWORD) {
  await scope.getByLabel("Email").fill(email);
  await scope.getByLabel("Password").fill(password);
  await scope.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a page on another site signs up with <auth-login>, gets a JWT its backend verifies, and signs out", async ({
  page,
  uniqueEmail,
}) => {
  const { slug } = await widgetTenant([site.crossSiteOrigin]);
  await openCustomerPage(page, site.crossSiteOrigin, `<auth-login tenant="${slug}" start="sign-up"></auth-login>`);
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await nextEvent(page, "portico:ready");

  const email = uniqueEmail("widget");
  await page.getByLabel("Name").fill("Ada Widget");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();

  const signedIn = await nextEvent(page, "portico:signed-in");
  expect(signedIn.detail.user?.email).toBe(email);
  const { payload, protectedHeader } = await verifyJwt(slug, signedIn.detail.token as string);
  expect(payload.sub).toBe(signedIn.detail.user?.id);
  expect(payload.email).toBe(email);
  expect(protectedHeader.alg).toBe("EdDSA");
  expect(payload.exp! - payload.iat!).toBe(15 * 60);
  // Token mode: the browser holds no Portico cookie at all.
  expect(await page.context().cookies(`${baseURL}/t/${slug}/`)).toEqual([]);

  // The programmatic API sees the same session and mints fresh tokens.
  expect(await page.evaluate(() => window.Portico.currentUser?.email)).toBe(email);
  const fresh = await page.evaluate(() => window.Portico.getToken());
  expect((await verifyJwt(slug, fresh!)).payload.email).toBe(email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await nextEvent(page, "portico:signed-out");
  expect(await page.evaluate(() => window.Portico.currentUser)).toBeNull();
});

test("sign-in works where third-party cookies are blocked; cookie mode there says why it cannot", async ({
  playwright,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = await widgetTenant([site.crossSiteOrigin]);
  const email = uniqueEmail("blocked");
  await apiSignUp(slug, { name: "Blocked Cookies", email });
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--test-third-party-cookie-phaseout"],
  });
  try {
    const page = await browser.newPage();
    await openCustomerPage(
      page,
      site.crossSiteOrigin,
      `<auth-login tenant="${slug}" token-storage="local"></auth-login>`,
    );
    await signInWith(page, email);
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    // token-storage="local" keeps the session across reloads.
    await page.reload();
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();

    const cookiePage = await browser.newPage();
    await openCustomerPage(
      cookiePage,
      site.crossSiteOrigin,
      `<auth-login tenant="${slug}" mode="cookie"></auth-login>`,
    );
    await signInWith(cookiePage, email);
    await expect(cookiePage.getByRole("alert")).toContainText("blocks Portico's cookie");
    expect((await nextEvent(cookiePage, "portico:error")).detail.code).toBe("cookies_blocked");
  } finally {
    await browser.close();
  }
});

test("cookie mode on the same site: <auth-user-button> opens sign-in in a dialog, then shows the user's menu", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = await widgetTenant([site.sameSiteOrigin]);
  const email = uniqueEmail("button");
  await apiSignUp(slug, { name: "Button User", email });
  await openCustomerPage(
    page,
    site.sameSiteOrigin,
    `<auth-user-button tenant="${slug}" mode="cookie"></auth-user-button>`,
  );

  await page.getByRole("button", { name: "Sign in" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign in" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Sign in" }).click();
  await signInWith(dialog, email);
  await expect(dialog).toBeHidden();
  const avatar = page.getByRole("button", { name: `Account menu for Button User` });
  await expect(avatar).toBeVisible();
  const cookies = await page.context().cookies(`${baseURL}/t/${slug}/`);
  expect(cookies.some((c) => c.name.endsWith(".session_token"))).toBe(true);

  await avatar.click();
  await expect(page.getByRole("menuitem", { name: "Manage account" })).toHaveAttribute(
    "href",
    `${baseURL}/t/${slug}/account`,
  );
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await nextEvent(page, "portico:signed-out");
});

test("with multiple sessions on, the user button adds a second account and switches between them", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = await widgetTenant([site.crossSiteOrigin], { multiSession: { enabled: true } });
  const first = uniqueEmail("first");
  const second = uniqueEmail("second");
  await apiSignUp(slug, { name: "First Account", email: first });
  await apiSignUp(slug, { name: "Second Account", email: second });
  await openCustomerPage(page, site.crossSiteOrigin, `<auth-user-button tenant="${slug}"></auth-user-button>`);

  const dialog = page.getByRole("dialog", { name: "Sign in" });
  await page.getByRole("button", { name: "Sign in" }).click();
  await signInWith(dialog, first);
  await page.getByRole("button", { name: "Account menu for First Account" }).click();
  await page.getByRole("menuitem", { name: "Add account" }).click();
  await signInWith(dialog, second);
  await expect(page.getByRole("button", { name: "Account menu for Second Account" })).toBeVisible();

  await page.getByRole("button", { name: "Account menu for Second Account" }).click();
  await page.getByRole("menuitem", { name: `Switch account: ${first}` }).click();
  await expect(page.getByRole("button", { name: "Account menu for First Account" })).toBeVisible();
  const switched = await nextEvent(page, "portico:signed-in", 3);
  expect(switched.detail.user?.email).toBe(first);
  expect((await verifyJwt(slug, switched.detail.token as string)).payload.email).toBe(first);
});

test("the second factor works from another site (token mode), with TOTP", async ({ page, playwright, uniqueEmail }) => {
  const { slug } = await widgetTenant([site.crossSiteOrigin], { twoFactor: { enabled: true } });
  const email = uniqueEmail("totp");
  // Set up the authenticator through the API, as the user's account page would.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  let secret: string;
  try {
    const auth = `/t/${slug}/api/auth`;
    expect(
      (await api.post(`${auth}/sign-up/email`, { data: { name: "Totp User", email, password: PASSWORD } })).ok(),
    ).toBe(true);
    const enabled = await api.post(`${auth}/two-factor/enable`, { data: { password: PASSWORD } });
    expect(enabled.status(), await enabled.text()).toBe(200);
    secret = new URL(((await enabled.json()) as { totpURI: string }).totpURI).searchParams.get("secret")!;
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    expect((await api.post(`${auth}/two-factor/verify-totp`, { data: { code } })).ok()).toBe(true);
  } finally {
    await api.dispose();
  }

  await openCustomerPage(page, site.crossSiteOrigin, `<auth-login tenant="${slug}"></auth-login>`);
  await signInWith(page, email);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect((await nextEvent(page, "portico:error")).detail.code).toBe("INVALID_CODE");

  await page.getByLabel("Code").fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate());
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  expect((await nextEvent(page, "portico:signed-in")).detail.user?.email).toBe(email);
});

test("an origin the tenant does not trust gets no CORS access and the widget says so", async ({ page, request }) => {
  const { slug } = await widgetTenant(["https://app.example.com"]);
  const preflight = await request.fetch(`/t/${slug}/api/auth/sign-in/email`, {
    method: "OPTIONS",
    headers: { origin: site.crossSiteOrigin, "access-control-request-method": "POST" },
  });
  expect(preflight.status()).toBe(403);
  expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();
  const read = await request.get(`/t/${slug}/api/auth/get-session`, { headers: { origin: site.crossSiteOrigin } });
  expect(read.headers()["access-control-allow-origin"]).toBeUndefined();
  const trusted = await request.fetch(`/t/${slug}/api/auth/sign-in/email`, {
    method: "OPTIONS",
    headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
  });
  expect(trusted.status()).toBe(204);
  expect(trusted.headers()["access-control-allow-origin"]).toBe("https://app.example.com");
  expect(trusted.headers()["access-control-allow-credentials"]).toBe("true");
  expect(trusted.headers()["vary"]).toContain("Origin");

  await openCustomerPage(page, site.crossSiteOrigin, `<auth-login tenant="${slug}"></auth-login>`);
  await signInWith(page, "someone@example.com");
  await expect(page.getByRole("alert")).toContainText("is not a trusted origin of this tenant");
  expect((await nextEvent(page, "portico:error")).detail.code).toBe("origin_not_allowed");
});

test("rotating the signing keys keeps earlier tokens verifying and signs new ones with the new key", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  test.setTimeout(150_000);
  const { slug } = await widgetTenant([site.crossSiteOrigin]);
  const email = uniqueEmail("rotate");
  await apiSignUp(slug, { name: "Rotating Keys", email });
  await openCustomerPage(page, site.crossSiteOrigin, `<auth-login tenant="${slug}"></auth-login>`);
  await signInWith(page, email);
  const before = (await nextEvent(page, "portico:signed-in")).detail.token as string;

  expect(await tenantCommand("rotate-jwt-keys", slug)).toMatch(/new key \S+, 1 retired key/);
  const after = (await page.evaluate(() => window.Portico.getToken()))!;
  expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
  expect((await verifyJwt(slug, before)).payload.email).toBe(email);
  expect((await verifyJwt(slug, after)).payload.email).toBe(email);
  const discovery = await (await fetch(`${baseURL}/t/${slug}/.well-known/openid-configuration`)).json();
  expect(discovery).toMatchObject({
    issuer: `${baseURL}/t/${slug}`,
    jwks_uri: `${baseURL}/t/${slug}/.well-known/jwks.json`,
  });
});

test("cookie mode with a custom domain on the customer's site: the widget talks to the tenant's own host", async ({
  playwright,
  apiSignUp,
  uniqueEmail,
}) => {
  // auth.<x>.test is the tenant's custom domain and app.<x>.test the customer's app: the same
  // site, so Portico's cookies work between them. The browser resolves both to loopback.
  const slug = uniqueSlug("wd");
  const domain = `${slug}.test`;
  await tenantCommand(
    "create",
    slug,
    "--name",
    `Tenant ${slug}`,
    "--hostname",
    `auth.${domain}`,
    "--no-enumeration-protection",
  );
  const portico = `http://auth.${domain}:${new URL(baseURL).port}`;
  const app = `http://app.${domain}:${site.port}`;
  await patchTenantConfig(slug, { trustedOrigins: [app] });
  const email = uniqueEmail("domain");
  await apiSignUp(slug, { name: "Domain User", email });

  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", `--host-resolver-rules=MAP *.${domain} 127.0.0.1`],
  });
  try {
    const page = await browser.newPage();
    await openCustomerPage(
      page,
      app,
      `<auth-user-button tenant="${slug}" mode="cookie" base-url="${portico}"></auth-user-button>`,
    );
    await page.getByRole("button", { name: "Sign in" }).click();
    await signInWith(page.getByRole("dialog", { name: "Sign in" }), email);
    await page.getByRole("button", { name: "Account menu for Domain User" }).click();
    const account = page.getByRole("menuitem", { name: "Manage account" });
    await expect(account).toHaveAttribute("href", `${portico}/t/${slug}/account`);
    // The hosted account page on the custom domain sees the same session.
    await account.click();
    await expect(page.getByTestId("account-email")).toHaveText(email);
  } finally {
    await browser.close();
  }
});
