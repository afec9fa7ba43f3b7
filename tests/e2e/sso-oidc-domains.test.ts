/**
 * Enterprise SSO by OpenID Connect and home-realm discovery, end to end: an organization is
 * connected to a real OpenID Connect provider (node-oidc-provider) by issuer, client id and
 * secret; it claims an email domain and proves it with a TXT record served by a DNS server the
 * test runs; then a person who types an address at that domain on the hosted sign-in page is
 * sent to the organization's provider and comes back signed in, a member of the organization.
 *
 * A server of its own: it needs PORTICO_DNS_SERVER (the test's DNS server) and
 * PORTICO_WEBHOOKS_ALLOW_PRIVATE (the provider is plain http on 127.0.0.1).
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startDnsServer, type TestDnsServer } from "../support/dns-server";
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { startServer, type ServerProcess } from "../support/server-process";
import { withControlDb } from "./fixtures";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let server: ServerProcess;
let dns: TestDnsServer;
let provider: TestOidcProvider;
let apiKey: string;
let organizationId: string;

const api = (request: APIRequestContext, method: "get" | "post" | "put", path: string, data?: unknown) =>
  request[method](`${server.origin}/api/v1${path}`, { headers: { authorization: `Bearer ${apiKey}` }, data });

test.beforeAll(async ({ playwright }) => {
  dns = await startDnsServer();
  server = await startServer({ PORTICO_WEBHOOKS_ALLOW_PRIVATE: "true", PORTICO_DNS_SERVER: dns.address });
  provider = await startOidcProvider({ redirectUris: [`${server.origin}/t/demo/api/sso/oidc/callback`] });
  apiKey = await withControlDb(
    `
    const { ApiKeyService } = await import("./app/api-keys/keys.server.ts");
    const tenant = await tenants.requireBySlug("demo");
    await tenants.updateConfig("demo", { ...tenant.config, authMethods: { ...tenant.config.authMethods, organizations: { ...tenant.config.authMethods.organizations, enabled: true } } });
    const { key } = await new ApiKeyService(storage).create({ tenant, name: "e2e", scopes: ["organizations:write", "organizations:read"], createdById: null });
    process.stdout.write(key);`,
    server.env,
  );
  const request = await playwright.request.newContext();
  const created = await api(request, "post", "/organizations", { name: "Initech", slug: "initech" });
  expect(created.status(), await created.text()).toBe(201);
  organizationId = ((await created.json()) as { id: string }).id;
  await request.dispose();
});

test.afterAll(async () => {
  await provider?.close();
  await server?.stop();
  await dns?.close();
});

test("an organization connects its OpenID Connect provider; a wrong issuer is refused with the field named", async ({
  request,
}) => {
  const wrong = await api(request, "put", `/organizations/${organizationId}/sso`, {
    protocol: "oidc",
    issuer: `${server.origin}/no-such-issuer`,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
  });
  expect(wrong.status()).toBe(422);
  expect(((await wrong.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe("issuer");

  const connected = await api(request, "put", `/organizations/${organizationId}/sso`, {
    protocol: "oidc",
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
  });
  expect(connected.status(), await connected.text()).toBe(200);
  const status = (await connected.json()) as Record<string, unknown>;
  expect(status).toMatchObject({
    connected: true,
    protocol: "oidc",
    serviceProvider: { redirectUri: `${server.origin}/t/demo/api/sso/oidc/callback` },
    identityProvider: { issuer: provider.issuer, clientId: provider.clientId },
  });
  // The secret is stored encrypted and never answered.
  expect(JSON.stringify(status)).not.toContain(provider.clientSecret);
  const stored = await withControlDb(
    `const row = await db.ssoConnection.findFirst({ where: { organizationId: ${JSON.stringify(organizationId)} } });
     process.stdout.write(row.oidcClientSecret);`,
    server.env,
  );
  expect(stored).toMatch(/^v1\./);
  expect(stored).not.toContain(provider.clientSecret);
});

test("a domain is verified by its TXT record, and only while the record is there", async ({ request }) => {
  const claimed = await api(request, "post", `/organizations/${organizationId}/sso/domains`, {
    domain: "Initech.test",
  });
  expect(claimed.status(), await claimed.text()).toBe(201);
  const domain = (await claimed.json()) as {
    domain: string;
    recordName: string;
    recordValue: string;
    verified: boolean;
  };
  expect(domain).toMatchObject({
    domain: "initech.test",
    recordName: "_portico-verification.initech.test",
    verified: false,
  });

  const verify = () => api(request, "post", `/organizations/${organizationId}/sso/domains/initech.test/verify`);
  expect(((await (await verify()).json()) as { verified: boolean }).verified).toBe(false);
  dns.txt.set(domain.recordName, ["v=spf1 -all", domain.recordValue]);
  expect(((await (await verify()).json()) as { verified: boolean }).verified).toBe(true);
  dns.txt.delete(domain.recordName);
  expect(((await (await verify()).json()) as { verified: boolean }).verified).toBe(false);
  dns.txt.set(domain.recordName, [domain.recordValue]);
  expect(((await (await verify()).json()) as { verified: boolean }).verified).toBe(true);
});

test("typing an address at the verified domain on the sign-in page leads to the organization's provider", async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ baseURL: server.origin });
  const page = await context.newPage();
  await page.goto("/t/demo/sign-in");
  await page.getByLabel("Email").fill("alice@initech.test");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await signInAtProvider(page, provider, "alice@initech.test");
  await expect(page).toHaveURL(`${server.origin}/t/demo/account`);
  const session = (await (await page.request.get("/t/demo/api/auth/get-session")).json()) as {
    user: { email: string; name: string; emailVerified: boolean };
  };
  expect(session.user).toMatchObject({ email: "alice@initech.test", name: "OIDC alice", emailVerified: true });
  const members = (await (await api(request, "get", `/organizations/${organizationId}/members`)).json()) as {
    data: { role: string; user: { email: string } }[];
  };
  expect(members.data.map((member) => [member.user.email, member.role])).toEqual([["alice@initech.test", "member"]]);
  await context.close();
});

test("the SSO page says when no organization signs in at an address's domain", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.origin });
  const page = await context.newPage();
  await page.goto("/t/demo/sign-in");
  await page.getByRole("link", { name: "Sign in with single sign-on (SSO)" }).click();
  await page.getByLabel("Work email").fill("bob@elsewhere.test");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription(
    /No organization signs in with single sign-on at this email address's domain/,
  );
  await page.getByLabel("Work email").fill("carol@initech.test");
  await page.getByRole("button", { name: "Continue" }).click();
  // The provider is asked with the address already filled in (login_hint).
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await context.close();
});
