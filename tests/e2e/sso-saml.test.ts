/**
 * Enterprise SSO with SAML 2.0, end to end in Chromium against a samlify identity provider: an
 * organization is connected through the management API with the IdP's metadata; a person starts
 * at the organization's sign-in link, signs in at the IdP and comes back signed in, created just
 * in time as a member with the role their group maps to. Every refused answer (unsigned, signed
 * by a stranger, another audience, expired, replayed, made for another organization) lands on
 * the sign-in error page without a session.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { CustomerSite } from "../support/customer-site";
import { startSamlIdp, type Tampering, type TestSamlIdp } from "../support/saml-idp";
import { baseURL, createTenant, expect, patchTenantConfig, test, uniqueSlug, withControlDb } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 90_000 });

let idp: TestSamlIdp;
let site: CustomerSite;
let slug: string;
let apiKey: string;
const orgs: Record<"acme" | "globex", { id: string; spMetadataUrl: string; acsUrl: string }> = {} as never;

async function api(request: APIRequestContext, method: "get" | "post" | "put", path: string, data?: unknown) {
  return request[method](`${baseURL}/api/v1${path}`, { headers: { authorization: `Bearer ${apiKey}` }, data });
}

test.beforeAll(async ({ playwright }) => {
  idp = await startSamlIdp();
  site = await CustomerSite.start();
  slug = uniqueSlug("sso");
  const tenant = await createTenant(slug);
  await patchTenantConfig(slug, {
    trustedOrigins: [site.crossSiteOrigin],
    authMethods: { organizations: { enabled: true }, bearer: { enabled: true } },
  });
  apiKey = await withControlDb(`
    const { ApiKeyService } = await import("./app/api-keys/keys.server.ts");
    const tenant = await tenants.requireBySlug(${JSON.stringify(tenant.slug)});
    const { key } = await new ApiKeyService(storage).create({ tenant, name: "e2e", scopes: ["organizations:write", "organizations:read"], createdById: null });
    process.stdout.write(key);`);
  const request = await playwright.request.newContext();
  for (const name of ["acme", "globex"] as const) {
    const created = await api(request, "post", "/organizations", { name, slug: name });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const connected = await api(request, "put", `/organizations/${id}/sso`, {
      protocol: "saml",
      idpMetadataXml: idp.metadataXml,
      defaultRole: "member",
      attributeMapping: { groupRoles: { "Acme Admins": "admin" } },
    });
    expect(connected.status(), await connected.text()).toBe(200);
    const status = (await connected.json()) as { serviceProvider: { metadataUrl: string; acsUrl: string } };
    orgs[name] = { id, spMetadataUrl: status.serviceProvider.metadataUrl, acsUrl: status.serviceProvider.acsUrl };
  }
  await request.dispose();
});

test.afterAll(async () => {
  await idp?.close();
  await site?.stop();
});

/** Starts Acme's SSO sign-in in the browser and signs in at the IdP as `email`. */
async function signInAtIdp(page: Page, email: string, tampering: Tampering | null = null, organization = "acme") {
  await page.goto(`/t/${slug}/sso?organization=${organization}&redirectTo=${encodeURIComponent(`/t/${slug}/account`)}`);
  await expect(page.getByRole("heading", { name: "Test IdP sign-in" })).toBeVisible();
  idp.nextAnswer = tampering;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in to the IdP" }).click();
}

async function expectRefused(page: Page, code: string) {
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in/error\\?error=${code}$`));
  await expect(page.getByRole("heading", { name: "We could not sign you in" })).toBeVisible();
  await expect(page.getByText(`Error code: ${code}`)).toBeVisible();
  const session = await page.request.get(`/t/${slug}/api/auth/get-session`);
  expect(await session.json()).toBeNull();
}

test("the IdP's signed assertion signs a new person in, created as a member with their group's role", async ({
  page,
  request,
}) => {
  await signInAtIdp(page, "ada@acme.test", { groups: ["Everyone", "Acme Admins"] });
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/account$`));
  await expect(page.getByText("ada@acme.test")).toBeVisible();
  const session = (await (await page.request.get(`/t/${slug}/api/auth/get-session`)).json()) as {
    user: { email: string; name: string };
    session: { activeOrganizationId: string };
  };
  expect(session.user).toMatchObject({ email: "ada@acme.test", name: "SAML ada" });
  expect(session.session.activeOrganizationId).toBe(orgs.acme.id);

  const members = (await (await api(request, "get", `/organizations/${orgs.acme.id}/members`)).json()) as {
    data: { role: string; user: { email: string } }[];
  };
  expect(members.data.map((member) => [member.user.email, member.role])).toEqual([["ada@acme.test", "admin"]]);

  // The same person again (a new assertion): the same account, no second membership.
  await page.context().clearCookies();
  await signInAtIdp(page, "ada@acme.test", { groups: ["Everyone", "Acme Admins"] });
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/account$`));
  const again = (await (await api(request, "get", `/organizations/${orgs.acme.id}/members`)).json()) as {
    data: unknown[];
  };
  expect(again.data).toHaveLength(1);
});

test("an assertion replayed after it was used is refused", async ({ page }) => {
  await signInAtIdp(page, "grace@acme.test");
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/account$`));
  await page.context().clearCookies();
  await page.goto(`${idp.origin}/replay`);
  await expectRefused(page, "saml_replayed");
});

test("an unsigned assertion is refused", async ({ page }) => {
  await signInAtIdp(page, "mallory@acme.test", { unsigned: true });
  await expectRefused(page, "saml_signature");
});

test("an assertion signed with a key the organization did not configure is refused", async ({ page }) => {
  await signInAtIdp(page, "mallory@acme.test", { foreignKey: true });
  await expectRefused(page, "saml_signature");
});

test("an assertion for another audience is refused", async ({ page }) => {
  await signInAtIdp(page, "mallory@acme.test", { audience: "https://another-app.example/saml" });
  await expectRefused(page, "saml_audience");
});

test("an expired assertion is refused", async ({ page }) => {
  await signInAtIdp(page, "mallory@acme.test", { expiresIn: -600 });
  await expectRefused(page, "saml_expired");
});

test("an assertion made for another organization's connection is refused", async ({ page }) => {
  // The sign-in started for Acme; the IdP answers as if for Globex (its audience and ACS).
  await signInAtIdp(page, "mallory@acme.test", { forServiceProvider: orgs.globex.spMetadataUrl });
  await expectRefused(page, "saml_unsolicited");
});

test("<auth-login> on a customer's site sends an address at Acme's verified domain to Acme's IdP and back", async ({
  browser,
  request,
}) => {
  // The TXT check itself is proven in sso-oidc-domains.test.ts; here the domain is marked verified.
  const claimed = await api(request, "post", `/organizations/${orgs.acme.id}/sso/domains`, { domain: "acme.test" });
  expect(claimed.status(), await claimed.text()).toBe(201);
  await withControlDb(
    `await db.ssoDomain.updateMany({ where: { domain: "acme.test" }, data: { verifiedAt: new Date() } });`,
  );
  // A customer's page sends no extra headers (they would make every cross-origin request
  // preflighted, see widgets.test.ts).
  const context = await browser.newContext({ extraHTTPHeaders: {} });
  const page = await context.newPage();
  const path = `/${uniqueSlug("page")}`;
  site.page(path, { portico: baseURL, body: `<auth-login tenant="${slug}"></auth-login>` });
  await page.goto(`${site.crossSiteOrigin}${path}`);
  // The address alone is enough: an SSO domain needs no password (email first, as on the hosted page).
  await page.getByLabel("Email").fill("linus@acme.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Test IdP sign-in" })).toBeVisible();
  await page.getByLabel("Email").fill("linus@acme.test");
  await page.getByRole("button", { name: "Sign in to the IdP" }).click();
  await expect(page).toHaveURL(`${site.crossSiteOrigin}${path}`);
  const session = (await (await context.request.get(`${baseURL}/t/${slug}/api/auth/get-session`)).json()) as {
    user: { email: string };
  };
  expect(session.user.email).toBe("linus@acme.test");
  await context.close();
});
