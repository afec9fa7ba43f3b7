/**
 * The hosted pages speak the browser's language: German when it asks for German
 * (Accept-Language from Playwright's locale), English otherwise, errors included.
 */
import { createTenant, expect, expectFieldError, PASSWORD, test, uniqueSlug } from "./fixtures";

test.describe("with a German browser", () => {
  test.use({ locale: "de-DE" });

  test("sign-in is German, field errors included", async ({ page, apiSignUp, uniqueEmail }) => {
    const tenant = await createTenant(uniqueSlug("i18n"), "Beispiel GmbH");
    const email = uniqueEmail("de");
    await apiSignUp(tenant.slug, { name: "Erika Mustermann", email });

    await page.goto(`/t/${tenant.slug}/sign-in`);
    await expect(page).toHaveTitle("Anmelden – Beispiel GmbH");
    await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
    await expect(page.getByText("Willkommen zurück. Melden Sie sich an, um fortzufahren.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Passwort vergessen?" })).toBeVisible();

    await page.getByRole("button", { name: "Anmelden" }).click();
    await expectFieldError(page, "E-Mail", "Geben Sie Ihre E-Mail-Adresse ein.");
    await expectFieldError(page, "Passwort", "Geben Sie Ihr Passwort ein.");

    await page.getByLabel("E-Mail", { exact: true }).fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expectFieldError(page, "Passwort", "E-Mail-Adresse oder Passwort ist falsch.");

    await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
    await expect(page.getByRole("heading", { name: "Ihr Konto" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  });

  test("sign-up is German, with the password rule and its error", async ({ page, uniqueEmail }) => {
    const tenant = await createTenant(uniqueSlug("i18n"));
    await page.goto(`/t/${tenant.slug}/sign-up`);
    await expect(page).toHaveTitle(`Konto erstellen – ${tenant.name}`);
    await expect(page.getByRole("heading", { name: "Konto erstellen" })).toBeVisible();
    await expect(page.getByText("Sie haben bereits ein Konto?")).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill("Max Mustermann");
    await page.getByLabel("E-Mail", { exact: true }).fill("kein-email");
    await page.getByLabel("Passwort", { exact: true }).fill("kurz");
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expectFieldError(page, "E-Mail", "Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.com.");
    await expectFieldError(page, "Passwort", "Verwenden Sie mindestens 8 Zeichen.");
    await expect(page.getByLabel("Passwort", { exact: true })).toHaveAccessibleDescription(
      /Mindestens 8 Zeichen\. Häufig verwendete Passwörter werden nicht akzeptiert\./,
    );

    await page.getByLabel("E-Mail", { exact: true }).fill(uniqueEmail("de-signup"));
    await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
    await expect(page.getByText("Mitglied seit")).toBeVisible();
  });
});

test("an English browser gets English pages and errors", async ({ page }) => {
  const tenant = await createTenant(uniqueSlug("i18n"));
  await page.goto(`/t/${tenant.slug}/sign-up`);
  await expect(page).toHaveTitle(`Create your account – ${tenant.name}`);
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expectFieldError(page, "Name", "Enter your name.");
  await expectFieldError(page, "Email", "Enter your email address.");

  await page.goto(`/t/${tenant.slug}/forgot-password`);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill("not-an-address");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expectFieldError(page, "Email", "Enter a valid email address, like name@example.com.");
});
