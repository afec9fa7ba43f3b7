/**
 * Issue 13 item 7: a user with TOTP on, in a fresh browser with no trusted device, is sent to
 * the hosted two-factor step after a magic link, an email code or a provider sign-in, and reaches
 * the account only with a code; a passkey (multi-factor already) is not challenged by default.
 */
import type { Page } from "@playwright/test";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { addVirtualAuthenticator, withoutPasskeyAutofill } from "../support/virtual-authenticator";
import { baseURL, expect, signUp, test, uniqueSlug, withControlDb, type CreatedTenant } from "./fixtures";
import { totpCode, turnOnTotp } from "./second-factors";

// Tenant set-up runs scripts (a process each) on a shared 2-core runner.
test.describe.configure({ timeout: 120_000 });

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

/** A tenant with two-factor, magic links, email codes and passkeys on (and `extra`), in one script. */
async function createTenant(extra: Record<string, unknown> = {}, secrets: Record<string, string> = {}) {
  const slug = uniqueSlug("mfa");
  const name = "Second Factor Co";
  const config = {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@mfa.test" },
    ...extra,
    authMethods: {
      twoFactor: { enabled: true },
      magicLink: { enabled: true },
      emailOtp: { enabled: true },
      passkey: { enabled: true },
      ...(extra.authMethods as object | undefined),
    },
  };
  const out = await withControlDb(`
    const tenant = await tenants.create({ slug: ${JSON.stringify(slug)}, name: ${JSON.stringify(name)}, config: ${JSON.stringify(config)} });
    for (const [secret, value] of Object.entries(${JSON.stringify(secrets)})) await tenants.setSecret(tenant.slug, secret, value);
    console.log(tenant.id);`);
  await expect
    .poll(async () => (await fetch(`${baseURL}/t/${slug}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(200);
  return { slug, name, id: out.trim().split("\n").at(-1)! } satisfies CreatedTenant;
}

/**
 * Signs up, turns TOTP on from the account page, confirms the email (so links and providers join
 * this account), then forgets the browser: a fresh one with no trusted device. Returns the key.
 */
async function userWithTotp(page: Page, tenant: CreatedTenant, email: string): Promise<string> {
  await signUp(page, tenant.slug, { name: "Mfa User", email });
  const secret = await turnOnTotp(page);
  await withControlDb(`
    const connection = await storage.openTenantDatabase(${JSON.stringify(tenant.id)});
    try { await connection.db.user.update({ where: { email: ${JSON.stringify(email)} }, data: { emailVerified: true } }); }
    finally { await connection.close(); }`);
  await page.context().clearCookies();
  return secret;
}

/** On the hosted two-factor step, not signed in until the code; then the target page. */
async function passSecondStep(page: Page, tenant: CreatedTenant, secret: string, target: string, email: string) {
  await expect(page).toHaveURL(new RegExp(`/t/${tenant.slug}/two-factor(\\?|$)`));
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  const session = await page.request.get(`/t/${tenant.slug}/api/auth/get-session`).then((r) => r.json());
  expect(session ?? null).toBeNull();
  const account = await page.request.get(`/t/${tenant.slug}/account`, { maxRedirects: 0 });
  expect(account.status()).toBe(302);
  await page.getByLabel("Authentication code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(target);
  await expect(page.getByTestId("account-email")).toHaveText(email);
}

test("a magic link goes to the two-factor step, then on to the account", async ({ page, uniqueEmail }) => {
  const tenant = await createTenant();
  const email = uniqueEmail("mfa-link");
  const secret = await userWithTotp(page, tenant, email);

  await page.goto(`/t/${tenant.slug}/sign-in`);
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/magic-link`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(linkIn(await smtp.waitForMessage(email), "/magic-link/verify"));
  await passSecondStep(page, tenant, secret, `/t/${tenant.slug}/account`, email);
});

test("an email code goes to the two-factor step, then on to the account", async ({ page, uniqueEmail }) => {
  const tenant = await createTenant();
  const email = uniqueEmail("mfa-code");
  const secret = await userWithTotp(page, tenant, email);

  await page.goto(`/t/${tenant.slug}/sign-in`);
  await page.getByRole("link", { name: "Email me a code" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/email-code`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  const mail = await smtp.waitForMessage(email);
  const code = /\b(\d{6})\b/.exec(mail.subject)![1]!;
  await page.getByLabel("One-time code").fill(code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await passSecondStep(page, tenant, secret, `/t/${tenant.slug}/account`, email);
});

test("a provider sign-in goes to the two-factor step, keeping the page it was going to", async ({
  page,
  uniqueEmail,
}) => {
  const slug = uniqueSlug("mfa-sso");
  const idp: TestOidcProvider = await startOidcProvider({
    redirectUris: [`${baseURL}/t/${slug}/api/auth/callback/oidc`],
  });
  try {
    const oidc = { enabled: true, displayName: "Acme SSO", discoveryUrl: idp.discoveryUrl, clientId: idp.clientId };
    const tenant = await createTenantWithSlug(
      slug,
      { authMethods: { oidc } },
      { "oidc.clientSecret": idp.clientSecret },
    );
    const email = uniqueEmail("mfa-sso");
    const secret = await userWithTotp(page, tenant, email);

    await page.goto(`/t/${slug}/sign-in?redirectTo=${encodeURIComponent(`/t/${slug}/account?from=sso`)}`);
    await page.getByRole("button", { name: "Continue with Acme SSO" }).click();
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`));
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill("any-password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await passSecondStep(page, tenant, secret, `/t/${slug}/account?from=sso`, email);
  } finally {
    await idp.close();
  }
});

async function passkeyUserWithTotp(page: Page, email: string, extra: Record<string, unknown> = {}) {
  await withoutPasskeyAutofill(page);
  const tenant = await createTenant(extra);
  await addVirtualAuthenticator(page);
  await signUp(page, tenant.slug, { name: "Mfa User", email });
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  const secret = await userWithTotpOnAccount(page, tenant);
  await page.goto(`/t/${tenant.slug}/sign-in`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  return { tenant, secret };
}

test("a passkey is not asked for a second factor by default", async ({ page, uniqueEmail }) => {
  const email = uniqueEmail("mfa-passkey");
  const { tenant } = await passkeyUserWithTotp(page, email);
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("a passkey goes to the two-factor step when the tenant lists passkeys too", async ({ page, uniqueEmail }) => {
  const email = uniqueEmail("mfa-passkey2");
  const { tenant, secret } = await passkeyUserWithTotp(page, email, {
    signInProtection: { secondFactorFor: ["password", "passkey"] },
  });
  await passSecondStep(page, tenant, secret, `/t/${tenant.slug}/account`, email);
});

/** The tenant of the provider test: its slug is in the provider's redirect URI, so it is chosen first. */
async function createTenantWithSlug(
  slug: string,
  extra: Record<string, unknown>,
  secrets: Record<string, string>,
): Promise<CreatedTenant> {
  const config = {
    ...extra,
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@mfa.test" },
    authMethods: { twoFactor: { enabled: true }, ...(extra.authMethods as object) },
  };
  const out = await withControlDb(`
    const tenant = await tenants.create({ slug: ${JSON.stringify(slug)}, name: "Second Factor Co", config: ${JSON.stringify(config)} });
    for (const [secret, value] of Object.entries(${JSON.stringify(secrets)})) await tenants.setSecret(tenant.slug, secret, value);
    console.log(tenant.id);`);
  await expect
    .poll(async () => (await fetch(`${baseURL}/t/${slug}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(200);
  return { slug, name: "Second Factor Co", id: out.trim().split("\n").at(-1)! };
}

/** Turns TOTP on for the signed-in user and signs out, keeping the browser's passkey; returns the key. */
async function userWithTotpOnAccount(page: Page, tenant: CreatedTenant): Promise<string> {
  const secret = await turnOnTotp(page);
  await page.context().clearCookies();
  await expect(page.request.get(`/t/${tenant.slug}/api/auth/get-session`).then((r) => r.json())).resolves.toBeNull();
  return secret;
}
