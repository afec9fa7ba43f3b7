/**
 * The README's promise, as a new user follows it: paste the two-line widget snippet into a page
 * on another site, add that site's origin in the console, and users can sign in; a reload keeps
 * them signed in (the session kept in Portico's HttpOnly cookie, decision 0022), sign-out ends
 * that too, and no other origin can trade the cookie for a token. A widget in an error state
 * stays inside its own box.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { CustomerSite } from "../support/customer-site";
import { expect, test, uniqueSlug } from "./console-fixtures";
import { baseURL, createTenant, fillSignIn, patchTenantConfig } from "./fixtures";

// A customer's page sends no extra headers (Playwright's would make every request preflighted).
test.use({ extraHTTPHeaders: async ({}, use) => use({}) });
test.describe.configure({ timeout: 120_000 });

let site: CustomerSite;
let stranger: CustomerSite;
test.beforeAll(async () => {
  site = await CustomerSite.start();
  stranger = await CustomerSite.start();
});
test.afterAll(async () => {
  await site.stop();
  await stranger.stop();
});

/** The README's "two lines on any page", with its example host and tenant replaced. */
function readmeSnippet(slug: string): string {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.slice(readme.indexOf("Two lines on any page"));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!snippet) throw new Error("README.md has no widget snippet after 'Two lines on any page'.");
  return snippet.replaceAll("https://auth.example.com", baseURL).replaceAll('tenant="acme"', `tenant="${slug}"`);
}

function pasteIntoPage(target: CustomerSite, html: string): string {
  const pagePath = `/${uniqueSlug("page")}`;
  target.raw(
    pagePath,
    `<!doctype html>\n<html lang="en">\n<head><title>Shop</title></head>\n<body>\n${html}</body>\n</html>`,
  );
  return pagePath;
}

test("the README snippet signs a user in after only adding the origin; reloads keep them, sign-out ends it", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("readme");
  await apiSignUp(slug, { name: "Reese Readme", email });

  // The one step in the console: add the page's origin.
  await page.goto(`/admin/${slug}/settings`);
  const origins = page.getByRole("form", { name: "Trusted origins" });
  await expect(page.getByText("Adding an origin also turns on Bearer tokens")).toBeVisible();
  await origins.getByLabel("Origins").fill(site.crossSiteOrigin);
  await origins.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Bearer tokens are now on");
  await expect(page.getByText("Bearer tokens are on: widgets on these origins sign users in")).toBeVisible();
  const audit = await (await page.request.get(`/admin/${slug}/audit.csv`)).text();
  expect(audit).toContain("admin.config.updated");
  expect(audit).toContain("authMethods.bearer.enabled");

  const shop = await page.context().newPage();
  await shop.goto(`${site.crossSiteOrigin}${pasteIntoPage(site, readmeSnippet(slug))}`);
  await fillSignIn(shop, { email });
  await expect(shop.getByText(`Signed in as ${email}.`)).toBeVisible();

  // The cookie that keeps the session is HttpOnly, on Portico's host, scoped to the tenant.
  const kept = (await shop.context().cookies(`${baseURL}/t/${slug}/api/widget-session/restore`)).find((cookie) =>
    cookie.name.endsWith(".widget_session"),
  );
  expect(kept).toMatchObject({ httpOnly: true, secure: true, sameSite: "None", path: `/t/${slug}/api/widget-session` });

  await shop.reload();
  await expect(shop.getByText(`Signed in as ${email}.`)).toBeVisible();
  expect(await shop.evaluate(() => window.Portico.currentUser?.email)).toBe(email);

  // Another origin, even on the same site (so the browser sends the cookie), gets no token.
  const strangerPage = await page.context().newPage();
  await strangerPage.goto(`${stranger.crossSiteOrigin}${pasteIntoPage(stranger, "<p>Not trusted</p>\n")}`);
  const fromStranger = await strangerPage.evaluate(async (url) => {
    try {
      const response = await fetch(url, { method: "POST", credentials: "include", body: "" });
      return `read ${response.status}: ${await response.text()}`;
    } catch {
      return "refused";
    }
  }, `${baseURL}/t/${slug}/api/widget-session/restore`);
  expect(fromStranger).toBe("refused");
  // What the server answers that request (the browser hides it), and the trusted origin's.
  const restore = (origin: string) =>
    fetch(`${baseURL}/t/${slug}/api/widget-session/restore`, {
      method: "POST",
      headers: { origin, cookie: `${kept!.name}=${kept!.value}`, "content-type": "text/plain" },
    });
  const refused = await restore(stranger.crossSiteOrigin);
  expect(refused.status).toBe(403);
  expect(await refused.text()).not.toContain(kept!.value);
  const trusted = await restore(site.crossSiteOrigin);
  expect(trusted.status).toBe(200);
  expect(((await trusted.json()) as { token: string | null }).token).toEqual(expect.any(String));

  await shop.getByRole("button", { name: "Sign out" }).click();
  await expect(shop.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await shop.reload();
  await expect(shop.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(shop.getByText(`Signed in as ${email}.`)).toHaveCount(0);
  // The session itself is gone too: the old cookie value no longer restores anything.
  expect(((await (await restore(site.crossSiteOrigin)).json()) as { token: string | null }).token).toBeNull();
});

test('token-storage="memory" keeps the session in the page only', async ({ page, apiSignUp, uniqueEmail }) => {
  const { slug } = await createTenant(uniqueSlug("mem"));
  await patchTenantConfig(slug, { trustedOrigins: [site.crossSiteOrigin], authMethods: { bearer: { enabled: true } } });
  const email = uniqueEmail("memory");
  await apiSignUp(slug, { name: "Mem Ory", email });
  const html = readmeSnippet(slug).replace("></auth-login>", ' token-storage="memory"></auth-login>');
  await page.goto(`${site.crossSiteOrigin}${pasteIntoPage(site, html)}`);
  await fillSignIn(page, { email });
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // Client mistakes on the widget-session endpoints get a 4xx that says what is wrong.
  const endpoint = `${baseURL}/t/${slug}/api/widget-session`;
  const post = (step: string, body = "") =>
    fetch(`${endpoint}/${step}`, { method: "POST", headers: { origin: site.crossSiteOrigin }, body });
  const problems = [
    [await post("keep", "not-a-session"), 401, "invalid_token"],
    [await post("keep", ""), 400, "invalid_token"],
    [await post("steal"), 404, "not_found"],
    [await fetch(`${endpoint}/restore`), 405, "method_not_allowed"],
  ] as const;
  for (const [response, status, code] of problems) {
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  }
});

test("a widget in an error state stays inside its own box with a short message", async ({ page }) => {
  // A tenant with no trusted origin and bearer tokens off: what the README's reader met first.
  const { slug } = await createTenant(uniqueSlug("err"));
  const html = `<header style="display:flex;align-items:center;justify-content:space-between;width:1000px;height:64px;padding:0 16px;box-sizing:border-box;border-bottom:1px solid #ccc">
  <strong>Shop</strong>
  <script type="module" src="${baseURL}/widgets/portico.js"></script>
  <auth-user-button tenant="${slug}"></auth-user-button>
</header>
`;
  await page.goto(`${site.crossSiteOrigin}${pasteIntoPage(site, html)}`);
  const widget = page.locator("auth-user-button");
  const alert = widget.getByRole("alert");
  await expect(alert).toHaveText("Sign-in unavailable");
  await expect(alert).toHaveAttribute("title", /Bearer tokens/);
  const widgetBox = (await widget.boundingBox())!;
  const alertBox = (await alert.boundingBox())!;
  const headerBox = (await page.locator("header").boundingBox())!;
  expect(widgetBox.width).toBeLessThanOrEqual(280);
  expect(widgetBox.height).toBeLessThanOrEqual(48);
  expect(alertBox.x).toBeGreaterThanOrEqual(widgetBox.x);
  expect(alertBox.x + alertBox.width).toBeLessThanOrEqual(widgetBox.x + widgetBox.width + 0.5);
  expect(alertBox.y + alertBox.height).toBeLessThanOrEqual(widgetBox.y + widgetBox.height + 0.5);
  expect(headerBox.height).toBe(64);
});
