/**
 * Fixtures for the admin console: a signed-in platform account, and a tenant it administers
 * with a given role. Accounts are created through the platform auth API and memberships with
 * the tenant CLI (`add-member`), the same paths an operator uses.
 */
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import {
  baseURL,
  createTenant,
  randomClientIp,
  expect,
  PASSWORD,
  tenantCli,
  test as base,
  uniqueSlug,
  withControlDb,
  type CreatedTenant,
} from "./fixtures";

export { expect, PASSWORD, tenantCli, uniqueSlug };

export type PlatformAccount = { name: string; email: string };

/** Opens a user's console page through the search, and returns the user's id. */
export async function openUser(page: Page, slug: string, email: string): Promise<string> {
  await page.goto(`/admin/${slug}/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await expect(page).toHaveURL(/\/users\/[^/?]+$/);
  const id = /\/users\/([^/?]+)$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`Not on a user page: ${page.url()}`);
  return id;
}

/** A separate browser for the tenant's end user, from its own address (sign-in limits are per IP). */
export async function userBrowser(browser: Browser, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    extraHTTPHeaders: { "x-forwarded-for": randomClientIp() },
  });
  return context.newPage();
}

/**
 * The newest link matching `pattern` in platform mail to `to`, as it was (or will be) delivered.
 * The e2e server has no mail server, so its platform mail stays captured; this reads it the way
 * its operator can, with PORTICO_SECRET (the console only shows it with the link hidden).
 * Empty when there is no such mail.
 */
export async function platformMailLink(to: string, pattern: RegExp): Promise<string> {
  const out = await withControlDb(`
    const { OutboxSeal, openSealedEmail } = await import("./app/email/outbox.server.ts");
    const seal = new OutboxSeal(env.secret);
    const messages = await db.emailMessage.findMany({
      where: { tenantId: null, to: ${JSON.stringify(to.toLowerCase())} },
      orderBy: { createdAt: "desc" },
    });
    const texts = messages.map((message) => openSealedEmail(message, seal).text);
    process.stdout.write(JSON.stringify(texts));`);
  const pattern_ = new RegExp(pattern.source, pattern.flags.replace("g", ""));
  for (const text of JSON.parse(out) as string[]) {
    const match = pattern_.exec(text);
    if (match) return match[0];
  }
  return "";
}

export const VERIFY_LINK = /https?:\/\/\S+\/api\/platform\/auth\/verify-email\?\S+/;

/**
 * Confirms a platform account's address as its owner would: opens the link from the
 * verification email (in `request`'s browser context). The first account of a deployment is
 * confirmed already and has no such mail.
 */
export async function verifyPlatformEmail(request: APIRequestContext, email: string) {
  const link = await platformMailLink(email, VERIFY_LINK);
  if (!link) return;
  const response = await request.get(link);
  expect(response.status(), await response.text()).toBe(200);
  expect(new URL(response.url()).pathname).toBe("/admin");
}

/** Creates a user through the console's "New user" form; returns the id from the page it lands on. */
export async function createUser(page: Page, slug: string, name: string, email: string): Promise<string> {
  const response = await page.request.post(`/admin/${slug}/users`, {
    form: { intent: "create-user", name, email, password: PASSWORD },
  });
  expect(response.status()).toBe(200);
  return /\/users\/([^/?]+)$/.exec(new URL(response.url()).pathname)![1]!;
}

/** Creates an organization in the tenant through the management API; answers its id. */
export async function createOrganization(
  request: APIRequestContext,
  tenantSlug: string,
  name: string,
): Promise<string> {
  const apiKey = await withControlDb(`
    const { ApiKeyService } = await import("./app/api-keys/keys.server.ts");
    const tenant = await tenants.requireBySlug(${JSON.stringify(tenantSlug)});
    const { key } = await new ApiKeyService(storage).create({ tenant, name: "e2e", scopes: ["organizations:write"], createdById: null });
    process.stdout.write(key);`);
  const created = await request.post("/api/v1/organizations", {
    headers: { authorization: `Bearer ${apiKey}` },
    data: { name, slug: name.toLowerCase() },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Signs up a platform account through the API and confirms its email; the request context keeps its session cookie. */
export async function platformSignUp(request: APIRequestContext, account: PlatformAccount, baseOrigin: string) {
  const response = await request.post("/api/platform/auth/sign-up/email", {
    data: { ...account, password: PASSWORD },
    headers: { origin: baseOrigin },
  });
  expect(response.status(), await response.text()).toBe(200);
  await verifyPlatformEmail(request, account.email);
}

/** Makes `email` a member of the tenant with `role` (the account must exist). */
export async function addMember(slug: string, email: string, role: "owner" | "admin" | "viewer") {
  await tenantCli("add-member", slug, email, "--role", role);
}

type ConsoleFixtures = {
  /** A fresh platform account, signed in in this test's `page` (and its `page.request`). */
  platformAccount: PlatformAccount;
  /** A fresh tenant whose owner is `platformAccount`. */
  ownedTenant: CreatedTenant;
  /** Signs up another platform account in a new browser context; returns its page. */
  otherAccount: (
    role: "owner" | "admin" | "viewer" | "none",
    slug: string,
  ) => Promise<{ page: Page; account: PlatformAccount }>;
};

export const test = base.extend<ConsoleFixtures>({
  platformAccount: async ({ page, uniqueEmail, baseURL }, use) => {
    const account = { name: "Pat Platform", email: uniqueEmail("platform") };
    await platformSignUp(page.request, account, new URL(baseURL!).origin);
    await use(account);
  },
  ownedTenant: async ({ platformAccount }, use) => {
    const tenant = await createTenant(uniqueSlug("console"));
    await addMember(tenant.slug, platformAccount.email, "owner");
    await use(tenant);
  },
  otherAccount: async ({ browser, uniqueEmail, baseURL, extraHTTPHeaders }, use) => {
    const contexts: { close(): Promise<void> }[] = [];
    await use(async (role, slug) => {
      const context = await browser.newContext({ baseURL, extraHTTPHeaders });
      contexts.push(context);
      const page = await context.newPage();
      const account = { name: `Other ${role}`, email: uniqueEmail(`other-${role}`) };
      await platformSignUp(page.request, account, new URL(baseURL!).origin);
      if (role !== "none") await addMember(slug, account.email, role);
      return { page, account };
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

