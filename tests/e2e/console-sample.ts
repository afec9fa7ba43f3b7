/**
 * A tenant filled the way a real one is after a week of use, so console pages are seen with
 * rows in their tables rather than empty states: users, an organization, a webhook endpoint
 * with deliveries, an API key, an OAuth application, a published theme, and the audit entries
 * all of this leaves. Made through the console's own forms and the management API.
 */
import type { Page } from "@playwright/test";
import type { SampleIds } from "./console-pages";
import { createOrganization, createUser, expect } from "./console-fixtures";
import { patchTenantConfig, publishTheme, type CreatedTenant } from "./fixtures";

/** A public address (the console refuses private ones); nothing answers there, so deliveries fail and retry. */
const WEBHOOK_URL = "https://93.184.215.14/portico-hook";

export async function seedConsoleTenant(page: Page, tenant: CreatedTenant): Promise<SampleIds> {
  const { slug } = tenant;
  await patchTenantConfig(slug, {
    authMethods: { organizations: { enabled: true }, jwt: { enabled: true }, oauthProvider: { enabled: true } },
  });
  await publishTheme(tenant.id, {
    productName: "Northwind",
    colors: { light: { primary: "#1d4ed8" } },
    legal: { privacyUrl: "https://northwind.example/privacy" },
  });
  const userId = await createUser(page, slug, "Ada Lovelace", `ada-${slug}@example.com`);
  for (const [name, email] of [
    ["Grace Hopper", `grace-${slug}@example.com`],
    [
      "Katherine Johnson, Mission Planning and Trajectory Analysis",
      `katherine.johnson.trajectories-${slug}@example.com`,
    ],
  ])
    await createUser(page, slug, name!, email!);
  const orgId = await createOrganization(page.request, slug, "Northwind");

  await page.goto(`/admin/${slug}/webhooks`);
  await page.getByLabel("Endpoint URL").fill(WEBHOOK_URL);
  await page.getByLabel("Description").first().fill("Billing backend");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("webhook-secret")).toBeVisible();

  await page.goto(`/admin/${slug}/api-keys`);
  await page.getByLabel("Name").fill("Billing backend");
  await page.getByRole("checkbox", { name: "users:read" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("you will not see it again")).toBeVisible();

  await page.goto(`/admin/${slug}/oauth-clients`);
  await page.getByLabel("Name", { exact: true }).fill("Orders app");
  await page.getByLabel("Redirect URIs", { exact: true }).fill("https://orders.example.com/callback");
  await page.getByRole("button", { name: "Create application" }).click();
  await page.getByRole("link", { name: "Open Orders app" }).click();
  await page.waitForURL(/\/oauth-clients\/[^/]+$/);
  const clientId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  return { slug, userId, orgId, clientId };
}
