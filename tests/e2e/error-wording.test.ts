/**
 * The hosted sign-in page and `<auth-login>` on a customer's site word the same refusal the
 * same way, in the same language (both read app/i18n/messages/<locale>/auth-errors.ts).
 */
import { CustomerSite } from "../support/customer-site";
import { baseURL, createTenant, expect, patchTenantConfig, publishTheme, test, uniqueSlug } from "./fixtures";

// As in widgets-components.test.ts: a customer's page sends no extra headers (a forwarded-for
// header would make the browser ask the widget module's server first, which it does not answer).
test.use({ extraHTTPHeaders: async ({}, use) => use({}) });

let site: CustomerSite;
test.beforeAll(async () => {
  site = await CustomerSite.start();
});
test.afterAll(async () => {
  await site.stop();
});

for (const { locale, labels, sentence } of [
  { locale: "en", labels: ["Email", "Password", "Sign in"], sentence: "Incorrect email or password." },
  { locale: "de", labels: ["E-Mail", "Passwort", "Anmelden"], sentence: "E-Mail-Adresse oder Passwort ist falsch." },
]) {
  test(`a wrong password reads the same on the hosted page and in the widget (${locale})`, async ({
    browser,
    apiSignUp,
    uniqueEmail,
  }) => {
    const tenant = await createTenant(uniqueSlug("words"));
    await patchTenantConfig(tenant.slug, {
      trustedOrigins: [site.crossSiteOrigin],
      authMethods: { bearer: { enabled: true } },
    });
    await publishTheme(tenant.id, { locale: { default: "en", offered: ["en", "de"], followBrowser: true } });
    const email = uniqueEmail("words");
    await apiSignUp(tenant.slug, { name: "Wanda Words", email });
    const context = await browser.newContext({ baseURL, locale });
    const page = await context.newPage();
    const [emailLabel, passwordLabel, submit] = labels as [string, string, string];
    const signInWrongly = async () => {
      await page.getByLabel(emailLabel, { exact: true }).fill(email);
      await page.getByLabel(passwordLabel, { exact: true }).fill("not-the-password");
      await page.getByRole("button", { name: submit, exact: true }).click();
    };

    await page.goto(`/t/${tenant.slug}/sign-in`);
    await signInWrongly();
    await expect(page.getByLabel(passwordLabel, { exact: true })).toHaveAccessibleDescription(sentence);

    const path = `/${uniqueSlug("page")}`;
    // The customer's page is in English (<html lang="en">): the widget's own lang asks for the visitor's language.
    site.page(path, { portico: baseURL, body: `<auth-login tenant="${tenant.slug}" lang="${locale}"></auth-login>` });
    await page.goto(`${site.crossSiteOrigin}${path}`);
    await signInWrongly();
    await expect(page.getByRole("alert")).toHaveText(sentence);
    await context.close();
  });
}
