import type { Page } from "@playwright/test";
import { expect, test } from "./console-fixtures";
import { baseURL, expectFieldError } from "./fixtures";

// Each test creates a tenant with the CLI and accounts through the API before its first step,
// which alone can take half the default timeout on a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

/** Posts one of the auth-methods page's forms directly, as a forged or scripted request would. */
const post = (page: Page, slug: string, form: Record<string, string>) =>
  page.request.post(`/admin/${slug}/auth-methods`, { form, headers: { origin: baseURL }, maxRedirects: 0 });

type PublicConfig = { authMethods: Record<string, { settings: Record<string, unknown> }> };

const publicConfig = async (page: Page, slug: string) =>
  (await (await page.request.get(`/t/${slug}/config.json`)).json()) as PublicConfig;

test("toggling a method changes config.json and the hosted sign-up page within a second", async ({
  page,
  ownedTenant,
}) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/auth-methods`);
  for (const category of ["Passwords", "Organizations", "Tokens & sessions"]) {
    await expect(page.getByRole("heading", { name: category, exact: true })).toBeVisible();
  }
  expect(Object.keys((await publicConfig(page, slug)).authMethods)).toEqual(["emailPassword", "jwt"]);

  await page.getByRole("switch", { name: "Bearer tokens" }).click();
  await expect(page.getByRole("status")).toHaveText(/Bearer tokens turned on/);
  await expect(page.getByRole("switch", { name: "Bearer tokens" })).toHaveAttribute("aria-checked", "true");
  await expect
    .poll(async () => Object.keys((await publicConfig(page, slug)).authMethods), { timeout: 1000 })
    .toContain("bearer");

  // Without email+password the hosted sign-up page has no form to offer.
  await page.getByRole("switch", { name: "Email and password" }).click();
  await expect(page.getByRole("status")).toHaveText(/Email and password turned off/);
  const hosted = await page.context().newPage();
  await hosted.goto(`/t/${slug}/sign-up`);
  await expect(hosted.getByRole("heading", { name: "Sign-up is not available" })).toBeVisible();
  await expect(hosted.getByLabel("Password")).toHaveCount(0);
  expect(Object.keys((await publicConfig(page, slug)).authMethods)).toEqual(["bearer", "jwt"]);

  await page.getByRole("switch", { name: "Email and password" }).click();
  await expect(page.getByRole("switch", { name: "Email and password" })).toHaveAttribute("aria-checked", "true");
  await hosted.reload();
  await expect(hosted.getByRole("heading", { name: "Create your account" })).toBeVisible();
});

test("a dependency cannot be turned off while a method that needs it is on, and the page says why", async ({
  page,
  ownedTenant,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/auth-methods`);
  const teams = page.getByRole("switch", { name: "Teams" });
  const organizations = page.getByRole("switch", { name: "Organizations" });

  await teams.click();
  await expect(page.getByRole("alert")).toHaveText("Turn on Organizations first: Teams needs it.");
  await expect(teams).toHaveAttribute("aria-checked", "false");

  await organizations.click();
  await expect(organizations).toHaveAttribute("aria-checked", "true");
  await teams.click();
  await expect(teams).toHaveAttribute("aria-checked", "true");

  await organizations.click();
  await expect(page.getByRole("alert")).toHaveText("Turn off Teams first: it needs Organizations.");
  await expect(organizations).toHaveAttribute("aria-checked", "true");
  expect(Object.keys((await publicConfig(page, ownedTenant.slug)).authMethods)).toEqual(
    expect.arrayContaining(["organizations", "teams"]),
  );
});

test("settings are validated by the method's schema with errors on the field, then take effect", async ({
  page,
  ownedTenant,
}) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/auth-methods`);
  const settings = page.getByRole("form", { name: "Email and password settings" });
  await settings.getByLabel("Minimum password length").fill("4");
  await settings.getByRole("button", { name: /Save/ }).click();
  await expectFieldError(page, "Minimum password length", "Minimum length must be at least 8.");

  await settings.getByLabel("Minimum password length").fill("40");
  await settings.getByLabel("Maximum password length").fill("20");
  await settings.getByRole("button", { name: /Save/ }).click();
  await expectFieldError(page, "Maximum password length", "Maximum length must not be below the minimum length.");
  expect((await publicConfig(page, slug)).authMethods.emailPassword!.settings.minPasswordLength).toBe(8);

  await settings.getByLabel("Minimum password length").fill("12");
  await settings.getByLabel("Maximum password length").fill("64");
  await settings.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByRole("status")).toHaveText(/Email and password settings saved/);
  expect((await publicConfig(page, slug)).authMethods.emailPassword!.settings).toEqual({
    minPasswordLength: 12,
    maxPasswordLength: 64,
    requireEmailVerification: false,
  });
  await page.goto(`/t/${slug}/sign-up`);
  await expect(page.getByText("At least 12 characters.")).toBeVisible();
});

test("every sign-in method of the catalog can be switched on, and a made-up one is refused", async ({
  page,
  ownedTenant,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/auth-methods`);
  for (const name of ["Passkeys", "Two-factor authentication", "Magic link", "Phone number", "OpenID Connect"]) {
    await expect(page.getByRole("switch", { name, exact: true })).toBeEnabled();
  }
  await expect(page.getByText("Available in a later release")).toHaveCount(0);
  const response = await post(page, ownedTenant.slug, { intent: "toggle", method: "smokeSignals", enabled: "true" });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("There is no such method.");
});

test("a viewer sees disabled controls and cannot change anything by posting (403, audited)", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const { slug } = ownedTenant;
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}/auth-methods`);
  await expect(viewer.page.getByRole("switch", { name: "Bearer tokens" })).toBeDisabled();
  await expect(viewer.page.getByLabel("Minimum password length")).toBeDisabled();

  expect((await post(viewer.page, slug, { intent: "toggle", method: "bearer", enabled: "true" })).status()).toBe(403);
  expect(
    (await post(viewer.page, slug, { intent: "settings", method: "emailPassword", minPasswordLength: "20" })).status(),
  ).toBe(403);
  expect(Object.keys((await publicConfig(page, slug)).authMethods)).toEqual(["emailPassword", "jwt"]);

  await page.goto(`/admin/${slug}/audit?type=admin.denied`);
  const denied = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "admin.denied" });
  await expect(denied.filter({ hasText: viewer.account.email })).toHaveCount(2);
});

test("a non-member gets 404 for the page and every form; unknown intents are refused", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const stranger = await otherAccount("none", ownedTenant.slug);
  expect((await stranger.page.goto(`/admin/${ownedTenant.slug}/auth-methods`))?.status()).toBe(404);
  const forms: Record<string, string>[] = [
    { intent: "toggle", method: "bearer", enabled: "true" },
    { intent: "settings", method: "emailPassword", minPasswordLength: "20", maxPasswordLength: "64" },
  ];
  for (const form of forms) {
    expect((await post(stranger.page, ownedTenant.slug, form)).status()).toBe(404);
  }
  await page.goto(`/admin/${ownedTenant.slug}/auth-methods`);
  expect((await post(page, ownedTenant.slug, { intent: "drop-everything" })).status()).toBe(400);
  expect(
    (await post(page, ownedTenant.slug, { intent: "toggle", method: "__proto__", enabled: "true" })).status(),
  ).toBe(400);
});
