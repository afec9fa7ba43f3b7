import type { Page } from "@playwright/test";
import { computed, openEditor, preview, TEAL } from "./branding-helpers";
import { test as consoleTest } from "./console-fixtures";
import { expect, PASSWORD, signIn, test } from "./fixtures";

const HTML_PAGES = ["/t/demo/sign-in", "/t/demo/sign-up", "/sign-in", "/", "/docs", "/docs/api"];

/** Pages cannot be framed by other sites (clickjacking) and are never content-sniffed. */
test("hosted and console pages refuse foreign frames, once per header", async ({ request }) => {
  for (const path of ["/t/demo/sign-in", "/sign-in", "/"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  // Answers that are not pages keep the framing rule alone.
  const json = await request.get("/t/demo/config.json");
  expect(json.headers()["content-security-policy"]).toBe("frame-ancestors 'self'");
});

test("a page framed by another origin is not shown, while the same origin may frame it", async ({ page, baseURL }) => {
  // 127.0.0.1 and localhost are different origins for the browser.
  const foreign = baseURL!.replace("localhost", "127.0.0.1");
  await page.goto(`${foreign}/healthz`);
  await page.setContent(`
    <script>window.framesLoaded = 0;</script>
    <iframe id="same" onload="window.framesLoaded++" src="${foreign}/t/demo/sign-in"></iframe>
    <iframe id="other" onload="window.framesLoaded++" src="${baseURL}/t/demo/sign-in"></iframe>`);
  await page.waitForFunction(() => (window as unknown as { framesLoaded: number }).framesLoaded === 2);
  await expect(page.frameLocator("#same").getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.frameLocator("#other").getByRole("button", { name: "Sign in" })).toHaveCount(0);
});

test("every HTML page has a nonce-based CSP, and every script on it carries that nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of HTML_PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const csp = response.headers()["content-security-policy"]!;
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    // 16 random bytes, base64.
    expect(nonce, `${path}: ${csp}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'", "form-action 'self'"])
      expect(csp, path).toContain(directive);
    expect(csp).not.toContain("'unsafe-inline' 'nonce");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.add(nonce!);
  }
  // A fresh nonce per response.
  expect(nonces.size).toBe(HTML_PAGES.length);
});

/** Records CSP violations the page reports (securitypolicyviolation events and console errors). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      ),
    );
  });
  return violations;
}

test("injected markup cannot run script on a hosted page", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/t/demo/sign-in");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<img src="data:," onerror="window.injected = true"><div id="x"></div>`,
    );
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

test("the marketing live widget demo and the docs search work under the CSP, with no violations", async ({
  page,
  uniqueEmail,
}) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  const email = uniqueEmail("csp-widget");
  const widget = page.locator("auth-login");
  await widget.getByLabel("Name").fill("CSP Visitor");
  await widget.getByLabel("Email").fill(email);
  await widget.getByLabel("Password").fill(PASSWORD);
  await widget.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("region", { name: "Try it live" }).getByTestId("demo-signed-in")).toContainText(
    `Signed in as ${email}.`,
  );

  await page.goto("/docs");
  await page.getByLabel("Search the docs").fill("reverse proxy");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link").first()).toBeVisible();
  expect(violations).toEqual([]);
});

consoleTest(
  "the theme editor's live preview works under the CSP, with no violations",
  async ({ page, ownedTenant }) => {
    const violations = await watchViolations(page);
    await openEditor(page, ownedTenant.slug);
    await page.getByLabel("Primary (light)", { exact: true }).fill(TEAL);
    await expect
      .poll(() => computed(preview(page, "light").getByRole("button", { name: "Sign in" }), "background-color"))
      .toBe("rgb(15, 118, 110)");
    await page.goto(`/t/${ownedTenant.slug}/sign-in`);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(violations).toEqual([]);
  },
);

consoleTest("console pages and a shown-once API key are never cached", async ({ page, ownedTenant }) => {
  const consolePage = await page.request.get(`/admin/${ownedTenant.slug}/settings`);
  expect(consolePage.status()).toBe(200);
  expect(consolePage.headers()["cache-control"]).toBe("no-store");

  const created = await page.request.post(`/admin/${ownedTenant.slug}/api-keys`, {
    form: { intent: "create", name: "Shown once", scopes: "users:read" },
  });
  expect(created.status()).toBe(200);
  expect(await created.text()).toMatch(/pk_(live|test)_/);
  expect(created.headers()["cache-control"]).toBe("no-store");

  // Hashed build assets stay cacheable.
  const html = await (await page.request.get("/sign-in")).text();
  const asset = /\/assets\/[^"]+\.js/.exec(html)![0];
  expect((await page.request.get(asset)).headers()["cache-control"]).toContain("immutable");
});

test("a signed-in account page is never cached", async ({ page, apiSignUp, uniqueEmail }) => {
  const email = uniqueEmail("nocache");
  await apiSignUp("demo", { name: "No Cache", email });
  await signIn(page, "demo", { email });
  const account = await page.request.get("/t/demo/account");
  expect(account.status()).toBe(200);
  expect(account.headers()["cache-control"]).toBe("no-store");
});

test("HSTS is sent when a trusted proxy says the request came over https, not over plain http", async ({ request }) => {
  const plain = await request.get("/t/demo/sign-in");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  // The test server trusts loopback proxies (PORTICO_TRUST_PROXY=loopback).
  const proxied = await request.get("/t/demo/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(proxied.headers()["strict-transport-security"]).toBe("max-age=31536000");
});
