/**
 * Applications (OAuth/OIDC clients) in the console: an admin switches the provider on,
 * creates a confidential client and sees its secret exactly once, fixes a refused redirect
 * URI, edits the redirect URIs, rotates the secret and deletes the client after confirming;
 * every change is in the audit log.
 */
import { createHash } from "node:crypto";
import { expectFieldError, withControlDb } from "./fixtures";
import { expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

const sha256 = (secret: string) => createHash("sha256").update(secret).digest("base64url");

test("an admin creates a client, sees its secret once, edits, rotates and deletes it", async ({
  page,
  ownedTenant,
}) => {
  const { slug } = ownedTenant;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/admin/${slug}`);
  await page.getByRole("link", { name: "Applications" }).click();
  await expect(page.getByText("The OAuth 2.1 / OpenID Connect provider is off")).toBeVisible();
  await page.getByRole("link", { name: "Auth methods" }).last().click();
  await page.getByRole("switch", { name: "OAuth 2.1 / OpenID Connect provider" }).click();
  await expect(page.getByRole("switch", { name: "OAuth 2.1 / OpenID Connect provider" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.goto(`/admin/${slug}/oauth-clients`);
  await expect(page.getByText("No applications yet")).toBeVisible();
  await expect(page.getByText(`/t/${slug}/.well-known/openid-configuration`)).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Orders app");
  await page.getByLabel("Redirect URIs", { exact: true }).fill("http://orders.example.com/callback");
  await page.getByRole("button", { name: "Create application" }).click();
  await expectFieldError(
    page,
    "Redirect URIs",
    "Redirect URI http://orders.example.com/callback: use https; plain http is allowed only for localhost, 127.0.0.1 and [::1].",
  );
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Orders app");
  await expect(page.getByText("No applications yet")).toBeVisible();

  await page.getByLabel("Redirect URIs", { exact: true }).fill("https://orders.example.com/callback");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const secretField = page.getByRole("textbox", { name: "Client secret" });
  const secret = await secretField.inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await page.getByRole("button", { name: "Copy secret" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  await page.getByRole("link", { name: "Open Orders app" }).click();
  await page.waitForURL(/\/oauth-clients\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Orders app", exact: true })).toBeVisible();
  const clientId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByText(clientId).first()).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const storedHash = async () =>
    withControlDb(
      `const connection = await storage.openTenantDatabase(${JSON.stringify(ownedTenant.id)});
       try {
         const row = await connection.db.oauthClient.findUnique({ where: { clientId: ${JSON.stringify(clientId)} } });
         process.stdout.write(row?.clientSecret ?? "none");
       } finally { await connection.close(); }`,
    );
  expect(await storedHash()).toBe(sha256(secret));

  await page
    .getByLabel("Redirect URIs", { exact: true })
    .fill("https://orders.example.com/callback\nhttp://127.0.0.1:7000/cb");
  await page.getByRole("checkbox", { name: /First-party application/ }).check();
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("status")).toContainText("Application saved.");
  await expect(page.getByText("https://orders.example.com/callback, http://127.0.0.1:7000/cb")).toBeVisible();
  await expect(page.getByText("users are not asked for consent")).toBeVisible();

  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await page.getByRole("textbox", { name: "Client secret" }).inputValue();
  expect(rotated).not.toBe(secret);
  expect(await storedHash()).toBe(sha256(rotated));
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Client secret" })).toHaveCount(0);

  await page.getByRole("button", { name: "Delete application" }).click();
  await expect(page.getByRole("heading", { name: "Delete Orders app?" })).toBeVisible();
  await page.getByRole("button", { name: "Delete application" }).first().click();
  await expect(page.getByRole("status")).toContainText("Orders app was deleted");
  await expect(page.getByText("No applications yet")).toBeVisible();
  expect(await storedHash()).toBe("none");

  const events = await withControlDb(
    `process.stdout.write(JSON.stringify((await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(ownedTenant.id)}, type: { startsWith: "oauth_client." } }, orderBy: { createdAt: "asc" } })).map((e) => e.type)));`,
  );
  expect(JSON.parse(events)).toEqual([
    "oauth_client.created",
    "oauth_client.updated",
    "oauth_client.secret_rotated",
    "oauth_client.deleted",
  ]);
});

test("viewers read applications but change nothing; non-members get 404", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/auth-methods`);
  await page.getByRole("switch", { name: "OAuth 2.1 / OpenID Connect provider" }).click();
  await expect(page.getByRole("switch", { name: "OAuth 2.1 / OpenID Connect provider" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.goto(`/admin/${slug}/oauth-clients`);
  await page.getByLabel("Name", { exact: true }).fill("Reports service");
  await page.getByRole("checkbox", { name: /Authorization code/ }).uncheck();
  await page.getByRole("checkbox", { name: /Refresh tokens/ }).uncheck();
  await page.getByRole("checkbox", { name: /Client credentials/ }).check();
  await page.getByLabel("Scopes", { exact: true }).fill("reports:read");
  await page.getByRole("button", { name: "Create application" }).click();
  await page.getByRole("link", { name: "Open Reports service" }).click();
  await page.waitForURL(/\/oauth-clients\/[^/]+$/);
  const clientUrl = new URL(page.url()).pathname;

  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}/oauth-clients`);
  await expect(viewer.page.getByRole("row", { name: /Reports service/ })).toContainText("client_credentials");
  await expect(viewer.page.getByRole("button", { name: "Create application" })).toHaveCount(0);
  await viewer.page.goto(clientUrl);
  await expect(viewer.page.getByText("reports:read")).toBeVisible();
  await expect(
    viewer.page.getByRole("button", { name: /Save application|Rotate secret|Delete application/ }),
  ).toHaveCount(0);
  for (const intent of ["rotate", "delete", "disable"]) {
    const response = await viewer.page.request.post(clientUrl, { form: { intent }, maxRedirects: 0 });
    expect(response.status(), intent).toBe(403);
  }

  const stranger = await otherAccount("none", slug);
  expect((await stranger.page.request.get(clientUrl)).status()).toBe(404);
  expect((await stranger.page.request.post(clientUrl, { form: { intent: "delete" }, maxRedirects: 0 })).status()).toBe(
    404,
  );

  await page.reload();
  await expect(page.getByRole("heading", { name: "Reports service", exact: true })).toBeVisible();
  await expect(page.getByText("enabled", { exact: true })).toBeVisible();
});
