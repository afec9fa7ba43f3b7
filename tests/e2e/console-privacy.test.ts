/**
 * The console's side of privacy: an admin downloads a user's data from the user's page (a
 * viewer may not), and sets the tenant's retention windows on the settings page.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "./console-fixtures";
import { expectFieldError, withControlDb } from "./fixtures";

test.describe.configure({ timeout: 60_000 });

test("an admin downloads a user's data from the user page; a viewer is refused", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
  otherAccount,
}) => {
  const email = uniqueEmail("subject");
  await apiSignUp(ownedTenant.slug, { name: "Data Subject", email });
  await page.goto(`/admin/${ownedTenant.slug}/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page).toHaveURL(/\/users\/[^/?]+$/);
  const userId = /\/users\/([^/?]+)$/.exec(new URL(page.url()).pathname)![1]!;

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download data (JSON)" }).click(),
  ]);
  const text = await readFile((await download.path())!, "utf8");
  const data = JSON.parse(text) as { profile: { id: string; email: string }; sessions: unknown[] };
  expect(data.profile).toMatchObject({ id: userId, email });
  expect(data.sessions).toHaveLength(1);
  expect(text).not.toMatch(/"(password|token|secret)"/);

  const audit = await withControlDb(`
    const rows = await db.auditEvent.findMany({ where: { type: "admin.user.exported", targetId: ${JSON.stringify(userId)} } });
    console.log(String(rows.length));`);
  expect(audit.trim()).toBe("1");

  const viewer = await otherAccount("viewer", ownedTenant.slug);
  const refused = await viewer.page.request.get(`/admin/${ownedTenant.slug}/users/${userId}/export`);
  expect(refused.status()).toBe(403);
});

test("retention windows are validated by field and saved", async ({ page, ownedTenant }) => {
  await page.goto(`/admin/${ownedTenant.slug}/settings`);
  const form = page.getByRole("form", { name: "Data retention" });
  await expect(form.getByLabel("Audit log (days)")).toHaveValue("90");
  await expect(form.getByLabel("Sent emails, text messages and webhook deliveries (days)")).toHaveValue("90");

  await form.getByLabel("Audit log (days)").fill("0");
  await form.getByLabel("Sent emails, text messages and webhook deliveries (days)").fill("forever");
  await form.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "Audit log (days)", "Audit log retention must be at least 1 day.");
  await expectFieldError(
    page,
    "Sent emails, text messages and webhook deliveries (days)",
    "Message retention must be a whole number of days.",
  );

  await form.getByLabel("Audit log (days)").fill("30");
  await form.getByLabel("Sent emails, text messages and webhook deliveries (days)").fill("7");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Retention settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Data retention" }).getByLabel("Audit log (days)")).toHaveValue("30");
  const stored = await withControlDb(`
    const tenant = await tenants.requireBySlug(${JSON.stringify(ownedTenant.slug)});
    console.log(JSON.stringify(tenant.config.retention));`);
  expect(JSON.parse(stored)).toEqual({ auditLogDays: 30, deliveredMessagesDays: 7 });
});
