import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { expect, test } from "./console-fixtures";
import { createTenant, patchTenantConfig, publishTheme, uniqueSlug } from "./fixtures";

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

function smtpTo(port: number) {
  return { smtp: { host: "127.0.0.1", port, security: "none", fromAddress: "no-reply@kontor.test" } };
}

test("a tenant whose theme speaks German sends a German, themed reset email with a text part", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const tenant = await createTenant(uniqueSlug("kontor"), "Kontor GmbH");
  await patchTenantConfig(tenant.slug, {
    ...smtpTo(smtp.port),
    authMethods: { emailPassword: { passwordChangedEmail: true } },
  });
  await publishTheme(tenant.id, {
    productName: "Kontor",
    colors: { light: { primary: "#0f766e" } },
    legal: { privacyUrl: "https://kontor.example/datenschutz" },
    locale: { default: "de", offered: ["de"], followBrowser: false },
  });
  const email = uniqueEmail("kontor");
  await apiSignUp(tenant.slug, { name: "Karla Kontor", email });

  await page.goto(`/t/${tenant.slug}/forgot-password`);
  await page.getByLabel("E-Mail").fill(email);
  await page.getByRole("button").last().click();
  const mail = await smtp.waitForMessage(email);

  expect(mail.subject).toBe("Setzen Sie Ihr Passwort für Kontor zurück");
  expect(mail.html).toContain("#0f766e");
  expect(mail.html).toContain("Kontor");
  expect(mail.html).toContain('lang="de"');
  expect(mail.html).toContain("https://kontor.example/datenschutz");
  expect(mail.text).toContain("Hallo Karla Kontor,");
  expect(mail.text).toContain("Neues Passwort wählen");
  // The text part carries the working link, which opens the reset page.
  await page.goto(linkIn(mail, "/reset-password/"));
  await expect(page).toHaveURL(new RegExp(`/t/${tenant.slug}/reset-password`));
  await page.getByLabel("Neues Passwort", { exact: true }).fill("a-brand-new-passphrase");
  await page.getByLabel("Neues Passwort bestätigen").fill("a-brand-new-passphrase");
  await page.getByRole("button", { name: "Neues Passwort speichern" }).click();
  const changed = await smtp.waitForMessage(email, (m) => m.subject === "Ihr Passwort für Kontor wurde geändert");
  expect(changed.text).toContain(`/t/${tenant.slug}/forgot-password`);
});

test("the console previews every template in the tenant's theme and sends a test email", async ({
  page,
  ownedTenant,
  uniqueEmail,
}) => {
  await patchTenantConfig(ownedTenant.slug, smtpTo(smtp.port));
  await page.goto(`/admin/${ownedTenant.slug}/emails`);
  await expect(page.getByRole("heading", { name: "Emails", level: 1 })).toBeVisible();
  const templates = page.getByRole("navigation", { name: "Templates" }).getByRole("link");
  await expect(templates).toHaveCount(10);

  await templates.filter({ hasText: "One-time code" }).click();
  await expect(page.getByTestId("email-subject")).toHaveText(`428193 is your ${ownedTenant.name} code`);
  const preview = page.frameLocator('iframe[title="One-time code email preview"]');
  await expect(preview.getByText("428193")).toBeVisible();
  await expect(page.getByTestId("email-text")).toContainText("Enter this code to sign in as ada@example.com:");
  await expect(page.locator('iframe[title="One-time code email preview"]')).toHaveAttribute("sandbox", "");

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Deutsch" }).click();
  await expect(page.getByTestId("email-subject")).toHaveText(`428193 ist Ihr Code für ${ownedTenant.name}`);

  const to = uniqueEmail("test-send");
  await page.getByLabel("Send to").fill(to);
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByTestId("test-send-result")).toContainText(`to ${to}. Queued`);
  const mail = await smtp.waitForMessage(to);
  expect(mail.subject).toBe(`[Test] 428193 ist Ihr Code für ${ownedTenant.name}`);
  expect(mail.text).toContain("428193");

  await page.getByLabel("Send to").fill("not-an-address");
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByLabel("Send to")).toHaveAttribute("aria-invalid", "true");
});

test("viewers cannot open the emails page", async ({ ownedTenant, otherAccount }) => {
  const { page } = await otherAccount("viewer", ownedTenant.slug);
  const response = await page.goto(`/admin/${ownedTenant.slug}/emails`);
  expect(response?.status()).toBe(403);
});
