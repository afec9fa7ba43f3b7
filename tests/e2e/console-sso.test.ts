/**
 * An organization's SSO page in the console: an admin copies the SP values, connects the
 * organization with its IdP's metadata, tests the connection (the IdP answers, nobody is signed
 * in, the page shows what it sent and the role it would give), and claims an email domain whose
 * TXT record the page shows. Mistakes come back as field errors.
 */
import AxeBuilder from "@axe-core/playwright";
import { startSamlIdp, type TestSamlIdp } from "../support/saml-idp";
import { createOrganization, expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

let idp: TestSamlIdp;
test.beforeAll(async () => {
  idp = await startSamlIdp();
});
test.afterAll(async () => {
  await idp?.close();
});

test("an admin connects an organization by SAML, tests it, and claims a domain", async ({
  page,
  ownedTenant,
  baseURL,
}) => {
  const organizationId = await createOrganization(page.request, ownedTenant.slug, "Umbrella");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/admin/${ownedTenant.slug}/organizations/${organizationId}`);
  await page.getByRole("link", { name: /Single sign-on/ }).click();
  await expect(page.getByRole("link", { name: "Single sign-on" })).toBeVisible();
  await expect(page.getByText("not connected")).toBeVisible();

  // The SP values exist before connecting, so they can go into the IdP first.
  const acsUrl = `${new URL(baseURL!).origin}/t/${ownedTenant.slug}/api/sso/saml/${organizationId}/acs`;
  await expect(page.getByRole("textbox", { name: "ACS URL (Single sign-on URL, Reply URL)" })).toHaveValue(acsUrl);
  await page.getByRole("button", { name: "Copy ACS URL" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(acsUrl);

  await page.getByLabel("IdP metadata XML").fill("<not-metadata/>");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByLabel("IdP metadata XML")).toHaveAccessibleDescription(
    /is not a SAML identity provider's metadata/,
  );

  await page.getByLabel("IdP metadata XML").fill(idp.metadataXml);
  await page.getByLabel("Group roles").fill("Umbrella Admins = owner");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByLabel("Group roles")).toHaveAccessibleDescription(/cannot be owner/);

  await page.getByLabel("IdP metadata XML").fill(idp.metadataXml);
  await page.getByLabel("Group roles").fill("Umbrella Admins = admin");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Umbrella signs in with SAML now.");
  await expect(page.getByText("connected (SAML 2.0)")).toBeVisible();

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("heading", { name: "Test IdP sign-in" })).toBeVisible();
  idp.nextAnswer = { groups: ["Umbrella Admins"] };
  await page.getByLabel("Email").fill("tester@umbrella.test");
  await page.getByRole("button", { name: "Sign in to the IdP" }).click();
  await expect(page.getByText("Nobody was signed in.")).toBeVisible();
  const events = page.getByRole("table", { name: "Recent SSO events" });
  await expect(events.getByRole("row").nth(1)).toContainText("Test succeeded");
  await expect(events.getByRole("row").nth(1)).toContainText("email tester@umbrella.test");
  await expect(events.getByRole("row").nth(1)).toContainText("role admin");
  const session = await page.request.get(`/t/${ownedTenant.slug}/api/auth/get-session`);
  expect(await session.json()).toBeNull();

  await page.getByLabel("Domain").fill("not a domain");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByLabel("Domain")).toHaveAccessibleDescription(/must be a domain name such as acme.com/);
  await page.getByLabel("Domain").fill("Umbrella.test");
  await page.getByRole("button", { name: "Add domain" }).click();
  const domains = page.getByRole("table", { name: "Email domains" });
  await expect(domains.getByRole("row").nth(1)).toContainText("_portico-verification.umbrella.test");
  await expect(domains.getByRole("row").nth(1)).toContainText("not verified");

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
});

test("viewers read the SSO page only", async ({ page, ownedTenant, otherAccount }) => {
  const organizationId = await createOrganization(page.request, ownedTenant.slug, "Initrode");
  const url = `/admin/${ownedTenant.slug}/organizations/${organizationId}/sso`;
  const viewer = await otherAccount("viewer", ownedTenant.slug);
  await viewer.page.goto(url);
  await expect(viewer.page.getByRole("link", { name: "Single sign-on" })).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Connect" })).toHaveCount(0);
  const refused = await viewer.page.request.post(url, { form: { intent: "remove" }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
});
