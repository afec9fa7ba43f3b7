/**
 * Issue 20 item 3: the theme's texts per language. An owner writes an English title and a
 * French button label in the editor, which shows what each empty field falls back to; once
 * published, French visitors (hosted page and widget) see the French label and the English
 * title, English visitors never see the French label.
 */
import { CustomerSite } from "../support/customer-site";
import { openEditor, preview, publish } from "./branding-helpers";
import { expect, test } from "./console-fixtures";
import { baseURL, patchTenantConfig, uniqueSlug } from "./fixtures";

// The editor, three hosted pages and a customer's page with two widgets: more than 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

let site: CustomerSite;
test.beforeAll(async () => {
  site = await CustomerSite.start();
});
test.afterAll(async () => {
  await site.stop();
});

test("a French button label shows on the French hosted page and widget, not the English ones", async ({
  page,
  browser,
  ownedTenant,
}) => {
  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Sign in title (English)").fill("Welcome to Acme");

  await page.getByLabel("Language of these texts").selectOption("fr");
  const frenchTitle = page.getByLabel("Sign in title (Français)");
  await expect(frenchTitle).toHaveAttribute("placeholder", "Welcome to Acme");
  await expect(frenchTitle).toHaveAccessibleDescription("Empty: uses your English text.");
  const frenchButton = page.getByLabel("Sign in button label (Français)");
  await expect(frenchButton).toHaveAttribute("placeholder", "Se connecter");
  await expect(frenchButton).toHaveAccessibleDescription("Empty: uses Portico's text.");
  await frenchButton.fill("C'est parti");
  await page.getByLabel("Footer terms link (Français)").fill("Conditions d'Acme");
  await page.getByLabel("Terms URL").fill("https://acme.example/terms");

  // Only offered languages can be edited.
  await expect(page.getByLabel("Language of these texts").locator("option")).toHaveCount(14);
  await publish(page);

  await page.goto(`/t/${ownedTenant.slug}/sign-in?lang=fr`);
  await expect(page.getByRole("button", { name: "C'est parti" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Acme");
  await expect(page.getByRole("link", { name: "Conditions d'Acme" })).toHaveAttribute(
    "href",
    "https://acme.example/terms",
  );
  await page.goto(`/t/${ownedTenant.slug}/sign-in?lang=en`);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Terms" })).toBeVisible();
  await expect(page.getByText("C'est parti")).toHaveCount(0);
  await page.goto(`/t/${ownedTenant.slug}/sign-in?lang=de`);
  await expect(page.getByRole("button", { name: "Anmelden", exact: true })).toBeVisible();

  // The widget reads the same texts from theme.json.
  await patchTenantConfig(ownedTenant.slug, {
    trustedOrigins: [site.crossSiteOrigin],
    authMethods: { bearer: { enabled: true } },
  });
  const path = `/${uniqueSlug("page")}`;
  site.page(path, {
    portico: baseURL,
    body: `<auth-login id="fr" tenant="${ownedTenant.slug}" lang="fr"></auth-login>
           <auth-login id="en" tenant="${ownedTenant.slug}" lang="en"></auth-login>`,
  });
  // A customer's page sends no extra headers (the test's own would need a CORS preflight).
  const customer = await browser.newContext({ extraHTTPHeaders: {} });
  const customerPage = await customer.newPage();
  await customerPage.goto(`${site.crossSiteOrigin}${path}`);
  const french = customerPage.locator("#fr");
  await expect(french.getByRole("button", { name: "C'est parti" })).toBeVisible();
  await expect(french.getByRole("heading", { name: "Welcome to Acme" })).toBeVisible();
  await expect(customerPage.locator("#en").getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await customer.close();

  // A language no longer offered leaves the editor's list; its texts are kept for later.
  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Français (fr)").uncheck();
  await expect(page.getByLabel("Language of these texts").locator("option")).toHaveCount(13);
  await expect(preview(page, "light").getByRole("heading", { level: 1 })).toHaveText("Welcome to Acme");
});
