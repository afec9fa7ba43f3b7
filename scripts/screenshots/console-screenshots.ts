/**
 * Screenshots of the console at 1280 px for docs/console.md, written to
 * docs/images/console/<page>.jpg (JPEG at quality 80 keeps each well under 150 KB). Run with
 * `npx playwright test -c playwright.screenshots.config.ts`; the tenant is the layout sweep's
 * sample (tests/e2e/console-sample.ts), so the pages show real rows.
 */
import path from "node:path";
import { CONSOLE_PAGES } from "../../tests/e2e/console-pages";
import { seedConsoleTenant } from "../../tests/e2e/console-sample";
import { addMember, test, uniqueSlug } from "../../tests/e2e/console-fixtures";
import { createTenant } from "../../tests/e2e/fixtures";

/** The pages docs/console.md shows, one per section. */
const PHOTOGRAPHED = [
  "tenants",
  "overview",
  "users",
  "organizations",
  "organization-members",
  "organization-invitations",
  "organization-roles",
  "organization-teams",
  "organization-sso",
  "auth-methods",
  "settings",
  "branding",
  "domains",
  "forward-auth",
  "audit",
  "api-keys",
  "webhooks",
  "oauth-clients",
  "environments",
  "emails",
  "outbox",
  "danger",
];

test("console screenshots", async ({ page, platformAccount }) => {
  test.setTimeout(180_000);
  const tenant = await createTenant(uniqueSlug("northwind"), "Northwind Traders");
  await addMember(tenant.slug, platformAccount.email, "owner");
  const ids = await seedConsoleTenant(page, tenant);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const name of PHOTOGRAPHED) {
    const consolePage = CONSOLE_PAGES.find((candidate) => candidate.name === name);
    if (!consolePage) throw new Error(`${name} is not in tests/e2e/console-pages.ts`);
    await page.goto(consolePage.path(ids));
    await page.screenshot({
      path: path.resolve(import.meta.dirname, "../../docs/images/console", `${name}.jpg`),
      type: "jpeg",
      quality: 80,
    });
  }
});
