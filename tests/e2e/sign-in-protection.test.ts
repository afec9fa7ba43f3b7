/**
 * Issue 13 items 5 and 6 on the hosted pages and in the console: a throttled account is told
 * how long to wait and which other ways in it has (even the right password waits), sign-up with
 * an existing address looks exactly like a new one and mails the owner, and the console saves
 * the thresholds, refusing a bad one by field.
 */
import type { Page } from "@playwright/test";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { test as consoleTest } from "./console-fixtures";
import { createTenant, expect, expectFieldError, fillSignIn, patchTenantConfig, test, uniqueSlug } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

const smtpConfig = () => ({
  smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@protect.test" },
});

async function formError(page: Page) {
  return page.getByRole("alert");
}

test("a throttled account is told to wait or use a link, even with the right password", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const tenant = await createTenant(uniqueSlug("throttle"), "Throttle Co");
  await patchTenantConfig(tenant.slug, {
    ...smtpConfig(),
    authMethods: { magicLink: { enabled: true } },
    signInProtection: { accountThrottle: { freeAttempts: 1, maxDelaySeconds: 120 } },
  });
  const email = uniqueEmail("throttle");
  await apiSignUp(tenant.slug, { name: "Thea Throttle", email });

  await page.goto(`/t/${tenant.slug}/sign-in`);
  await fillSignIn(page, { email, password: "not-the-password" });
  await expectFieldError(page, "Password", "Incorrect email or password.");

  await fillSignIn(page, { email });
  const refusal = await formError(page);
  await expect(refusal).toContainText(
    /Too many attempts for this account\. Try again in (1 second|\d+ seconds) or sign in with a link\./,
  );
  // The page still offers the other ways in.
  await expect(page.getByRole("link", { name: "Email me a sign-in link" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot password?" })).toBeVisible();
  await expect(page).toHaveURL(`/t/${tenant.slug}/sign-in`);
  const session = await page.request.get(`/t/${tenant.slug}/api/auth/get-session`).then((r) => r.json());
  expect(session ?? null).toBeNull();
});

test("with enumeration protection, sign-up with an existing address reads like a new one and mails the owner", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const tenant = await createTenant(uniqueSlug("enum"), "Enum Co", { enumerationProtection: true });
  await patchTenantConfig(tenant.slug, smtpConfig());
  const owner = uniqueEmail("owner");
  await apiSignUp(tenant.slug, { name: "Olga Owner", email: owner });
  await smtp.waitForMessage(owner);

  const signUpAs = async (email: string) => {
    await page.context().clearCookies();
    await page.goto(`/t/${tenant.slug}/sign-up`);
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(`/t/${tenant.slug}/verify-email?status=pending`);
    return page.locator("main").innerText();
  };
  const newcomer = uniqueEmail("newcomer");
  const existingPage = await signUpAs(owner);
  const newPage = await signUpAs(newcomer);
  expect(existingPage).toBe(newPage);

  const notice = await smtp.waitForMessage(owner, (mail) => mail.subject.includes("tried to sign up"));
  expect(notice.subject).toBe("Someone tried to sign up to Enum Co with your address");
  const welcome = await smtp.waitForMessage(newcomer);
  expect(welcome.subject).toMatch(/Confirm your email address/);
});

consoleTest("the console saves sign-in protection and names a bad threshold", async ({ page, ownedTenant }) => {
  await page.goto(`/admin/${ownedTenant.slug}/settings`);
  const form = page.getByRole("form", { name: "Sign-in protection" });
  await form.getByLabel("Free attempts").fill("0");
  await form.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "Free attempts", "Free attempts must be at least 1.");

  await form.getByLabel("Free attempts").fill("3");
  await form.getByLabel("Pause password sign-in after").fill("20");
  await form.getByLabel("Protect against account enumeration").uncheck();
  await form.getByLabel("Magic link").uncheck();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Sign-in protection saved.");
  await expect(form.getByLabel("Free attempts")).toHaveValue("3");
  await expect(form.getByLabel("Pause password sign-in after")).toHaveValue("20");
  await expect(form.getByLabel("Protect against account enumeration")).not.toBeChecked();
  await expect(form.getByLabel("Magic link")).not.toBeChecked();
  await expect(form.getByLabel("Password", { exact: true })).toBeChecked();
  await expect(form.getByLabel("Passkey")).not.toBeChecked();
});
