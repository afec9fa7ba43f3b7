/**
 * Two-factor authentication on the hosted pages: set-up from the account page (QR code and key,
 * confirmed with a code computed here from that key with `otpauth`), the sign-in's second step
 * with TOTP and backup codes, trusted devices and enforcement. Each test has its own tenant.
 */
import type { Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import {
  createTenant,
  expect,
  expectFieldError,
  fillSignIn,
  looksLikeStackTrace,
  patchTenantConfig,
  signUp,
  test,
  uniqueSlug,
  withControlDb,
} from "./fixtures";
import { test as consoleTest } from "./console-fixtures";
import { totpCode } from "./second-factors";

// Tenant set-up goes through the CLI (a process per call) on a shared 2-core runner.
test.describe.configure({ timeout: 90_000 });

async function tenantWithTwoFactor(settings: Record<string, unknown> = {}) {
  const tenant = await createTenant(uniqueSlug("tfa"), "Two Factor Co");
  await patchTenantConfig(tenant.slug, { authMethods: { twoFactor: { enabled: true, ...settings } } });
  return tenant;
}

function wrongCode(secret: string): string {
  const right = totpCode(secret);
  return right === "000000" ? "111111" : "000000";
}

/** From the account page: password, QR code and key, a code from the key; returns the key and the backup codes. */
async function enableTwoFactor(page: Page, slug: string) {
  await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account/two-factor`);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Continue" }).click();
  const qr = page.getByRole("img", { name: "QR code for your authenticator app" });
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
  // Shown in groups of four, as people copy it; the app gets it without the spaces.
  const shown = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4}){3,}$/);
  const secret = shown.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
  const codes = await page.getByTestId("backup-codes").getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  await page.getByRole("link", { name: "I saved my codes" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("two-factor-status")).toContainText("On:");
  return { secret, codes };
}

async function signOutAndSignIn(page: Page, slug: string, email: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/t/${slug}/sign-in`);
  await fillSignIn(page, { email });
}

async function auditTypes(tenantId: string): Promise<string[]> {
  const out = await withControlDb(`
    const rows = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(tenantId)} }, select: { type: true, data: true } });
    console.log(JSON.stringify(rows.map((row) => row.type + " " + row.data)));`);
  return JSON.parse(out) as string[];
}

test("turn on two-factor, then sign in with a code: a wrong code is refused, the right one works", async ({
  page,
  uniqueEmail,
}) => {
  const tenant = await tenantWithTwoFactor();
  const email = uniqueEmail("totp");
  await signUp(page, tenant.slug, { name: "Toto Pin", email });
  const { secret } = await enableTwoFactor(page, tenant.slug);

  await signOutAndSignIn(page, tenant.slug, email);
  await expect(page).toHaveURL(`/t/${tenant.slug}/two-factor`);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  // Not signed in yet: the account page still asks to sign in.
  expect((await page.request.get(`/t/${tenant.slug}/api/auth/get-session`).then((r) => r.json())) ?? null).toBeNull();

  await page.getByLabel("Authentication code").fill(wrongCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expectFieldError(
    page,
    "Authentication code",
    "That code is not right. Check your authenticator app and enter the current code.",
  );

  await page.getByLabel("Authentication code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  // Each poll starts a process: allow for a busy runner.
  await expect
    .poll(
      async () => {
        const entries = await auditTypes(tenant.id);
        return {
          enabled: entries.some((entry) => entry.startsWith("two_factor.enabled")),
          wrongCode: entries.some((entry) => entry.startsWith("sign_in.failed") && entry.includes("INVALID_CODE")),
        };
      },
      { timeout: 30_000 },
    )
    .toEqual({ enabled: true, wrongCode: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a backup code signs in once and is refused the second time", async ({ page, uniqueEmail }) => {
    const tenant = await tenantWithTwoFactor();
    const email = uniqueEmail("backup");
    await signUp(page, tenant.slug, { name: "Bea Kup", email });
    const { codes } = await enableTwoFactor(page, tenant.slug);
    const [code] = codes;

    await signOutAndSignIn(page, tenant.slug, email);
    await page.getByRole("link", { name: "Use a backup code instead" }).click();
    await page.getByLabel("Backup code").fill(code!);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(`/t/${tenant.slug}/account`);

    await signOutAndSignIn(page, tenant.slug, email);
    await page.getByRole("link", { name: "Use a backup code instead" }).click();
    await page.getByLabel("Backup code").fill(code!);
    await page.getByRole("button", { name: "Verify" }).click();
    await expectFieldError(page, "Backup code", "This backup code is not valid or was already used.");
    await expect(page).toHaveURL(new RegExp(`/t/${tenant.slug}/two-factor`));

    // Another, unused code still works.
    await page.getByLabel("Backup code").fill(codes[1]!);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  });
});

test("a trusted device skips the code on the next sign-in", async ({ page, uniqueEmail }) => {
  const tenant = await tenantWithTwoFactor({ trustDeviceDays: 7 });
  const email = uniqueEmail("trusted");
  await signUp(page, tenant.slug, { name: "Trudy Vice", email });
  const { secret } = await enableTwoFactor(page, tenant.slug);

  await signOutAndSignIn(page, tenant.slug, email);
  await page.getByLabel("Authentication code").fill(totpCode(secret));
  await page.getByLabel("Trust this device for 7 days").check();
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);

  await signOutAndSignIn(page, tenant.slug, email);
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

consoleTest(
  "an admin requires two-factor for everyone in the console; a new user is sent to set it up first",
  async ({ page, ownedTenant, uniqueEmail }) => {
    const { slug } = ownedTenant;
    await page.goto(`/admin/${slug}/auth-methods`);
    await page.getByRole("switch", { name: "Two-factor authentication" }).click();
    await expect(page.getByRole("status")).toHaveText(/Two-factor authentication turned on/);
    const settings = page.getByRole("form", { name: "Two-factor authentication settings" });
    await settings.getByLabel("Require two-factor authentication").selectOption("everyone");
    await settings.getByLabel("Issuer shown in authenticator apps").fill("Acme Login");
    await settings.getByRole("button", { name: "Save two-factor authentication settings" }).click();
    await expect(page.getByRole("status")).toHaveText(/Two-factor authentication settings saved/);
    await expect(settings.getByLabel("Require two-factor authentication")).toHaveValue("everyone");
    const email = uniqueEmail("enforced");
    await page.goto(`/t/${slug}/sign-up`);
    await page.getByLabel("Name").fill("Ena Forced");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${slug}/account/two-factor\\?redirectTo=`));
    await expect(page.getByText("requires two-factor authentication for your account.")).toBeVisible();
    // The account page keeps sending them back until it is on.
    await page.goto(`/t/${slug}/account`);
    await expect(page).toHaveURL(new RegExp(`/t/${slug}/account/two-factor`));

    await page.getByLabel("Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Continue" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    // The issuer chosen in the console is what the authenticator app shows, and the page says so.
    const uri = OTPAuth.URI.parse(await page.locator('input[name="totpUri"]').inputValue());
    expect(uri.issuer).toBe("Acme Login");
    await expect(page.getByText("Your app will list it as “Acme Login”.")).toBeVisible();
    await page.getByLabel("Code from the app").fill(totpCode(secret));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await page.getByRole("link", { name: "I saved my codes" }).click();
    await expect(page).toHaveURL(`/t/${slug}/account`);
    await expect(page.getByTestId("account-email")).toHaveText(email);
  },
);

test("the code page without a pending sign-in explains that it expired", async ({ page }) => {
  const tenant = await tenantWithTwoFactor();
  const response = await page.goto(`/t/${tenant.slug}/two-factor`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This sign-in has expired" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/sign-in`);

  // A code posted with no (or an expired) two-factor cookie gets the same page, not an error.
  const posted = await page.request.post(`/t/${tenant.slug}/two-factor`, {
    form: { method: "totp", code: "123456" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(posted.status()).toBe(401);
  const body = await posted.text();
  expect(body).toContain("This sign-in has expired");
  expect(looksLikeStackTrace(body)).toBe(false);
});
