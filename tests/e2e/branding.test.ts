/**
 * The theme editor's journey: an owner changes colors, logo, layout and copy, watches the
 * preview follow as they type, publishes, and the hosted sign-in page changes; a second
 * publish and a rollback restore the first look; theme.css and theme.json follow each publish
 * and revalidate with their ETags.
 */
import type { Page, TestInfo } from "@playwright/test";
import { computed, LOGO_SVG, openEditor, preview, publish, TEAL } from "./branding-helpers";
import { expect, test } from "./console-fixtures";

const TEAL_RGB = "rgb(15, 118, 110)";
const PURPLE = "#7e22ce";
const PURPLE_RGB = "rgb(126, 34, 206)";
const DEFAULT_PRIMARY_RGB = "rgb(79, 70, 229)";

async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("an owner restyles the sign-in page in the editor, publishes it and rolls back", async ({
  page,
  ownedTenant,
}, testInfo) => {
  const signInButton = page.getByRole("button", { name: "Sign in" });
  await page.goto(`/t/${ownedTenant.slug}/sign-in`);
  expect(await computed(signInButton, "background-color")).toBe(DEFAULT_PRIMARY_RGB);
  await snapshot(page, testInfo, "sign-in-default");

  await openEditor(page, ownedTenant.slug);
  const light = preview(page, "light");
  const dark = preview(page, "dark");

  // Colors: the light preview follows the hex input as it is typed; dark keeps its own palette.
  await page.getByLabel("Primary (light)", { exact: true }).fill(TEAL);
  await expect.poll(() => computed(light.getByRole("button", { name: "Sign in" }), "background-color")).toBe(TEAL_RGB);
  expect(await computed(dark.getByRole("button", { name: "Sign in" }), "background-color")).toBe("rgb(129, 140, 248)");

  // Logo: uploaded (an SVG, sanitized by the server) and shown in both previews.
  await page
    .getByLabel(/choose a file for Logo$/)
    .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
  await expect(light.getByRole("img", { name: `Tenant ${ownedTenant.slug} logo` })).toBeVisible();

  // Layout and copy.
  await page.getByLabel("Layout", { exact: true }).selectOption("split");
  await expect(light.locator("[data-layout=split]")).toBeVisible();
  await page.getByLabel("Sign in title (English)").fill("Welcome to Acme");
  await expect(light.getByRole("heading", { level: 1 })).toHaveText("Welcome to Acme");
  await page.getByLabel("Preview width").selectOption("phone");
  await expect(light.locator("[data-testid=split-panel]")).toBeHidden();
  await snapshot(page, testInfo, "editor-with-preview");

  // Nothing is live until it is published.
  const signIn = await page.context().newPage();
  await signIn.goto(`/t/${ownedTenant.slug}/sign-in`);
  expect(await computed(signIn.getByRole("button", { name: "Sign in" }), "background-color")).toBe(DEFAULT_PRIMARY_RGB);
  await expect(signIn.locator('link[rel="icon"]')).toHaveAttribute("href", "data:,");

  await publish(page);
  await expect(page.getByText("Live: version 1")).toBeVisible();
  await signIn.reload();
  await expect(signIn.getByRole("heading", { level: 1 })).toHaveText("Welcome to Acme");
  expect(await computed(signIn.getByRole("button", { name: "Sign in" }), "background-color")).toBe(TEAL_RGB);
  await expect(signIn.getByRole("img", { name: `Tenant ${ownedTenant.slug} logo` })).toBeVisible();
  await expect(signIn.locator("[data-layout=split] [data-testid=split-panel]")).toBeVisible();
  // Without a favicon of its own the tab shows the tenant's logo, never Portico's icon.
  await expect(signIn.locator('link[rel="icon"]')).toHaveAttribute("href", /\/assets\/[\w-]+$/);
  await snapshot(signIn, testInfo, "sign-in-published-v1");

  // A second look, then one click back to the first.
  await page.getByLabel("Primary (light)", { exact: true }).fill(PURPLE);
  await page.getByLabel("Sign in title (English)").fill("");
  await page.getByLabel("Layout", { exact: true }).selectOption("centered");
  await publish(page);
  await signIn.reload();
  expect(await computed(signIn.getByRole("button", { name: "Sign in" }), "background-color")).toBe(PURPLE_RGB);
  await expect(signIn.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(signIn.locator("[data-layout=centered]")).toBeVisible();
  await snapshot(signIn, testInfo, "sign-in-published-v2");

  await page.getByRole("button", { name: "Restore v1" }).click();
  await expect(page.getByText("Version 1 is live again (as version 3).")).toBeVisible();
  await signIn.reload();
  expect(await computed(signIn.getByRole("button", { name: "Sign in" }), "background-color")).toBe(TEAL_RGB);
  await expect(signIn.getByRole("heading", { level: 1 })).toHaveText("Welcome to Acme");
  await expect(signIn.locator("[data-layout=split]")).toBeVisible();
  await snapshot(signIn, testInfo, "sign-in-after-rollback");
  // The editor starts from the restored theme.
  await expect(page.getByLabel("Primary (light)", { exact: true })).toHaveValue(TEAL);
});

test("theme.css and theme.json change after a publish and revalidate with their ETags", async ({
  page,
  ownedTenant,
  playwright,
  baseURL,
}) => {
  // A fresh client per phase: the editor steps take longer than the server keeps idle connections.
  let request = await playwright.request.newContext({ baseURL });
  const base = `/t/${ownedTenant.slug}`;
  const css = await request.get(`${base}/theme.css`);
  expect(css.status()).toBe(200);
  expect(css.headers()["content-type"]).toBe("text/css; charset=utf-8");
  expect(css.headers()["access-control-allow-origin"]).toBe("*");
  expect(css.headers()["cache-control"]).toMatch(/max-age=1\b/);
  const cssEtag = css.headers()["etag"]!;
  expect(cssEtag).toMatch(/^"[\w-]+"$/);
  expect(await css.text()).toContain("--portico-primary: #4f46e5;");
  expect((await request.get(`${base}/theme.css`, { headers: { "if-none-match": cssEtag } })).status()).toBe(304);

  const json = await request.get(`${base}/theme.json`);
  const jsonEtag = json.headers()["etag"]!;
  expect(await json.json()).toMatchObject({
    version: null,
    productName: `Tenant ${ownedTenant.slug}`,
    showPoweredBy: false,
  });

  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Product name").fill("Acme Cloud");
  await page.getByLabel("Primary (light)", { exact: true }).fill(TEAL);
  await page.getByLabel("Font", { exact: true }).selectOption("inter");
  await page
    .getByLabel(/choose a file for Logo$/)
    .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
  await expect(page.getByRole("button", { name: "Remove Logo", exact: true })).toBeVisible();
  await publish(page);
  await request.dispose();
  request = await playwright.request.newContext({ baseURL });

  // Within a second of publishing, the old ETag no longer matches.
  await expect
    .poll(async () => (await request.get(`${base}/theme.css`, { headers: { "if-none-match": cssEtag } })).status())
    .toBe(200);
  const newCss = await (await request.get(`${base}/theme.css`)).text();
  expect(newCss).toContain(`--portico-primary: ${TEAL};`);
  expect(newCss).toContain("url(fonts/inter-latin-400-normal.woff2)");
  const font = await request.get(`${base}/fonts/inter-latin-400-normal.woff2`);
  expect(font.status()).toBe(200);
  expect(font.headers()["content-type"]).toBe("font/woff2");

  const published = await request.get(`${base}/theme.json`, { headers: { "if-none-match": jsonEtag } });
  expect(published.status()).toBe(200);
  const theme = (await published.json()) as { version: number; productName: string; logo: { light: string } };
  expect(theme).toMatchObject({ version: 1, productName: "Acme Cloud" });
  expect(theme.logo.light).toMatch(new RegExp(`^http://localhost:\\d+${base}/assets/[\\w-]+$`));
  const newEtag = published.headers()["etag"]!;
  expect((await request.get(`${base}/theme.json`, { headers: { "if-none-match": newEtag } })).status()).toBe(304);

  // The uploaded logo is served as a sanitized SVG that cannot run anything.
  const logo = await request.get(theme.logo.light);
  expect(logo.headers()["content-type"]).toBe("image/svg+xml");
  expect(logo.headers()["x-content-type-options"]).toBe("nosniff");
  expect(logo.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(await logo.text()).toContain('<rect width="160" height="40" rx="8" fill="#0f766e"/>');
  await request.dispose();
});
