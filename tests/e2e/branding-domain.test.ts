/**
 * A published theme applies on the tenant's custom domain too: theme.css, theme.json, the
 * uploaded logo and the fonts are served at that host's root. `<slug>.localhost` stands in for
 * a customer's domain (Chromium resolves every *.localhost name to the loopback address).
 */
import { computed, LOGO_SVG, openEditor, publish, TEAL } from "./branding-helpers";
import { addMember, expect, tenantCli, test, uniqueSlug } from "./console-fixtures";

test("the published theme styles the hosted pages on a custom domain", async ({ page, platformAccount, baseURL }) => {
  const slug = uniqueSlug("brand-domain");
  const hostname = `${slug}.localhost`;
  await tenantCli("create", slug, "--name", "Domain Brand", "--hostname", hostname);
  await addMember(slug, platformAccount.email, "owner");

  await openEditor(page, slug);
  await page.getByLabel("Primary (light)", { exact: true }).fill(TEAL);
  await page.getByLabel("Font", { exact: true }).selectOption("source-serif");
  await page
    .getByLabel(/choose a file for Logo$/)
    .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
  await expect(page.getByRole("button", { name: "Remove Logo", exact: true })).toBeVisible();
  await publish(page);

  const origin = `http://${hostname}:${new URL(baseURL!).port}`;
  const visitor = await page.context().newPage();
  await expect.poll(async () => (await visitor.goto(`${origin}/sign-in`))?.status(), { timeout: 10_000 }).toBe(200);
  expect(await computed(visitor.getByRole("button", { name: "Sign in" }), "background-color")).toBe(
    "rgb(15, 118, 110)",
  );
  const logo = visitor.getByRole("img", { name: "Domain Brand logo" });
  await expect(logo).toHaveAttribute("src", /^\/assets\/[\w-]+$/);
  // The image really loaded from the custom host, and the bundled font did too.
  await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(160);
  await expect
    .poll(() =>
      visitor.evaluate(() =>
        [...document.fonts].some(
          (face) => face.family.replace(/["']/g, "") === "Source Serif 4" && face.status === "loaded",
        ),
      ),
    )
    .toBe(true);

  const theme = (await visitor.evaluate(() => fetch("/theme.json").then((response) => response.json()))) as {
    logo: { light: string };
    stylesheet: string;
  };
  expect(theme.logo.light).toMatch(new RegExp(`^${origin}/assets/[\\w-]+$`));
  expect(theme.stylesheet).toBe(`${origin}/theme.css`);
});
