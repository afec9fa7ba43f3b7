/**
 * API keys in the console: an admin creates a key and sees it exactly once, the list shows
 * only its prefix, revoking asks for confirmation; viewers only read; non-members get 404;
 * another tenant's key ids are refused.
 */
import { expectFieldError, withControlDb } from "./fixtures";
import { expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 60_000 });

test("an admin creates a key, sees it once, and revokes it after confirming", async ({ page, ownedTenant }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/admin/${ownedTenant.slug}`);
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.getByLabel("Name").fill("   ");
  await page.getByLabel("Rate limit (optional)").fill("0");
  await page.getByRole("button", { name: "Create key" }).click();
  await expectFieldError(page, "Name", "Enter a name for the key.");
  await expectFieldError(page, "Rate limit (optional)", "Allow at least 1 request per minute.");
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.getByLabel("Name").fill("Billing backend");
  await page.getByLabel("Rate limit (optional)").fill("");
  await page.getByRole("checkbox", { name: "users:read" }).check();
  await page.getByRole("checkbox", { name: "webhooks:write" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const keyField = page.getByRole("textbox", { name: "API key" });
  await expect(keyField).toHaveValue(/^pk_test_[A-Za-z0-9_-]{43}$/);
  const key = await keyField.inputValue();
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.getByRole("row", { name: /Billing backend/ });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText("users:read, webhooks:write");
  await expect(row).toContainText("Never used");
  await expect(row).toContainText("active");

  await page.reload();
  await expect(page.getByRole("textbox", { name: "API key" })).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(12));

  await page.getByRole("button", { name: "Revoke Billing backend" }).click();
  await expect(page.getByRole("heading", { name: "Revoke Billing backend?" })).toBeVisible();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("status")).toContainText("Billing backend was revoked");
  await expect(page.getByRole("row", { name: /Billing backend/ })).toContainText("revoked");
  await expect(page.getByRole("button", { name: "Revoke Billing backend" })).toHaveCount(0);

  const events = await withControlDb(
    `process.stdout.write(JSON.stringify((await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(ownedTenant.id)}, type: { startsWith: "api_key." } }, orderBy: { createdAt: "asc" } })).map((e) => e.type)));`,
  );
  expect(JSON.parse(events)).toEqual(["api_key.created", "api_key.revoked"]);
});

test("viewers only read, non-members get 404, and another tenant's key is refused", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const url = `/admin/${ownedTenant.slug}/api-keys`;
  await page.goto(url);
  await page.getByLabel("Name").fill("Read-only key");
  await page.getByRole("checkbox", { name: "config:read" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("textbox", { name: "API key" })).toBeVisible();
  await page.getByRole("button", { name: "Revoke Read-only key" }).click();
  const keyId = new URL(page.url()).searchParams.get("revoke")!;

  const viewer = await otherAccount("viewer", ownedTenant.slug);
  await viewer.page.goto(url);
  await expect(viewer.page.getByRole("row", { name: /Read-only key/ })).toContainText("active");
  await expect(viewer.page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  const forms: Record<string, string>[] = [
    { intent: "create", name: "Viewer key", scopes: "users:write" },
    { intent: "revoke", id: keyId },
  ];
  for (const form of forms) {
    const response = await viewer.page.request.post(url, { form, maxRedirects: 0 });
    expect(response.status(), form.intent).toBe(403);
  }
  const denied = await withControlDb(
    `process.stdout.write(String(await db.auditEvent.count({ where: { tenantId: ${JSON.stringify(ownedTenant.id)}, type: "admin.denied", actorLabel: ${JSON.stringify(viewer.account.email)} } })));`,
  );
  expect(Number(denied)).toBe(forms.length);

  const stranger = await otherAccount("none", ownedTenant.slug);
  expect((await stranger.page.request.get(url)).status()).toBe(404);
  for (const form of forms) {
    const response = await stranger.page.request.post(url, { form, maxRedirects: 0 });
    expect(response.status(), form.intent).toBe(404);
  }

  // The stranger's own tenant cannot revoke this tenant's key by posting its id.
  const slug = `keys-${ownedTenant.slug.slice(-8)}`;
  const created = await stranger.page.request.post("/admin?index", {
    form: { name: "Elsewhere", slug, environment: "production" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const foreign = await stranger.page.request.post(`/admin/${slug}/api-keys`, {
    form: { intent: "revoke", id: keyId },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(404);
  expect((await stranger.page.request.post(`/admin/${slug}/api-keys`, { form: { intent: "x" } })).status()).toBe(400);

  await page.goto(url);
  await expect(page.getByRole("row", { name: /Read-only key/ })).toContainText("active");
  await expect(page.getByRole("row", { name: /Viewer key/ })).toHaveCount(0);
});
