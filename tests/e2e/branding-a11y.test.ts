/**
 * The hosted sign-in page stays accessible in the default theme and in a dark theme (axe-core),
 * and speaks the language the tenant's theme asks for.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { computed, openEditor, publish } from "./branding-helpers";
import { expect, test } from "./console-fixtures";

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

test("the sign-in page passes axe with the default theme and with a dark theme", async ({
  page,
  ownedTenant,
  browser,
  baseURL,
}, testInfo) => {
  await page.goto(`/t/${ownedTenant.slug}/sign-in`);
  await expectNoAxeViolations(page);

  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Dark mode", { exact: true }).selectOption("dark");
  await page.getByLabel("Terms URL").fill("https://example.com/terms");
  await page.getByLabel("Show “Powered by Portico”").check();
  await publish(page);

  // A visitor whose system is set to light still gets the dark theme the tenant chose.
  const context = await browser.newContext({ colorScheme: "light", baseURL });
  const visitor = await context.newPage();
  await visitor.goto(`/t/${ownedTenant.slug}/sign-in`);
  await expect(visitor.getByRole("link", { name: "Terms" })).toHaveAttribute("href", "https://example.com/terms");
  await expect(visitor.getByText("Powered by Portico")).toBeVisible();
  expect(await computed(visitor.locator("body"), "background-color")).toBe("rgb(11, 16, 32)");
  await testInfo.attach("sign-in-dark", {
    body: await visitor.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await expectNoAxeViolations(visitor);
  await context.close();
});

test("the theme's language settings pick the hosted pages' language", async ({
  page,
  ownedTenant,
  browser,
  baseURL,
}) => {
  const visit = async (locale: string) => {
    const context = await browser.newContext({ locale, baseURL });
    const visitor = await context.newPage();
    await visitor.goto(`/t/${ownedTenant.slug}/sign-in`);
    const heading = await visitor.getByRole("heading", { level: 1 }).textContent();
    const lang = await visitor.locator("html").getAttribute("lang");
    await context.close();
    return { heading, lang };
  };
  // By default the browser's language decides among the offered ones.
  expect(await visit("de-DE")).toEqual({ heading: "Anmelden", lang: "de" });
  expect(await visit("en-US")).toEqual({ heading: "Sign in", lang: "en" });

  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Default language").selectOption("de");
  await page.getByLabel("Use the language the browser asks for, when offered").uncheck();
  await page.getByLabel("Language of these texts").selectOption("de");
  await page.getByLabel("Sign in title (Deutsch)").fill("Willkommen bei Acme");
  await publish(page);
  expect(await visit("en-US")).toEqual({ heading: "Willkommen bei Acme", lang: "de" });
});
