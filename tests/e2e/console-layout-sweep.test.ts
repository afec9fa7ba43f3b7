/**
 * Every console page (tests/e2e/console-pages.ts), filled with representative data, reads well
 * on a desktop (1280 px) and a phone (390 px): the page never scrolls sideways (wide tables
 * scroll inside their own box) and axe finds no WCAG 2 A/AA violation.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { CONSOLE_PAGES, NOT_PAGES, type SampleIds } from "./console-pages";
import { seedConsoleTenant } from "./console-sample";
import { addMember, expect, platformSignUp, test, uniqueSlug } from "./console-fixtures";
import { baseURL, createTenant, dataDir, randomClientIp } from "./fixtures";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

test("the sweep lists every console and docs route", () => {
  const routes = readdirSync(path.resolve(import.meta.dirname, "../../app/routes")).filter((file) =>
    /^(admin|docs)[._]/.test(file),
  );
  const listed = new Set([...CONSOLE_PAGES.map((page) => page.route), ...Object.keys(NOT_PAGES)]);
  expect(routes.filter((route) => !listed.has(route))).toEqual([]);
  expect([...listed].filter((route) => !routes.includes(route))).toEqual([]);
});

/** What a person would notice: the page scrolling sideways, and what axe finds against WCAG 2 A/AA. */
async function layoutProblems(page: Page): Promise<string[]> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the outermost elements that stick out: outside any box that scrolls or clips, or
    // absolutely placed (a scrolling box that is not their containing block does not hold them).
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > root.clientWidth + 1;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      return false;
    };
    const culprits = [...document.body.querySelectorAll("*")]
      .filter(
        (element) => sticksOut(element) && (!clipped(element) || getComputedStyle(element).position === "absolute"),
      )
      .filter((element) => !element.parentElement || !sticksOut(element.parentElement))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}">`);
    return `scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} (${culprits.join(", ")})`;
  });
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    // An email preview is an iframe sandboxed without scripts: axe cannot run in it (and waits
    // forever), and what it shows is the tenant's email, not the console.
    .exclude('iframe[sandbox=""]')
    .analyze();
  return [
    ...(overflow ? [overflow] : []),
    ...violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ];
}

let sample: { ids: SampleIds; storageState: Awaited<ReturnType<BrowserContext["storageState"]>> };

// One tenant for every page, signed in as its owner: made once per run and kept in the run's
// data directory, because Playwright starts a new worker (and runs beforeAll again) after a failure.
test.beforeAll(async ({ browser }) => {
  const saved = path.join(dataDir, "console-sweep-sample.json");
  if (existsSync(saved)) {
    sample = JSON.parse(readFileSync(saved, "utf8")) as typeof sample;
    return;
  }
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  const page = await context.newPage();
  const owner = { name: "Olive Owner", email: `sweep-${uniqueSlug("owner")}@example.com` };
  await platformSignUp(page.request, owner, baseURL);
  const tenant = await createTenant(uniqueSlug("sweep"), "Northwind Traders");
  await addMember(tenant.slug, owner.email, "owner");
  const ids = await seedConsoleTenant(page, tenant);
  sample = { ids, storageState: await context.storageState() };
  writeFileSync(saved, JSON.stringify(sample));
  await context.close();
});

for (const consolePage of CONSOLE_PAGES) {
  test(`${consolePage.name} fits 1280 and 390 px wide and passes axe`, async ({ browser }) => {
    // axe takes minutes on the longest page (the API reference) on a busy machine.
    test.setTimeout(240_000);
    const context = await browser.newContext({
      baseURL,
      storageState: sample.storageState,
      extraHTTPHeaders: { "x-forwarded-for": randomClientIp() },
    });
    const page = await context.newPage();
    const problems: Record<string, string[]> = {};
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const response = await page.goto(consolePage.path(sample.ids));
      expect(response?.status()).toBe(consolePage.status ?? 200);
      const found = await layoutProblems(page);
      if (found.length > 0) problems[`${viewport.width}px`] = found;
    }
    await context.close();
    expect(problems).toEqual({});
  });
}
