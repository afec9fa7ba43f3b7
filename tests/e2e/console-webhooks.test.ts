/**
 * The webhooks page. The e2e server runs without PORTICO_WEBHOOKS_ALLOW_PRIVATE, so delivery
 * itself is covered by tests/integration/webhooks.test.ts; here: creating, the SSRF refusal,
 * the secret shown once, and who may do what.
 */
import { baseURL, createTenant } from "./fixtures";
import { addMember, expect, test, uniqueSlug } from "./console-fixtures";

/** A literal public address: it needs no DNS, and nothing is delivered in these tests. */
const PUBLIC_URL = "https://93.184.215.14/portico-hook";

const post = (
  page: { request: import("@playwright/test").APIRequestContext },
  slug: string,
  form: Record<string, string>,
) => page.request.post(`/admin/${slug}/webhooks`, { form, headers: { origin: baseURL }, maxRedirects: 0 });

test("an owner is refused a private URL on the field, then creates an endpoint whose secret is shown once", async ({
  page,
  ownedTenant,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/webhooks`);
  await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

  const url = page.getByLabel("Endpoint URL");
  await url.fill("http://127.0.0.1:8080/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(url).toHaveAccessibleDescription(/private, loopback, link-local or metadata address/);
  await expect(url).toHaveAccessibleDescription(/PORTICO_WEBHOOKS_ALLOW_PRIVATE=true/);
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

  await url.fill(PUBLIC_URL);
  await page.getByLabel("Description").first().fill("Billing backend");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = page.getByTestId("webhook-secret");
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const endpoints = page.getByRole("table", { name: "Webhook endpoints" });
  await expect(endpoints.getByRole("link", { name: PUBLIC_URL })).toBeVisible();
  await expect(endpoints.getByText("All events")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await endpoints.getByRole("link", { name: PUBLIC_URL }).click();
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.getByText("New signing secret")).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
});

test("a viewer sees endpoints but every change is refused and audited", async ({ page, ownedTenant, otherAccount }) => {
  test.slow(); // two signed-in accounts and several page loads on a shared 2-core runner
  const slug = ownedTenant.slug;
  const viewer = await otherAccount("viewer", slug);
  const created = await post(page, slug, { intent: "create", url: PUBLIC_URL, eventTypes: "user.created" });
  expect(created.status()).toBe(200);

  await viewer.page.goto(`/admin/${slug}/webhooks`);
  await expect(viewer.page.getByRole("link", { name: PUBLIC_URL })).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  expect(
    (await post(viewer.page, slug, { intent: "create", url: "https://93.184.215.15/x", eventTypes: "*" })).status(),
  ).toBe(403);

  await page.goto(`/admin/${slug}/webhooks`);
  await expect(page.getByRole("table", { name: "Webhook endpoints" }).getByRole("row")).toHaveCount(2);
  await page.goto(`/admin/${slug}/audit?type=admin.denied`);
  const denied = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "admin.denied" });
  await expect(denied.filter({ hasText: viewer.account.email })).toHaveCount(1);
});

test("a non-member gets 404 for the page and its forms; another tenant's endpoint ids are refused", async ({
  page,
  platformAccount,
  ownedTenant,
  otherAccount,
}) => {
  const outsider = await otherAccount("none", ownedTenant.slug);
  expect((await outsider.page.goto(`/admin/${ownedTenant.slug}/webhooks`))?.status()).toBe(404);
  expect(
    (await post(outsider.page, ownedTenant.slug, { intent: "create", url: PUBLIC_URL, eventTypes: "*" })).status(),
  ).toBe(404);

  // An owner of two tenants cannot reach one tenant's endpoint through the other's page.
  await post(page, ownedTenant.slug, { intent: "create", url: PUBLIC_URL, eventTypes: "*" });
  await page.goto(`/admin/${ownedTenant.slug}/webhooks`);
  const href = await page.getByRole("link", { name: PUBLIC_URL }).getAttribute("href");
  const endpointId = new URL(href!, baseURL).searchParams.get("endpoint")!;
  const second = await createTenant(uniqueSlug("webhooks"));
  await addMember(second.slug, platformAccount.email, "owner");
  expect((await page.goto(`/admin/${second.slug}/webhooks?endpoint=${endpointId}`))?.status()).toBe(404);
  for (const intent of ["delete", "rotate", "disable", "test"]) {
    expect((await post(page, second.slug, { intent, endpointId })).status()).toBe(404);
  }
  await page.goto(`/admin/${ownedTenant.slug}/webhooks`);
  await expect(page.getByRole("link", { name: PUBLIC_URL })).toBeVisible();
  expect((await post(page, ownedTenant.slug, { intent: "explode" })).status()).toBe(400);
});
