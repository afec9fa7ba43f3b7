/**
 * Choosing the language on hosted pages and in widgets (decision 0027): `?lang=` picks one of
 * the tenant's offered languages and a cookie remembers it; the footer's switcher is plain
 * links, so it works without JavaScript; Arabic and Hebrew pages and widgets lay out right to
 * left. The RTL screenshots land in docs/images for docs/theming.md.
 */
import path from "node:path";
import type { Locator } from "@playwright/test";
import { CustomerSite } from "../support/customer-site";
import { startSmtpServer } from "../support/smtp";
import { baseURL, createTenant, expect, PASSWORD, patchTenantConfig, publishTheme, test, uniqueSlug } from "./fixtures";

const IMAGES = path.resolve(import.meta.dirname, "../../docs/images");

/** Where an element's text is drawn (not its box, which may span the whole line). */
async function textBox(locator: Locator): Promise<{ left: number; right: number }> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const rect = range.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
}

test("?lang=ja shows Japanese and is remembered on the next page without the parameter", async ({ page, context }) => {
  const tenant = await createTenant(uniqueSlug("lang"));
  await page.goto(`/t/${tenant.slug}/sign-in?lang=ja`);
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByText("おかえりなさい。続行するにはログインしてください。")).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name === "portico_lang");
  expect(cookie).toMatchObject({ value: "ja", path: `/t/${tenant.slug}`, sameSite: "Lax", httpOnly: false });
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(360 * 24 * 60 * 60);

  await page.goto(`/t/${tenant.slug}/sign-up`);
  await expect(page.getByRole("heading", { name: "アカウントを作成" })).toBeVisible();
  await page.getByRole("button", { name: "アカウントを作成" }).click();
  await expect(page.getByText("名前を入力してください。")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switcher lists only the offered languages, in their own names, and switches the page", async ({ page }) => {
    const tenant = await createTenant(uniqueSlug("lang"));
    await publishTheme(tenant.id, { locale: { default: "en", offered: ["en", "fr", "ar"], followBrowser: true } });
    await page.goto(`/t/${tenant.slug}/sign-in`);
    const switcher = page.getByTestId("language-switcher");
    await switcher.locator("summary").click();
    await expect(switcher.getByRole("link")).toHaveText(["English", "Français", "العربية"]);

    await switcher.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(/lang=fr/);
    await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();

    // Remembered; a language the tenant does not offer, or none at all, is ignored, not an error.
    for (const lang of ["de", "xx"]) {
      const response = await page.goto(`/t/${tenant.slug}/forgot-password?lang=${lang}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: "Mot de passe oublié ?" })).toBeVisible();
    }
  });
});

test("Arabic sign-in is right to left: the label sits at the right edge of its input", async ({ page }) => {
  const tenant = await createTenant(uniqueSlug("rtl"), "شركة المثال");
  await page.setViewportSize({ width: 900, height: 820 });
  await page.goto(`/t/${tenant.slug}/sign-in?lang=ar`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { name: "تسجيل الدخول" })).toBeVisible();

  const input = await page.getByLabel("البريد الإلكتروني", { exact: true }).boundingBox();
  const label = await textBox(page.getByText("البريد الإلكتروني", { exact: true }));
  // Right to left, the label's text starts at the input's right edge; left-aligned CSS would put it at the left.
  expect(Math.abs(label.right - (input!.x + input!.width))).toBeLessThan(24);
  expect(label.left).toBeGreaterThan(input!.x + input!.width / 2);
  await page.screenshot({ path: path.join(IMAGES, "rtl-sign-in-ar.png") });
});

test("Hebrew sign-in is right to left", async ({ page }) => {
  const tenant = await createTenant(uniqueSlug("rtl"), "חברת דוגמה");
  await page.setViewportSize({ width: 900, height: 820 });
  await page.goto(`/t/${tenant.slug}/sign-in?lang=he`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "התחברות" })).toBeVisible();
  const input = await page.getByLabel("סיסמה", { exact: true }).boundingBox();
  const heading = await textBox(page.getByRole("heading", { name: "התחברות" }));
  const forgot = await textBox(page.getByRole("link", { name: "שכחת את הסיסמה?" }));
  // The heading starts at the right edge; "Forgot password?", at the inline end, moves to the left.
  expect(Math.abs(heading.right - (input!.x + input!.width))).toBeLessThan(24);
  expect(Math.abs(forgot.left - input!.x)).toBeLessThan(24);
  await page.screenshot({ path: path.join(IMAGES, "rtl-sign-in-he.png") });
});

test.describe("a widget with lang", () => {
  // A customer's page sends no extra headers (no CORS preflight for them).
  test.use({ extraHTTPHeaders: async ({}, use) => use({}) });
  let site: CustomerSite;
  test.beforeAll(async () => {
    site = await CustomerSite.start();
  });
  test.afterAll(async () => {
    await site.stop();
  });

  test('lang="he" renders Hebrew copy laid out right to left', async ({ page }) => {
    const tenant = await createTenant(uniqueSlug("rtl"));
    await patchTenantConfig(tenant.slug, {
      trustedOrigins: [site.crossSiteOrigin],
      authMethods: { bearer: { enabled: true } },
    });
    const pagePath = `/${uniqueSlug("page")}`;
    site.page(pagePath, {
      portico: baseURL,
      body: `<div style="max-width: 420px"><auth-login id="he" tenant="${tenant.slug}" lang="he"></auth-login></div>`,
    });
    await page.goto(`${site.crossSiteOrigin}${pagePath}`);
    const widget = page.locator("#he");
    await expect(widget.getByRole("heading", { name: "התחברות" })).toBeVisible();
    await expect(widget).toHaveAttribute("dir", "rtl");
    await expect(widget.getByRole("button", { name: "שכחת את הסיסמה?" })).toBeVisible();
    const field = await widget.getByLabel("אימייל").boundingBox();
    const heading = await textBox(widget.getByRole("heading", { name: "התחברות" }));
    // The heading's text starts at the inline start, which is the field's right edge right to left.
    expect(Math.abs(heading.right - (field!.x + field!.width))).toBeLessThan(24);
    expect(heading.left).toBeGreaterThan(field!.x + field!.width / 2);
    await widget.screenshot({ path: path.join(IMAGES, "rtl-widget-he.png") });
  });
});

test("a user who signed up in French gets French emails, even when an English browser asks for them", async ({
  page,
  browser,
  uniqueEmail,
}) => {
  const smtp = await startSmtpServer();
  try {
    const tenant = await createTenant(uniqueSlug("lang"), "Maison Test");
    await patchTenantConfig(tenant.slug, {
      smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@maison.test" },
      authMethods: { emailPassword: { welcomeEmail: true } },
    });
    const email = uniqueEmail("fr");
    await page.goto(`/t/${tenant.slug}/sign-up?lang=fr`);
    await page.getByLabel("Nom", { exact: true }).fill("Zoé Test");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Créer un compte" }).click();
    const welcome = await smtp.waitForMessage(email, (m) => m.subject === "Bienvenue sur Maison Test");
    expect(welcome.html).toContain('lang="fr"');

    // A browser that asks for English and has no remembered choice: the stored language wins.
    const english = await browser.newContext({ baseURL, locale: "en-US" });
    try {
      const other = await english.newPage();
      await other.goto(`/t/${tenant.slug}/forgot-password`);
      await expect(other.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
      await other.getByLabel("Email", { exact: true }).fill(email);
      await other.getByRole("button", { name: "Send reset link" }).click();
      const reset = await smtp.waitForMessage(email, (m) => m.subject.startsWith("Réinitialisez"));
      expect(reset.subject).toBe("Réinitialisez votre mot de passe Maison Test");
    } finally {
      await english.close();
    }
  } finally {
    await smtp.close();
  }
});
