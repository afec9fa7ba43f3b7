/**
 * Issue 21: a tenant admin rewrites an email's texts in German on the Emails page, watches the
 * themed preview follow, saves, sends a test through the tenant's SMTP server, reads the HTML
 * in the outbox, and a user who signs up in German receives the rewritten email while an
 * English one keeps Portico's text.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { expect, test } from "./console-fixtures";
import { PASSWORD, patchTenantConfig, publishTheme } from "./fixtures";

// Two sign-ups, a test send and a console journey: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

/** Signs up on a hosted sign-up page in its language: labels of name, email, password, and the button. */
async function signUpIn(page: Page, url: string, [name, email, password, button]: string[], address: string) {
  await page.goto(url);
  await page.getByLabel(name!, { exact: true }).fill("Kim Kontor");
  await page.getByLabel(email!, { exact: true }).fill(address);
  await page.getByLabel(password!, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: button }).click();
}

test("German verification texts: live preview, test send, outbox HTML and the real email", async ({
  page,
  browser,
  ownedTenant,
  platformAccount,
  uniqueEmail,
}) => {
  await patchTenantConfig(ownedTenant.slug, {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@texts.test" },
    authMethods: { emailPassword: { requireEmailVerification: true } },
  });
  await publishTheme(ownedTenant.id, { productName: "Kontor", colors: { light: { primary: "#0f766e" } } });

  await page.goto(`/admin/${ownedTenant.slug}/emails?template=verifyEmail&locale=de`);
  const frame = page.frameLocator('iframe[title="Verify email email preview"]');
  await expect(frame.getByText("Bestätigen Sie Ihre E-Mail-Adresse", { exact: true })).toBeVisible();
  const subject = page.getByLabel("Subject", { exact: true });
  await expect(subject).toHaveAttribute("placeholder", "Bestätigen Sie Ihre E-Mail-Adresse für {product}");
  await expect(subject).toHaveAccessibleDescription(/Placeholders: \{product\}/);

  // An unknown placeholder is named on its field, and the saved texts are not touched.
  await subject.fill("Hallo {{url}}");
  await expect(page.getByText("Unknown placeholder {url}. Use {product}.")).toBeVisible();
  await expect(subject).toHaveAttribute("aria-invalid", "true");

  await subject.fill("Willkommen bei {product}: bitte bestätigen");
  await page.getByLabel("Heading", { exact: true }).fill("Fast geschafft!");
  await page.getByLabel("Paragraph", { exact: true }).fill("Ein Klick bestätigt {email} bei {product}.");
  await page.getByLabel("Button label", { exact: true }).fill("Jetzt bestätigen");
  // The preview is the real template in the tenant's theme, with the unsaved texts.
  await expect(frame.getByText("Fast geschafft!")).toBeVisible();
  await expect(frame.getByText("Ein Klick bestätigt ada@example.com bei Kontor.")).toBeVisible();
  await expect(frame.getByRole("link", { name: "Jetzt bestätigen" })).toHaveCSS(
    "background-color",
    "rgb(15, 118, 110)",
  );
  await expect(page.getByTestId("email-subject")).toHaveText("Willkommen bei Kontor: bitte bestätigen");
  await expect(subject).not.toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Save texts" }).click();
  await expect(page.getByTestId("texts-saved")).toContainText("Saved: the texts are live");
  await expect(subject).toHaveValue("Willkommen bei {product}: bitte bestätigen");

  // The test goes to the admin's own address, through the tenant's SMTP server.
  const to = platformAccount.email;
  await expect(page.getByLabel("Send to")).toHaveValue(to);
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByTestId("test-send-result")).toContainText(`to ${to}.`);
  const test = await smtp.waitForMessage(to);
  expect(test.subject).toBe("[Test] Willkommen bei Kontor: bitte bestätigen");
  expect(test.html).toContain("Fast geschafft!");
  expect(test.text).toContain("Ein Klick bestätigt ada@example.com bei Kontor.");

  // The outbox shows the HTML version, sandboxed.
  await page.getByRole("link", { name: "Open it in the outbox" }).click();
  const html = page.locator('iframe[title="Email HTML"]');
  await expect(html).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator('iframe[title="Email HTML"]').getByText("Fast geschafft!")).toBeVisible();

  // A user who signs up in German gets the German texts; one who signs up in English does not.
  const visitor = await browser.newContext({ extraHTTPHeaders: {} });
  try {
    const signUp = await visitor.newPage();
    const german = uniqueEmail("de-user");
    await signUpIn(
      signUp,
      `/t/${ownedTenant.slug}/sign-up?lang=de`,
      ["Name", "E-Mail", "Passwort", "Konto erstellen"],
      german,
    );
    const mail = await smtp.waitForMessage(german);
    expect(mail.subject).toBe("Willkommen bei Kontor: bitte bestätigen");
    expect(mail.text).toContain(`Ein Klick bestätigt ${german} bei Kontor.`);
    expect(mail.html).toContain("Jetzt bestätigen");
    expect(linkIn(mail, "/api/auth/verify-email")).toContain(`/t/${ownedTenant.slug}/`);

    const english = uniqueEmail("en-user");
    await signUpIn(
      signUp,
      `/t/${ownedTenant.slug}/sign-up?lang=en`,
      ["Name", "Email", "Password", "Create account"],
      english,
    );
    const englishMail = await smtp.waitForMessage(english);
    expect(englishMail.subject).toBe("Confirm your email address for Kontor");
  } finally {
    await visitor.close();
  }
});

test("the Emails page offers only the tenant's languages and clears a text back to Portico's", async ({
  page,
  ownedTenant,
}) => {
  await publishTheme(ownedTenant.id, { locale: { default: "de", offered: ["de", "fr"] } });
  await page.goto(`/admin/${ownedTenant.slug}/emails?template=welcome&locale=ja`);
  const languages = page.getByRole("navigation", { name: "Language" }).getByRole("link");
  await expect(languages).toHaveText(["Deutsch", "Français"]);
  // A language not offered opens the default one.
  await expect(languages.filter({ hasText: "Deutsch" })).toHaveAttribute("aria-current", "page");

  // Every field labelled, contrast and structure as axe checks them.
  const { violations } = await new AxeBuilder({ page }).exclude("iframe").analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );

  await page.getByLabel("Subject", { exact: true }).fill("Schön, dass Sie da sind");
  await page.getByRole("button", { name: "Save texts" }).click();
  await expect(page.getByTestId("email-subject")).toHaveText("Schön, dass Sie da sind");
  await page.getByLabel("Subject", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save texts" }).click();
  await expect(page.getByTestId("texts-saved")).toBeVisible();
  await expect(page.getByTestId("email-subject")).toHaveText(/^Willkommen bei /);
});
