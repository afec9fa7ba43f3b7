/**
 * Platform accounts and tenant lifecycle in the console: sign-up and sign-in pages, the tenant
 * list, creating and cloning tenants, environments (diff and promote), disable/enable, delete.
 */
import type { Page } from "@playwright/test";
import { baseURL, createTenant, expectFieldError, publishTheme, withControlDb } from "./fixtures";
import { expect, PASSWORD, platformMailLink, test, uniqueSlug, VERIFY_LINK } from "./console-fixtures";

// Every test starts a tenant or two with the CLI; on a busy two-core machine that takes a while.
test.describe.configure({ timeout: 60_000 });

async function setSessionLifetime(slug: string, expiresIn: number) {
  await withControlDb(`await tenants.updateConfig(${JSON.stringify(slug)}, { session: { expiresIn: ${expiresIn} } });`);
}

async function sessionLifetime(slug: string): Promise<number> {
  const out = await withControlDb(
    `process.stdout.write(String((await tenants.getBySlug(${JSON.stringify(slug)})).config.session.expiresIn));`,
  );
  return Number(out.trim());
}

async function createTenantInConsole(page: Page, name: string, slug: string, environment = "Development") {
  await page.goto("/admin");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Environment").selectOption({ label: environment });
  await page.getByRole("button", { name: "Create tenant" }).click();
}

/** Creates a tenant through the console's own form post (faster than the CLI); I become its owner. */
async function createOwnedTenant(page: Page, name: string, slug: string, environment = "development") {
  const response = await page.request.post("/admin?index", { form: { name, slug, environment }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

const hostedStatus = async (slug: string) => (await fetch(`${baseURL}/t/${slug}/sign-in`)).status;

test("sign-up page: field errors, then an account that lands in the console and creates a tenant", async ({
  page,
  uniqueEmail,
  platformAccount,
}) => {
  // Signed in already (the fixture): sign out from the console header first.
  await page.goto("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expectFieldError(page, "Email", "Enter a valid email address, like name@example.com.");
  await expectFieldError(page, "Password", "Use at least 10 characters.");

  await page.getByLabel("Email").fill(platformAccount.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expectFieldError(page, "Email", "An account with this email already exists. Sign in instead.");

  const email = uniqueEmail("newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // A new account confirms its address before the console grants it anything.
  await expect(page).toHaveURL("/verify-email");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent a confirmation link to ${email}.`)).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(`/verify-email?redirectTo=${encodeURIComponent("/admin")}`);
  await page.goto(await platformMailLink(email, VERIFY_LINK));
  await expect(page).toHaveURL("/admin");
  await expect(page.getByTestId("platform-user")).toHaveText(email);
  await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();

  const slug = uniqueSlug("made");
  await createTenantInConsole(page, "Made In Console", slug, "Staging");
  await expect(page).toHaveURL(`/admin/${slug}`);
  await expect(page.getByRole("status")).toContainText("Tenant Made In Console created");
  await page.goto("/admin");
  const row = page.getByRole("row", { name: /Made In Console/ });
  await expect(row).toContainText(slug);
  await expect(row).toContainText("staging");
  await expect(row).toContainText("active");
  await expect(row).toContainText("owner");
  await row.getByRole("link", { name: "Made In Console", exact: true }).click();
  await expect(page).toHaveURL(`/admin/${slug}`);
  expect(await hostedStatus(slug)).toBe(200);
});

test("sign-in page: wrong password on the field, safe redirectTo only", async ({
  browser,
  platformAccount,
  extraHTTPHeaders,
}) => {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders });
  const page = await context.newPage();
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(`/sign-in?redirectTo=${encodeURIComponent("/admin/outbox")}`);
  await page.getByLabel("Email").fill(platformAccount.email);
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectFieldError(page, "Password", "Incorrect email or password.");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin/outbox");
  await expect(page.getByRole("heading", { name: "My outbox" })).toBeVisible();

  // Another origin (or a protocol-relative URL) is ignored: the console is the default.
  for (const target of ["https://evil.example/steal", "//evil.example/x"]) {
    await page.goto(`/sign-in?redirectTo=${encodeURIComponent(target)}`);
    await expect(page).toHaveURL("/admin");
  }
  await context.close();
});

test("slug and name errors are shown on their field and create nothing", async ({ page, platformAccount }) => {
  void platformAccount; // signs `page` in
  const taken = await createTenant(uniqueSlug("taken"));
  await createTenantInConsole(page, "Reserved", "admin");
  await expectFieldError(page, "Slug", "This slug is reserved; choose another.");
  await createTenantInConsole(page, "Bad", "Not A Slug!");
  await expectFieldError(
    page,
    "Slug",
    "Slug may contain lowercase letters, digits and single hyphens, and must start and end with a letter or digit.",
  );
  await createTenantInConsole(page, "Taken", taken.slug);
  await expectFieldError(page, "Slug", `A tenant with the slug "${taken.slug}" already exists.`);
  await createTenantInConsole(page, "   ", uniqueSlug("noname"));
  await expectFieldError(page, "Name", "Name is required.");

  const response = await page.request.post("/admin?index", {
    form: { name: "x".repeat(5000), slug: uniqueSlug("long"), environment: "development" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).not.toMatch(/at \S+:\d+:\d+/);
});

test("clone copies the configuration and the published theme into a new tenant I own", async ({
  page,
  ownedTenant,
}) => {
  await setSessionLifetime(ownedTenant.slug, 86_400);
  await publishTheme(ownedTenant.id, { productName: "Cloned Look" });
  await page.goto("/admin");
  await page.getByRole("link", { name: `Clone ${ownedTenant.name}` }).click();
  await expect(page.getByLabel("Copy configuration from")).toHaveValue(ownedTenant.slug);
  const slug = uniqueSlug("clone");
  await page.getByLabel("Name", { exact: true }).fill("The Clone");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Environment").selectOption({ label: "Production" });
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page).toHaveURL(`/admin/${slug}`);
  expect(await sessionLifetime(slug)).toBe(86_400);

  await page.goto(`/admin/${slug}/environments?compare=${ownedTenant.slug}`);
  await expect(page.getByText("The configurations and themes are identical")).toBeVisible();
});

test("cloning from a tenant where I am only a viewer is refused", async ({ otherAccount }) => {
  const source = await createTenant(uniqueSlug("viewed"));
  const other = await otherAccount("viewer", source.slug);
  const slug = uniqueSlug("nope");
  const response = await other.page.request.post("/admin?index", {
    form: { name: "Nope", slug, environment: "development", cloneFrom: source.slug },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await hostedStatus(slug)).toBe(404);
});

test("environments: a diff in words, then promote (after typing its slug) copies config and theme", async ({
  page,
  ownedTenant,
}) => {
  const production = uniqueSlug("prod");
  await createOwnedTenant(page, "Production Env", production, "production");
  // The console starts tenants with enumeration protection on; the fixture's CLI tenant gets
  // it too here, so the session lifetime and the published theme are the differences.
  await withControlDb(
    `await tenants.updateConfig(${JSON.stringify(ownedTenant.slug)}, { session: { expiresIn: 86400 }, signInProtection: { enumerationProtection: true } });`,
  );
  await publishTheme(ownedTenant.id, { productName: "Staging Look" });

  await page.goto(`/admin/${ownedTenant.slug}/environments`);
  await page.getByLabel("Compare with").selectOption({ label: "Production Env (production)" });
  await page.getByRole("button", { name: "Compare" }).click();
  const diff = page.getByRole("table", { name: "Configuration differences" });
  await expect(diff.getByRole("row", { name: "Sessions: lifetime: 7 days → 1 day" })).toBeVisible();
  await expect(diff.getByRole("row", { name: "Theme: published look differs" })).toContainText("Default theme");
  await expect(diff.getByRole("row")).toHaveCount(3);

  // Nothing happens until the target's slug is typed (the server checks it too).
  const promote = page.getByRole("button", { name: "Promote to Production Env" });
  await expect(promote).toBeDisabled();
  const unconfirmed = await page.request.post(`/admin/${ownedTenant.slug}/environments`, {
    form: { intent: "promote", target: production, confirm: "yes" },
    maxRedirects: 0,
  });
  expect(unconfirmed.status()).toBe(400);
  expect(await sessionLifetime(production)).toBe(604_800);
  await page.getByLabel(/Promoting replaces 2 settings in Production Env \(production\)/).fill(production);
  await promote.click();
  await expect(page.getByRole("status")).toContainText(
    "Promoted to Production Env: 1 setting changed, theme published as version 1",
  );
  await expect(page.getByText("The configurations and themes are identical")).toBeVisible();
  expect(await sessionLifetime(production)).toBe(86_400);
});

test("promoting into a tenant where I am only a viewer is refused and changes nothing", async ({
  page,
  platformAccount,
  ownedTenant,
}) => {
  const target = uniqueSlug("target");
  await withControlDb(`
    const tenant = await tenants.create({ slug: ${JSON.stringify(target)}, name: "Viewed Target" });
    const user = await db.platformUser.findUnique({ where: { email: ${JSON.stringify(platformAccount.email)} } });
    await db.membership.create({ data: { id: crypto.randomUUID(), tenantId: tenant.id, userId: user.id, role: "viewer" } });
    await tenants.updateConfig(${JSON.stringify(ownedTenant.slug)}, { session: { expiresIn: 3600 } });`);
  await page.goto(`/admin/${ownedTenant.slug}/environments?compare=${target}`);
  await expect(page.getByText("Promoting needs the admin role in both tenants.")).toBeVisible();
  const response = await page.request.post(`/admin/${ownedTenant.slug}/environments`, {
    form: { target, confirm: target },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await sessionLifetime(target)).toBe(604_800);
});

test("disable makes the hosted pages 404, enable brings them back; a viewer can do neither", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const viewer = await otherAccount("viewer", ownedTenant.slug);
  const denied = await viewer.page.request.post(`/admin/${ownedTenant.slug}/danger`, {
    form: { intent: "disable" },
    maxRedirects: 0,
  });
  expect(denied.status()).toBe(403);
  expect(await hostedStatus(ownedTenant.slug)).toBe(200);

  await page.goto(`/admin/${ownedTenant.slug}/danger`);
  await page.getByRole("button", { name: "Disable tenant" }).click();
  await expect(page.getByRole("status")).toContainText("is disabled");
  await expect(page.getByTestId("console-tenant-name").locator("..")).toContainText("disabled");
  await expect.poll(() => hostedStatus(ownedTenant.slug)).toBe(404);

  await page.getByRole("button", { name: "Enable tenant" }).click();
  await expect(page.getByRole("status")).toContainText("is enabled again");
  await expect.poll(() => hostedStatus(ownedTenant.slug)).toBe(200);
});

test("delete needs the typed slug (checked on the server too) and an owner", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const admin = await otherAccount("admin", ownedTenant.slug);
  const byAdmin = await admin.page.request.post(`/admin/${ownedTenant.slug}/danger`, {
    form: { intent: "delete", confirm: ownedTenant.slug },
    maxRedirects: 0,
  });
  expect(byAdmin.status()).toBe(403);

  const wrong = await page.request.post(`/admin/${ownedTenant.slug}/danger`, {
    form: { intent: "delete", confirm: "something-else" },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBe(400);
  expect(await hostedStatus(ownedTenant.slug)).toBe(200);

  await page.goto(`/admin/${ownedTenant.slug}/danger`);
  const button = page.getByRole("button", { name: "Delete tenant" });
  await expect(button).toBeDisabled();
  await page.getByLabel("To confirm, type the slug").fill(ownedTenant.slug);
  await button.click();
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("status")).toContainText(`${ownedTenant.name} was deleted.`);
  await expect(page.getByRole("row", { name: new RegExp(ownedTenant.slug) })).toHaveCount(0);
  await expect.poll(() => hostedStatus(ownedTenant.slug)).toBe(404);
});
