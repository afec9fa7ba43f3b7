/**
 * The database page: where a tenant's data lives, its migrations, and pointing it at the
 * tenant's own PostgreSQL database.
 */
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { baseURL } from "./fixtures";
import { expect, test } from "./console-fixtures";

/**
 * The PostgreSQL server the reachable-database case creates a database on: the one the test
 * run names in TEST_DATABASE_URL (CI always does), like every PostgreSQL test in this repo.
 */
const TEST_POSTGRES = process.env.TEST_DATABASE_URL;

const provider = process.env.E2E_DATABASE_URL ? "postgresql" : "sqlite";
const tenantMigrations = readdirSync(path.resolve(import.meta.dirname, `../../prisma/tenant/migrations/${provider}`), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

async function adminQuery(sql: string, url = TEST_POSTGRES) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const post = (
  page: { request: import("@playwright/test").APIRequestContext },
  slug: string,
  form: Record<string, string>,
) => page.request.post(`/admin/${slug}/database`, { form, headers: { origin: baseURL }, maxRedirects: 0 });

test("shows the location and applied migrations; applying with nothing pending says so", async ({
  page,
  ownedTenant,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/database`);
  await expect(page.getByRole("heading", { name: "Database", exact: true })).toBeVisible();
  await expect(page.getByText(`Deployment default (${provider === "sqlite" ? "SQLite" : "PostgreSQL"})`)).toBeVisible();
  await expect(page.getByText(ownedTenant.id, { exact: false }).first()).toBeVisible();
  const applied = page.getByRole("region", { name: `Applied (${tenantMigrations.length})` });
  for (const name of tenantMigrations) await expect(applied.getByText(name)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pending (0)" })).toBeVisible();

  await page.getByRole("button", { name: "Apply pending migrations" }).click();
  await expect(page.getByRole("status")).toContainText(/No pending migrations: the database is up to date\./);
});

test("an unreachable connection string is refused on the field and nothing is saved", async ({ page, ownedTenant }) => {
  await page.goto(`/admin/${ownedTenant.slug}/database`);
  const field = page.getByLabel("Connection string");
  await field.fill("postgresql://someone:s3cret-pw@127.0.0.1:1/elsewhere");
  await page.getByRole("button", { name: "Check and connect" }).click();
  await expect(field).toHaveAccessibleDescription(/Could not connect to that database server/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("body")).not.toContainText("s3cret-pw");
  // The server's answer never repeats the connection string, password included.
  const refused = await post(page, ownedTenant.slug, {
    intent: "connect",
    databaseUrl: "postgresql://someone:s3cret-pw@127.0.0.1:1/elsewhere",
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).not.toContain("s3cret-pw");

  await page.goto(`/admin/${ownedTenant.slug}/database`);
  await expect(page.getByText(/Deployment default/)).toBeVisible();

  await field.fill("mysql://db.example.com/app");
  await page.getByRole("button", { name: "Check and connect" }).click();
  await expect(field).toHaveAccessibleDescription(/Enter a PostgreSQL URL/);
});

test("a reachable PostgreSQL database receives the tenant's new sign-ups", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  test.slow(); // several sign-ups, accounts and page loads on a shared 2-core runner
  test.skip(!TEST_POSTGRES, "runs when TEST_DATABASE_URL names a PostgreSQL server (CI sets it)");
  const name = `portico_e2e_${randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(TEST_POSTGRES!);
  url.pathname = `/${name}`;
  try {
    await apiSignUp(ownedTenant.slug, { name: "Before", email: uniqueEmail("before") });

    await page.goto(`/admin/${ownedTenant.slug}/database`);
    await page.getByLabel("Connection string").fill(url.toString());
    await page.getByRole("button", { name: "Check and connect" }).click();
    await expect(page.getByRole("status")).toContainText(`New data now goes to ${name} on ${url.hostname}.`);
    await expect(page.getByText("Tenant's own PostgreSQL", { exact: true })).toBeVisible();
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    await expect(page.getByText(`tenant_${ownedTenant.id}`)).toBeVisible();
    await expect(page.getByText(/not moved/)).toBeVisible();

    const after = uniqueEmail("after");
    await apiSignUp(ownedTenant.slug, { name: "After", email: after });
    const { rows } = await adminQuery(`SELECT email FROM "tenant_${ownedTenant.id}"."user"`, url.toString());
    expect(rows.map((row) => row.email)).toEqual([after]);

    await page.getByRole("button", { name: "Use the deployment's storage again" }).click();
    await expect(page.getByText(/Deployment default/)).toBeVisible();
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

test("a viewer cannot migrate or connect (403, audited); an admin cannot connect", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  test.slow(); // three accounts, each signed up and made a member through the CLI
  const { slug } = ownedTenant;
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}/database`);
  await expect(viewer.page.getByRole("button", { name: "Apply pending migrations" })).toBeDisabled();
  await expect(viewer.page.getByLabel("Connection string")).toHaveCount(0);
  expect((await post(viewer.page, slug, { intent: "migrate" })).status()).toBe(403);
  expect(
    (await post(viewer.page, slug, { intent: "connect", databaseUrl: "postgresql://x@127.0.0.1:1/y" })).status(),
  ).toBe(403);

  const admin = await otherAccount("admin", slug);
  expect(
    (await post(admin.page, slug, { intent: "connect", databaseUrl: "postgresql://x@127.0.0.1:1/y" })).status(),
  ).toBe(403);
  expect((await post(admin.page, slug, { intent: "migrate" })).status()).toBe(302);

  await page.goto(`/admin/${slug}/audit?type=admin.denied`);
  const denied = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "admin.denied" });
  await expect(denied).toHaveCount(3);
  await expect(denied.filter({ hasText: viewer.account.email })).toHaveCount(2);
  await page.goto(`/admin/${slug}/database`);
  await expect(page.getByText(/Deployment default/)).toBeVisible();
});

test("a non-member gets 404 for the page and every form", async ({ ownedTenant, otherAccount }) => {
  const stranger = await otherAccount("none", ownedTenant.slug);
  expect((await stranger.page.goto(`/admin/${ownedTenant.slug}/database`))?.status()).toBe(404);
  const forms: Record<string, string>[] = [
    { intent: "migrate" },
    { intent: "connect", databaseUrl: "postgresql://x@h/d" },
    { intent: "use-default" },
  ];
  for (const form of forms) {
    expect((await post(stranger.page, ownedTenant.slug, form)).status()).toBe(404);
  }
});

test("an unknown intent is refused", async ({ page, ownedTenant }) => {
  expect((await post(page, ownedTenant.slug, { intent: "drop-everything" })).status()).toBe(400);
});
