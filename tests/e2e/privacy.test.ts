/**
 * A user's own data: downloading it and deleting the account, from the hosted account page
 * (with and without JavaScript) and from `<auth-user-profile>` on a customer's site. The
 * download must hold their data and none of their secrets; a deleted account cannot sign in,
 * and the deletion reaches the audit log and the webhook outbox.
 */
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { CustomerSite } from "../support/customer-site";
import {
  baseURL,
  createTenant,
  expect,
  expectFieldError,
  fillSignIn,
  PASSWORD,
  patchTenantConfig,
  signUp,
  test,
  uniqueSlug,
  withControlDb,
} from "./fixtures";

test.describe.configure({ timeout: 90_000 });

type UserExport = {
  format: string;
  profile: { id: string; email: string; name: string };
  accounts: { providerId: string }[];
  sessions: { id: string; userAgent: string | null }[];
  auditEvents: { type: string }[];
};

async function downloaded(download: Download): Promise<{ text: string; data: UserExport }> {
  const text = await readFile((await download.path())!, "utf8");
  return { text, data: JSON.parse(text) as UserExport };
}

/** What a session cookie holds (token.signature): neither part may appear in an export. */
async function sessionTokens(page: Page, tenantId: string): Promise<string[]> {
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === `portico.${tenantId}.session_token`);
  expect(session?.value, "the session cookie").toMatch(/^\S+\.\S+$/);
  return decodeURIComponent(session!.value).split(".");
}

/** The audit rows of a type for a tenant, read behind the app's back. */
async function auditTypes(tenantId: string, type: string): Promise<{ targetId: string; actorType: string }[]> {
  const out = await withControlDb(`
    const rows = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(tenantId)}, type: ${JSON.stringify(type)} } });
    console.log(JSON.stringify(rows.map((row) => ({ targetId: row.targetId, actorType: row.actorType }))));`);
  return JSON.parse(out) as { targetId: string; actorType: string }[];
}

async function webhookPayloads(tenantId: string, type: string): Promise<Record<string, unknown>[]> {
  const out = await withControlDb(`
    const rows = await db.webhookMessage.findMany({ where: { tenantId: ${JSON.stringify(tenantId)}, type: ${JSON.stringify(type)} } });
    console.log(JSON.stringify(rows.map((row) => JSON.parse(row.payload).data)));`);
  return JSON.parse(out) as Record<string, unknown>[];
}

test.describe("the hosted account page", () => {
  test("downloads the user's data as JSON without any secret", async ({ page, uniqueEmail }) => {
    const tenant = await createTenant(uniqueSlug("pv"));
    const email = uniqueEmail("export");
    await signUp(page, tenant.slug, { name: "Export Person", email });

    const section = page.getByRole("region", { name: "Your data" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Download my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${tenant.slug}-.+-data\\.json$`));
    const { text, data } = await downloaded(download);
    expect(data.format).toBe("portico.user-export.v1");
    expect(data.profile).toMatchObject({ email, name: "Export Person" });
    expect(data.accounts).toEqual([expect.objectContaining({ providerId: "credential" })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.auditEvents.map((event) => event.type)).toEqual(
      expect.arrayContaining(["user.created", "session.created"]),
    );
    for (const part of await sessionTokens(page, tenant.id)) expect(text).not.toContain(part);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/"(password|token|secret|backupCodes|publicKey)"/);
  });

  test("an older session must confirm with the password before the account is deleted", async ({
    page,
    uniqueEmail,
  }) => {
    const tenant = await createTenant(uniqueSlug("pv"));
    const email = uniqueEmail("stale");
    await signUp(page, tenant.slug, { name: "Stale Session", email });
    // The session was created two days ago: whoever holds it now must prove they know the password.
    await withControlDb(`
      const connection = await storage.openTenantDatabase(${JSON.stringify(tenant.id)});
      try {
        await connection.db.session.updateMany({ data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
      } finally { await connection.close(); }`);
    // Written behind the server's back: its cached lookup of the session lives up to a second
    // longer (decision 0017), as it would after any write made outside better-auth.
    await page.waitForTimeout(1_100);

    await page.goto(`/t/${tenant.slug}/account/delete`);
    await expect(page.getByLabel("Your password")).toHaveAccessibleDescription("To confirm it is you.");
    await page.getByLabel("I understand that my account is deleted for good").check();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expectFieldError(page, "Your password", "Enter your password.");

    await page.getByLabel("I understand that my account is deleted for good").check();
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("heading", { name: "Your account was deleted." })).toBeVisible();
    expect(await auditTypes(tenant.id, "user.deleted")).toHaveLength(1);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("deletes the account after a confirmation; it cannot sign in again and the deletion is reported", async ({
      page,
      uniqueEmail,
    }) => {
      const tenant = await createTenant(uniqueSlug("pv"));
      const email = uniqueEmail("leaver");
      await signUp(page, tenant.slug, { name: "Leaving Person", email });

      await page.getByRole("link", { name: "Delete my account" }).click();
      await expect(page).toHaveURL(`/t/${tenant.slug}/account/delete`);
      await expect(page.getByRole("heading", { name: "Delete your account" })).toBeVisible();
      await expect(page.getByText(email)).toBeVisible();

      // Nothing happens without the confirmation, or with a wrong password.
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expectFieldError(page, "I understand that my account is deleted for good", "Tick the box to confirm.");
      await page.getByLabel("I understand that my account is deleted for good").check();
      await page.getByLabel("Your password").fill("not-my-password");
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expectFieldError(page, "Your password", "That password is not right.");

      // A session this fresh needs no password: the user only confirms.
      await page.getByLabel("I understand that my account is deleted for good").check();
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page.getByRole("heading", { name: "Your account was deleted." })).toBeVisible();

      await page.goto(`/t/${tenant.slug}/account`);
      await expect(page).toHaveURL(new RegExp(`/t/${tenant.slug}/sign-in`));
      await fillSignIn(page, { email });
      await expect(page.getByText("Incorrect email or password.")).toBeVisible();

      const deleted = await auditTypes(tenant.id, "user.deleted");
      expect(deleted).toHaveLength(1);
      expect(deleted[0]!.actorType).toBe("user");
      expect(await webhookPayloads(tenant.id, "user.deleted")).toEqual([
        expect.objectContaining({ email, reason: "self_service", userId: deleted[0]!.targetId }),
      ]);
    });
  });
});

test.describe("<auth-user-profile> on a customer's site", () => {
  // As in widgets.test.ts: a customer's page sends no extra headers (no CORS preflight for them).
  test.use({ extraHTTPHeaders: async ({}, use) => use({}) });

  let site: CustomerSite;
  test.beforeAll(async () => {
    site = await CustomerSite.start();
  });
  test.afterAll(async () => {
    await site.stop();
  });

  test("downloads the user's data and deletes the account with the password", async ({
    page,
    apiSignUp,
    uniqueEmail,
  }) => {
    const tenant = await createTenant(uniqueSlug("pw"));
    await patchTenantConfig(tenant.slug, {
      trustedOrigins: [site.crossSiteOrigin],
      authMethods: { bearer: { enabled: true } },
    });
    const email = uniqueEmail("widget");
    await apiSignUp(tenant.slug, { name: "Widget Person", email });
    const path = `/${uniqueSlug("page")}`;
    site.page(path, {
      portico: baseURL,
      body: `<auth-login tenant="${tenant.slug}" token-storage="local"></auth-login><auth-user-profile tenant="${tenant.slug}" token-storage="local"></auth-user-profile>`,
    });
    const uncaught: string[] = [];
    page.on("pageerror", (error) => uncaught.push(error.message));
    await page.goto(`${site.crossSiteOrigin}${path}`);
    const login = page.locator("auth-login");
    await login.getByLabel("Email").fill(email);
    await login.getByLabel("Password").fill(PASSWORD);
    await login.getByRole("button", { name: "Sign in", exact: true }).click();

    const profile = page.locator("auth-user-profile");
    await expect(profile.getByTestId("email")).toHaveText(email);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      profile.getByRole("button", { name: "Download my data" }).click(),
    ]);
    const { text, data } = await downloaded(download);
    expect(data.profile).toMatchObject({ email, name: "Widget Person" });
    // apiSignUp's session and the widget's own (token mode: the bearer token stays in the page).
    expect(data.sessions).toHaveLength(2);
    const tokens = await page.evaluate(() =>
      Object.entries(localStorage).filter(([key]) => key.startsWith("portico.accounts")),
    );
    for (const [, value] of tokens)
      for (const token of JSON.parse(value) as string[]) expect(text).not.toContain(token);
    expect(text).not.toMatch(/"(password|token|secret)"/);

    const yourData = profile.getByRole("region", { name: "Your data" });
    await yourData.getByRole("button", { name: "Delete my account" }).click();
    await yourData.getByLabel("Password").fill("not-my-password");
    await yourData.getByRole("button", { name: "Delete my account for good" }).click();
    await expect(yourData.getByRole("alert")).toHaveText("Invalid password");
    await yourData.getByLabel("Password").fill(PASSWORD);
    await yourData.getByRole("button", { name: "Delete my account for good" }).click();
    await expect(profile.getByRole("status")).toHaveText("Your account was deleted.");
    await expect(profile.getByTestId("email")).toHaveCount(0);

    const signInAgain = await fetch(`${baseURL}/t/${tenant.slug}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(signInAgain.status).toBe(401);
    expect(await auditTypes(tenant.id, "user.deleted")).toEqual([{ targetId: data.profile.id, actorType: "user" }]);
    expect(uncaught).toEqual([]);
  });
});
