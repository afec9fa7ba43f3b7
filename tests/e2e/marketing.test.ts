/**
 * The landing page at / and what crawlers read: title, description, Open Graph tags, the
 * footer's legal links (APP_* in playwright.config.ts), robots.txt and sitemap.xml.
 */
import { baseURL, expect, PASSWORD, test } from "./fixtures";

test("the landing page sells in one sentence and sends people to sign up", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Sign-in for every app you run, on servers you own.",
  );
  for (const section of ["Everything sign-in needs", "How it works", "Portico and hosted services", "Questions"])
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  await expect(page.getByRole("table", { name: "Portico compared with Clerk and Auth0" })).toBeVisible();
  await expect(page.locator("pre code").first()).toContainText(
    `<script type="module" src="${baseURL}/widgets/portico.js">`,
  );

  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Terms of service" })).toHaveAttribute(
    "href",
    "https://portico.test/terms",
  );
  await expect(footer.getByRole("link", { name: "Privacy policy" })).toHaveAttribute(
    "href",
    "https://portico.test/privacy",
  );
  await expect(footer.getByRole("link", { name: "support@portico.test" })).toHaveAttribute(
    "href",
    "mailto:support@portico.test",
  );

  await page.getByRole("link", { name: "Get started free" }).click();
  await expect(page).toHaveURL("/sign-up");
  await expect(page.getByRole("heading", { name: "Create your console account" })).toBeVisible();
});

test("the landing page has its title, description and Open Graph tags", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Portico: self-hosted, white-label authentication");
  const meta = (selector: string) => page.locator(selector).getAttribute("content");
  expect(await meta('meta[name="description"]')).toMatch(/^Portico gives every app you run branded sign-in pages/);
  expect(await meta('meta[property="og:title"]')).toBe("Portico: self-hosted, white-label authentication");
  expect(await meta('meta[property="og:description"]')).toMatch(/^Portico gives every app/);
  expect(await meta('meta[property="og:url"]')).toBe(`${baseURL}/`);
  expect(await meta('meta[property="og:type"]')).toBe("website");
  expect(await meta('meta[property="og:site_name"]')).toBe("Portico");
  expect(await meta('meta[name="theme-color"]')).toBe("#0f766e");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/`);
  const image = await meta('meta[property="og:image"]');
  expect((await page.request.get(image!)).status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("robots.txt keeps crawlers out of private pages and points at the sitemap", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await robots.text();
  expect(text).toContain("Disallow: /admin");
  expect(text).toContain("Disallow: /t/");
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toMatch(/^application\/xml/);
  const xml = await sitemap.text();
  const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
  expect(locations).toEqual(expect.arrayContaining([`${baseURL}/`, `${baseURL}/docs`, `${baseURL}/docs/quickstart`]));
  for (const location of locations) expect((await request.get(location)).status(), location).toBe(200);
});

test("on a phone the landing page fits the screen, in the dark scheme too", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(11, 16, 32)");
});

test("the live demo signs a user up through the widget and shows the JWT", async ({ page, uniqueEmail }) => {
  await page.goto("/");
  const email = uniqueEmail("widget");
  const widget = page.locator("auth-login");
  await widget.getByLabel("Name").fill("Widget Visitor");
  await widget.getByLabel("Email").fill(email);
  await widget.getByLabel("Password").fill(PASSWORD);
  await widget.getByRole("button", { name: "Create account" }).click();
  const panel = page.getByRole("region", { name: "Try it live" });
  await expect(panel.getByTestId("demo-signed-in")).toContainText(`Signed in as ${email}.`);
  await expect(panel.getByTestId("demo-jwt-claims")).toContainText(`"email": "${email}"`);
});
