/**
 * The widgets as components, in a real page on a customer's origin: what `<auth-login>`
 * renders for each set of enabled methods and attributes, where its form fields live
 * (light DOM, for password managers), `<auth-user-profile>`, a hostile host stylesheet, and
 * every kind of bad input (unknown tenant, tenant down, network failure, expired token).
 */
import type { Page } from "@playwright/test";
import { CustomerSite } from "../support/customer-site";
import {
  baseURL,
  createTenant,
  disableTenant,
  expect,
  PASSWORD,
  patchTenantConfig,
  test,
  uniqueSlug,
} from "./fixtures";

// As in widgets.test.ts: a customer's page sends no extra headers (no CORS preflight for them).
test.use({ extraHTTPHeaders: async ({}, use) => use({}) });
test.describe.configure({ timeout: 90_000 });

let site: CustomerSite;
test.beforeAll(async () => {
  site = await CustomerSite.start();
});
test.afterAll(async () => {
  await site.stop();
});

type PorticoEvent = { type: string; detail: { code?: string; message?: string } };

async function widgetTenant(authMethods: Record<string, unknown> = {}, config: Record<string, unknown> = {}) {
  const tenant = await createTenant(uniqueSlug("wc"));
  await patchTenantConfig(tenant.slug, {
    trustedOrigins: [site.crossSiteOrigin],
    authMethods: { bearer: { enabled: true }, ...authMethods },
    ...config,
  });
  return tenant;
}

/** Opens a customer page; any uncaught error in it fails the test. */
async function open(page: Page, body: string, head = "") {
  const path = `/${uniqueSlug("page")}`;
  site.page(path, { portico: baseURL, body, head });
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  await page.goto(`${site.crossSiteOrigin}${path}`);
  return uncaught;
}

async function firstError(page: Page): Promise<PorticoEvent["detail"]> {
  const errors = () =>
    page.evaluate(() =>
      (window as unknown as { porticoEvents: PorticoEvent[] }).porticoEvents.filter((e) => e.type === "portico:error"),
    );
  await expect.poll(async () => (await errors()).length).toBeGreaterThan(0);
  return (await errors())[0]!.detail;
}

test("only email+password: the form, forgot password and sign-up; start, hide-sign-up and the tenant's sign-up mode", async ({
  page,
}) => {
  const { slug } = await widgetTenant();
  await open(
    page,
    `<auth-login id="a" tenant="${slug}"></auth-login>
     <auth-login id="b" tenant="${slug}" start="sign-up"></auth-login>
     <auth-login id="c" tenant="${slug}" hide-sign-up></auth-login>`,
  );
  const a = page.locator("#a");
  await expect(a.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(a.getByRole("button", { name: "Forgot password?" })).toBeVisible();
  await expect(a.getByRole("button", { name: "Create account" })).toBeVisible();
  for (const absent of ["Sign in with a passkey", "Email me a sign-in link", "Email me a code"]) {
    await expect(a.getByRole("button", { name: absent })).toHaveCount(0);
  }
  await expect(page.locator("#b").getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.locator("#b").getByLabel("Name")).toBeVisible();
  await expect(page.locator("#c").getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("#c").getByRole("button", { name: "Create account" })).toHaveCount(0);

  // Password managers: the credential fields are ordinary light-DOM inputs in a <form>.
  const fields = await page.evaluate(() =>
    [...document.querySelectorAll("#a form.portico-form input")].map((input) => [
      input.getAttribute("name"),
      input.getAttribute("autocomplete"),
      input.getRootNode() === document,
    ]),
  );
  expect(fields).toEqual([
    ["email", "username", true],
    ["password", "current-password", true],
  ]);

  await a.getByRole("button", { name: "Forgot password?" }).click();
  await a.getByLabel("Email").fill("nobody@example.com");
  await a.getByRole("button", { name: "Send reset link" }).click();
  await expect(a.getByRole("status")).toHaveText("If nobody@example.com has an account, a reset link is on its way.");

  await patchTenantConfig(slug, { signUp: { mode: "closed" } });
  await page.reload();
  await expect(page.locator("#a").getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("#a").getByRole("button", { name: "Create account" })).toHaveCount(0);
  // start="sign-up" falls back to sign-in when sign-up is closed.
  await expect(page.locator("#b").getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("each passwordless and social method the tenant turns on gets its button; email codes sign in", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = await widgetTenant({
    magicLink: { enabled: true },
    emailOtp: { enabled: true },
    passkey: { enabled: true },
    google: { enabled: true, clientId: "client.apps.googleusercontent.com" },
  });
  await open(page, `<auth-login tenant="${slug}"></auth-login>`);
  for (const name of ["Sign in with a passkey", "Email me a sign-in link", "Email me a code", "Continue with Google"]) {
    await expect(page.getByRole("button", { name })).toBeVisible();
  }

  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Sign in with a link" })).toBeVisible();
  await page.getByLabel("Email").fill("link@example.com");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toHaveText("Check your inbox: we sent a link to link@example.com.");
  await page.getByRole("button", { name: "Back to sign in" }).click();

  const email = uniqueEmail("otp");
  await apiSignUp(slug, { name: "Code User", email });
  await page.getByRole("button", { name: "Email me a code" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("status")).toHaveText(`We sent a code to ${email}.`);
  await expect(page.getByLabel("Code")).toHaveAttribute("autocomplete", "one-time-code");
});

test("<auth-user-profile> edits the name, changes the password and revokes another session", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = await widgetTenant();
  const email = uniqueEmail("profile");
  await apiSignUp(slug, { name: "Profile User", email });
  await open(
    page,
    `<auth-login tenant="${slug}" token-storage="local"></auth-login><auth-user-profile tenant="${slug}" token-storage="local"></auth-user-profile>`,
  );
  const login = page.locator("auth-login");
  await login.getByLabel("Email").fill(email);
  await login.getByLabel("Password").fill(PASSWORD);
  await login.getByRole("button", { name: "Sign in", exact: true }).click();

  const profile = page.locator("auth-user-profile");
  await expect(profile.getByTestId("email")).toHaveText(email);
  await profile.getByLabel("Name").fill("Renamed User");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");

  await profile.getByLabel("Current password").fill(PASSWORD);
  await profile.getByLabel("New password").fill("another-horse-battery");
  await profile.getByRole("button", { name: "Change password" }).click();
  await expect(profile.getByRole("status")).toHaveText("Password changed.");

  // apiSignUp left a session elsewhere: it is listed and can be revoked. Sessions are named by
  // browser and system, the raw user agent in the tooltip.
  await expect(profile.locator("[data-session]", { hasText: "(This device)" })).toContainText("Chrome on Linux");
  await expect(profile.getByRole("button", { name: "Revoke" })).toHaveCount(1);
  await profile.getByRole("button", { name: "Revoke" }).click();
  await expect(profile.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await expect(profile.getByText("(This device)")).toBeVisible();
});

test("a hostile host stylesheet does not hide or collapse the widget", async ({ page }) => {
  const { slug } = await widgetTenant();
  const body = `<auth-login tenant="${slug}"></auth-login>`;
  await open(page, body);
  const email = page.getByLabel("Email");
  await expect(email).toBeVisible();
  const clean = await email.boundingBox();

  await open(
    page,
    body,
    `<style>
      * { all: unset !important; }
      input, button, label, form, div { display: none !important; visibility: hidden !important; }
      auth-login { --unrelated: 1; font-size: 2px; color: transparent; }
    </style>`,
  );
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  const hostile = await page.getByLabel("Email").boundingBox();
  expect(hostile!.height).toBeCloseTo(clean!.height, 0);
  expect(hostile!.width).toBeGreaterThan(clean!.width * 0.9);
  // And it still works: a wrong password is reported on the form.
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
});

test("host pages override theme variables and parts", async ({ page }) => {
  const { slug } = await widgetTenant();
  await open(
    page,
    `<auth-login tenant="${slug}"></auth-login>`,
    `<style>auth-login { --portico-primary: #ff0000; } auth-login::part(title) { color: rgb(0, 128, 0); }</style>`,
  );
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toHaveCSS(
    "background-color",
    "rgb(255, 0, 0)",
  );
  await expect(page.getByRole("heading", { name: "Sign in" })).toHaveCSS("color", "rgb(0, 128, 0)");
});

test("bad input: unknown tenant, disabled tenant, network failure, expired token, bearer off", async ({ page }) => {
  let uncaught = await open(page, `<auth-login tenant="no-such-tenant-here"></auth-login>`);
  await expect(page.getByRole("alert")).toHaveText(
    'There is no tenant called "no-such-tenant-here" here, or it has been disabled.',
  );
  expect((await firstError(page)).code).toBe("tenant_not_found");

  const { slug } = await widgetTenant();
  await page.route(`${baseURL}/t/${slug}/config.json`, (route) => route.abort("internetdisconnected"));
  uncaught = uncaught.concat(await open(page, `<auth-login tenant="${slug}"></auth-login>`));
  await expect(page.getByRole("alert")).toHaveText(
    "We could not reach the sign-in service. Check your connection and try again.",
  );
  expect((await firstError(page)).code).toBe("network_error");
  // Retrying once the network is back recovers in place.
  await page.unroute(`${baseURL}/t/${slug}/config.json`);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // A token the server no longer knows (expired or revoked) is dropped and reported.
  const path = `/${uniqueSlug("expired")}`;
  site.page(path, {
    portico: baseURL,
    head: `<script>localStorage.setItem("portico.accounts.${slug}", JSON.stringify(["expired.token"]));</script>`,
    body: `<auth-login tenant="${slug}" token-storage="local"></auth-login>`,
  });
  await page.goto(`${site.crossSiteOrigin}${path}`);
  await expect(page.getByRole("alert")).toHaveText("Your session has expired. Please sign in again.");
  expect((await firstError(page)).code).toBe("session_expired");
  expect(await page.evaluate((key) => localStorage.getItem(key), `portico.accounts.${slug}`)).toBe("[]");

  await patchTenantConfig(slug, { authMethods: { bearer: { enabled: false } } });
  uncaught = uncaught.concat(await open(page, `<auth-login tenant="${slug}"></auth-login>`));
  await expect(page.getByRole("alert")).toContainText("Token mode needs the tenant's Bearer tokens");
  expect((await firstError(page)).code).toBe("bearer_disabled");

  await disableTenant(slug);
  uncaught = uncaught.concat(await open(page, `<auth-login tenant="${slug}"></auth-login>`));
  expect((await firstError(page)).code).toBe("tenant_not_found");
  expect(uncaught).toEqual([]);
});

test("/t/:tenant/embed shows each widget live beside its snippet, and the live ones work", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug, name } = await widgetTenant();
  const email = uniqueEmail("embed");
  await apiSignUp(slug, { name: "Embed User", email });
  await page.goto(`/t/${slug}/embed`);
  await expect(page.getByRole("heading", { name: `Sign-in widgets for ${name}` })).toBeVisible();
  await expect(page.getByText(`<script type="module" src="${baseURL}/widgets/portico.js"></script>`)).toBeVisible();
  await expect(page.getByText(`<auth-login tenant="${slug}"></auth-login>`)).toBeVisible();

  const login = page.getByTestId("live-login");
  await login.getByLabel("Email").fill(email);
  await login.getByLabel("Password").fill(PASSWORD);
  await login.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(login.getByText(`Signed in as ${email}.`)).toBeVisible();
  // The other live widgets share the session.
  await expect(
    page.getByTestId("live-button").getByRole("button", { name: "Account menu for Embed User" }),
  ).toBeVisible();
  await expect(page.getByTestId("live-profile").getByTestId("email")).toHaveText(email);
});
