import type { Page } from "@playwright/test";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { createTenant, expect, patchTenantConfig, test, uniqueSlug, withControlDb } from "./fixtures";

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

async function codeTenant() {
  const tenant = await createTenant(uniqueSlug("code"), "Code Co");
  await patchTenantConfig(tenant.slug, {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@code.test" },
    authMethods: { emailOtp: { enabled: true, allowedAttempts: 3 } },
  });
  return tenant;
}

async function requestCode(page: Page, slug: string, email: string) {
  const mailTo = () => smtp.messages.filter((m) => m.to.includes(email));
  const before = mailTo().length;
  await page.goto(`/t/${slug}/sign-in`);
  await page.getByRole("link", { name: "Email me a code" }).click();
  await expect(page).toHaveURL(`/t/${slug}/email-code`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await expect.poll(() => mailTo().length, { timeout: 15_000 }).toBe(before + 1);
  const mail = mailTo().at(-1)!;
  const code = /\b(\d{6})\b/.exec(mail.subject)?.[1];
  if (!code) throw new Error(`No code in: ${mail.subject}`);
  return { code, mail };
}

test("the right code signs in (a new user while sign-up is open)", async ({ page, uniqueEmail }) => {
  const { slug } = await codeTenant();
  const email = uniqueEmail("code");
  const { code, mail } = await requestCode(page, slug, email);
  expect(mail.subject).toBe(`${code} is your Code Co code`);
  expect(mail.text).toContain(code);
  const field = page.getByLabel("One-time code");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(field).toHaveAttribute("inputmode", "numeric");
  await field.fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("wrong codes count down, then the code is void and the user starts over; failures are audited", async ({
  page,
  uniqueEmail,
}) => {
  const tenant = await codeTenant();
  const email = uniqueEmail("wrong");
  const { code } = await requestCode(page, tenant.slug, email);
  const wrong = code === "000000" ? "111111" : "000000";
  const field = page.getByLabel("One-time code");

  await field.fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(field).toHaveAccessibleDescription("That code is not right. 2 attempts left.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(field).toHaveAccessibleDescription("That code is not right. 1 attempt left.");
  await field.fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(/Too many wrong codes/);
  await expect(page.getByRole("button", { name: "Email me a code" })).toBeVisible();

  // Even the right code no longer works: the user must ask for a new one.
  const replay = await page.request.post(`/t/${tenant.slug}/api/auth/sign-in/email-otp`, {
    data: { email, otp: code },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(replay.status()).toBe(403);
  expect(await replay.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });

  // Each wrong code and the refused replay are in the audit log as failed sign-ins.
  const failedSignIns = async () => {
    const out = await withControlDb(`
      const rows = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(tenant.id)}, type: "sign_in.failed" } });
      console.log("failed=" + rows.length);`);
    return Number(/failed=(\d+)/.exec(out)?.[1]);
  };
  await expect.poll(failedSignIns, { timeout: 10_000 }).toBe(4);
});
