/**
 * An organization's SCIM page in the console: an admin finds the organization, copies the base
 * URL, generates a token it sees exactly once, and the identity provider's requests appear in
 * the recent requests; rotating and revoking refuse the old token at once.
 */
import AxeBuilder from "@axe-core/playwright";
import { createOrganization, expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

test("an admin connects an organization to SCIM and sees its requests", async ({ page, ownedTenant, baseURL }) => {
  await createOrganization(page.request, ownedTenant.slug, "Contoso");

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/admin/${ownedTenant.slug}`);
  await page.getByRole("navigation", { name: "Tenant sections" }).getByRole("link", { name: "Organizations" }).click();
  await expect(page.getByRole("row", { name: /Contoso/ })).toContainText("not connected");
  await page.getByRole("link", { name: "Contoso" }).click();
  await expect(page.getByRole("heading", { name: "Contoso" })).toBeVisible();
  // An organization opens on its members; SCIM is one of its tabs.
  await page.getByRole("navigation", { name: "Organization sections" }).getByRole("link", { name: "SCIM" }).click();

  const baseUrl = `${new URL(baseURL!).origin}/t/${ownedTenant.slug}/api/scim/v2`;
  await expect(page.getByRole("textbox", { name: "SCIM base URL (Tenant URL)" })).toHaveValue(baseUrl);
  await page.getByRole("button", { name: "Copy URL" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(baseUrl);
  await expect(page.getByText("No requests yet")).toBeVisible();

  await page.getByRole("button", { name: "Generate token" }).click();
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const tokenField = page.getByRole("textbox", { name: "SCIM token" });
  await expect(tokenField).toHaveValue(/^scim_[A-Za-z0-9_-]{43}$/);
  const token = await tokenField.inputValue();

  const scim = (method: "get" | "post", path: string, bearer = token, data?: unknown) =>
    page.request[method](`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/scim+json" },
      data,
    });
  expect((await scim("get", '/Users?filter=userName eq "ada@contoso.com"')).status()).toBe(200);
  const user = await scim("post", "/Users", token, {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: "ada@contoso.com",
    name: { givenName: "Ada", familyName: "Lovelace" },
  });
  expect(user.status()).toBe(201);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "SCIM token" })).toHaveCount(0);
  expect(await page.content()).not.toContain(token.slice(12));
  await expect(page.getByText("connected", { exact: true })).toBeVisible();
  await expect(page.getByText(`${token.slice(0, 12)}…`)).toBeVisible();
  const requests = page.getByRole("table", { name: "Recent SCIM requests" });
  await expect(requests.getByRole("row").nth(1)).toContainText("POST");
  await expect(requests.getByRole("row").nth(1)).toContainText("/Users");
  await expect(requests.getByRole("row").nth(1)).toContainText("201");
  await expect(requests.getByRole("row").nth(2)).toContainText("GET");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );

  await page.getByRole("button", { name: "Rotate token" }).click();
  const rotated = await page.getByRole("textbox", { name: "SCIM token" }).inputValue();
  expect(rotated).not.toBe(token);
  expect((await scim("get", "/Users", token)).status()).toBe(401);
  expect((await scim("get", "/Users", rotated)).status()).toBe(200);

  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke SCIM token" }).click();
  await expect(page.getByRole("status")).toContainText("Contoso is disconnected");
  expect((await scim("get", "/Users", rotated)).status()).toBe(401);
  await expect(page.getByText("not connected")).toBeVisible();
});

test("viewers read the SCIM page only; non-members and other tenants' organizations get 404", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const organizationId = await createOrganization(page.request, ownedTenant.slug, "Fabrikam");
  const url = `/admin/${ownedTenant.slug}/organizations/${organizationId}`;

  const viewer = await otherAccount("viewer", ownedTenant.slug);
  await viewer.page.goto(url);
  await expect(viewer.page.getByRole("heading", { name: "Fabrikam" })).toBeVisible();
  await expect(viewer.page.getByText("not connected")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Generate token" })).toHaveCount(0);
  const refused = await viewer.page.request.post(url, { form: { intent: "issue-token" }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("scim_");

  const stranger = await otherAccount("none", ownedTenant.slug);
  expect((await stranger.page.request.get(url)).status()).toBe(404);
  expect((await stranger.page.request.post(url, { form: { intent: "issue-token" }, maxRedirects: 0 })).status()).toBe(
    404,
  );
  await page.goto(`/admin/${ownedTenant.slug}/organizations/no-such-organization`);
  await expect(page.getByText("There is no such organization in this tenant.")).toBeVisible();
  await page.goto(url);
  await expect(page.getByText("not connected")).toBeVisible();
});
