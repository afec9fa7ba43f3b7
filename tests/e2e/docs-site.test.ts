/**
 * The docs at /docs: every page renders and every internal link resolves (crawled from /docs),
 * the quickstart shows exactly the README's commands, search finds pages, code is copyable.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The fenced code blocks of a Markdown text. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!.trimEnd());
}

/** The links of an HTML page, split into path and fragment, skipping other origins and mailto:. */
function internalLinks(html: string, from: string): { path: string; fragment: string }[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]+)"/g)]
    .map((match) => match[1]!.replace(/&amp;/g, "&"))
    .filter((href) => !/^(?:[a-z]+:|\/\/)/i.test(href))
    .map((href) => {
      const url = new URL(href, `http://docs.test${from}`);
      return { path: url.pathname + url.search, fragment: decodeURIComponent(url.hash.slice(1)) };
    });
}

test("every docs page renders and every internal link on them resolves", async ({ request }) => {
  test.setTimeout(90_000);
  const pages = new Map<string, string>();
  const queue = ["/docs"];
  const links: { from: string; path: string; fragment: string }[] = [];
  while (queue.length) {
    const current = queue.shift()!;
    if (pages.has(current)) continue;
    const response = await request.get(current);
    expect(response.status(), `${current}`).toBe(200);
    const html = await response.text();
    pages.set(current, html);
    expect(html, `${current} has a heading`).toMatch(/<h1[\s>]/);
    for (const link of internalLinks(html, current)) {
      links.push({ from: current, ...link });
      if (link.path.startsWith("/docs") && !link.path.includes("?") && !pages.has(link.path)) queue.push(link.path);
    }
  }
  expect(pages.size).toBeGreaterThanOrEqual(8);
  for (const slug of ["quickstart", "configuration", "self-hosting", "tenants", "upgrading", "architecture"])
    expect([...pages.keys()]).toContain(`/docs/${slug}`);

  const checked = new Map<string, string>();
  for (const link of links) {
    let html = pages.get(link.path) ?? checked.get(link.path);
    if (html === undefined) {
      const response = await request.get(link.path);
      expect(response.status(), `${link.path} (linked from ${link.from})`).toBeLessThan(400);
      html = await response.text();
      checked.set(link.path, html);
    }
    if (link.fragment)
      expect(html, `#${link.fragment} on ${link.path} (from ${link.from})`).toContain(`id="${link.fragment}"`);
  }
});

test("the quickstart's commands are the README's quickstart commands", async ({ page }) => {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const readmeQuickstart = readme.split(/^## Quickstart$/m)[1]!.split(/^## /m)[0]!;
  const expected = codeBlocks(readmeQuickstart);
  expect(expected.length).toBeGreaterThanOrEqual(1);
  expect(codeBlocks(readFileSync(path.join(repoRoot, "docs", "quickstart.md"), "utf8"))).toEqual(expected);

  await page.goto("/docs/quickstart");
  await expect(page.getByRole("heading", { level: 1, name: "Quickstart" })).toBeVisible();
  expect(await page.locator("article pre code").allTextContents()).toEqual(expected);
});

test("docs links written for localhost:3000 point at this deployment", async ({ page, baseURL }) => {
  await page.goto("/docs/quickstart");
  await expect(page.locator(`article a[href="${baseURL}/t/demo/sign-in"]`)).toBeVisible();
  await expect(page.locator('article a[href^="http://localhost:3000"]')).toHaveCount(0);
});

test("headings have anchors, code blocks copy, and prev/next follow the sidebar", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/docs/self-hosting");
  const backups = page.getByRole("heading", { level: 2, name: /Backups/ });
  await expect(backups).toHaveAttribute("id", "backups");
  await backups.getByRole("link", { name: "Link to this section: Backups" }).click();
  await expect(page).toHaveURL("/docs/self-hosting#backups");

  await page.goto("/docs/quickstart");
  const copy = page.getByRole("button", { name: "Copy code to the clipboard" }).first();
  await copy.click();
  await expect(copy).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("npm install\nnpm start");

  const pager = page.getByRole("navigation", { name: "Previous and next page" });
  await pager.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL("/docs/configuration");
  await expect(page).toHaveTitle("Configuration – Portico docs");
  await expect(page.getByRole("link", { name: "Configuration", exact: true }).first()).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("search finds a page as you type, and without JavaScript", async ({ page, browser, baseURL }) => {
  await page.goto("/docs");
  await page.getByLabel("Search the docs").fill("reverse proxy");
  const results = page.getByRole("list", { name: "Search results" });
  await results.getByRole("link", { name: /Self-hosting/ }).click();
  await expect(page).toHaveURL("/docs/self-hosting");
  await expect(page.getByRole("heading", { level: 1, name: "Self-hosting" })).toBeVisible();

  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const plain = await noScript.newPage();
    await plain.goto("/docs");
    await plain.getByLabel("Search the docs").fill("backups");
    await plain.getByLabel("Search the docs").press("Enter");
    await expect(plain).toHaveURL("/docs?q=backups");
    await expect(plain.getByRole("heading", { name: "Results for “backups”" })).toBeVisible();
    await expect(plain.getByRole("link", { name: "Self-hosting" }).first()).toBeVisible();
  } finally {
    await noScript.close();
  }
});

test("an unknown docs page is a 404 with the site around it", async ({ page }) => {
  const response = await page.goto("/docs/no-such-page");
  expect(response?.status()).toBe(404);
});
