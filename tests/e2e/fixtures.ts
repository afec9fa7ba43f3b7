import { execFile } from "node:child_process";
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

/** The running server's URL and data directory, as chosen by playwright.config.ts. */
export const baseURL = requiredEnv("PORTICO_E2E_BASE_URL");
export const dataDir = requiredEnv("PORTICO_E2E_DATA_DIR");

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the tests through playwright.config.ts.`);
  return value;
}

/** A random private address, so each test is its own client for better-auth's per-IP rate limits. */
export function randomClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A password every hosted form accepts (at least 8 characters). */
export const PASSWORD = "correct-horse-battery";

// ---------------------------------------------------------------------------------------------
// Tenants, through the operator's CLI (scripts/tenant.ts) against the server's data directory.
// ---------------------------------------------------------------------------------------------

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The environment that points a script at the e2e server's storage. */
export function e2eStorageEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_ENV: "development",
    PUBLIC_URL: baseURL,
    // As in playwright.config.ts: empty means SQLite in the data directory.
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
  };
}

/** Runs `scripts/tenant.ts <args>` against the e2e server's storage; throws with its stderr on failure. */
export async function tenantCli(...args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "scripts/tenant.ts", ...args], {
      cwd: repoRoot,
      timeout: 30_000,
      env: e2eStorageEnv(),
    });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`tenant ${args.join(" ")} failed: ${stderr?.trim() || message}`);
  }
}

export type CreatedTenant = { slug: string; name: string; id: string };

/** A slug no other test or run uses, e.g. `iso-3f9a1c2b`. */
export function uniqueSlug(prefix = "t"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/**
 * Creates a tenant with the CLI and waits until the running server serves it (tenant lookups
 * are cached for about a second).
 */
export async function createTenant(
  slug: string,
  name = `Tenant ${slug}`,
  { enumerationProtection = false } = {},
): Promise<CreatedTenant> {
  // Off unless asked for: most journeys sign up and expect to be signed in right away.
  const flags = enumerationProtection ? [] : ["--no-enumeration-protection"];
  const out = await tenantCli("create", slug, "--name", name, ...flags);
  const id = /^\s*id:\s*(\S+)/m.exec(out)?.[1];
  if (!id) throw new Error(`Could not read the tenant id from the CLI output:\n${out}`);
  await expect
    .poll(async () => (await fetch(`${baseURL}/t/${slug}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(200);
  return { slug, name, id };
}

/** Disables a tenant with the CLI and waits until the server answers 404 for it. */
export async function disableTenant(slug: string): Promise<void> {
  await tenantCli("disable", slug);
  await expect
    .poll(async () => (await fetch(`${baseURL}/t/${slug}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(404);
}

/** The id of an existing tenant (it is part of its cookie names). */
export async function tenantId(slug: string): Promise<string> {
  const list = JSON.parse(await tenantCli("list", "--json")) as { slug: string; id: string }[];
  const tenant = list.find((t) => t.slug === slug);
  if (!tenant) throw new Error(`No tenant ${slug} in the CLI's list.`);
  return tenant.id;
}

// ---------------------------------------------------------------------------------------------
// Hosted pages, driven as a person would.
// ---------------------------------------------------------------------------------------------

export type Credentials = { email: string; password?: string };

/** Fills and submits the sign-up form (the page must be on /t/<tenant>/sign-up). */
export async function fillSignUp(page: Page, { name, email, password = PASSWORD }: Credentials & { name: string }) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Fills and submits the sign-in form (the page must be on /t/<tenant>/sign-in). */
export async function fillSignIn(page: Page, { email, password = PASSWORD }: Credentials) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs up on the tenant's hosted page and waits for the account page. */
export async function signUp(page: Page, tenant: string, user: Credentials & { name: string }) {
  await page.goto(`/t/${tenant}/sign-up`);
  await fillSignUp(page, user);
  await expect(page).toHaveURL(`/t/${tenant}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(user.email);
}

/** Signs in on the tenant's hosted page and waits for the account page. */
export async function signIn(page: Page, tenant: string, user: Credentials) {
  await page.goto(`/t/${tenant}/sign-in`);
  await fillSignIn(page, user);
  await expect(page).toHaveURL(`/t/${tenant}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(user.email);
}

/** The error message an input points at with aria-describedby, asserted the way assistive tech sees it. */
export async function expectFieldError(page: Page, label: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  const ids = (await field.getAttribute("aria-describedby"))?.split(/\s+/) ?? [];
  const descriptions = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(descriptions).toContain(message);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when a response body looks like it leaks a stack trace. */
export function looksLikeStackTrace(body: string): boolean {
  return /^\s*at \S.*\(?.*:\d+:\d+\)?$/m.test(body) || /\b\w*Error:/.test(body) || /node_modules|\.tsx?:\d+/.test(body);
}

type Fixtures = {
  /** An address no other test (or earlier run against the same server) has used. */
  uniqueEmail: (label?: string) => string;
  /**
   * Creates a user through the tenant's auth API, from this test's IP but in a throwaway
   * request context, so neither `page` nor `request` ends up signed in.
   */
  apiSignUp: (tenant: string, user: Credentials & { name: string }) => Promise<void>;
  /** The client IP this test's `page` and `request` send in X-Forwarded-For. */
  clientIp: string;
};

/**
 * Runs a snippet against the e2e server's storage (or, given its `env`, a test's own server's), with `env`, `storage`, `tenants` and the
 * control-plane client `db` in scope, and returns what it prints. Only for test set-up no page
 * can do (moving an expiry into the past, reading raw audit rows).
 */
export async function withControlDb(snippet: string, env: NodeJS.ProcessEnv = e2eStorageEnv()): Promise<string> {
  const code = `
    const { readEnv } = await import("./app/config/env.server.ts");
    const { createStorage } = await import("./app/db/index.server.ts");
    const { TenantService } = await import("./app/tenancy/tenants.server.ts");
    const { openChangeFeed } = await import("./app/tenancy/open-change-feed.server.ts");
    const env = readEnv();
    const storage = createStorage(env);
    // Announced like the CLI's changes, so a PostgreSQL server hears of a tenant made here.
    const changes = openChangeFeed({ redisUrl: env.redisUrl, databaseUrl: env.databaseUrl, storage });
    const tenants = new TenantService(storage, env.secret, changes);
    const db = await storage.control();
    try { ${snippet} } finally { await changes.close(); await storage.close(); }`;
  const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: repoRoot,
    timeout: 30_000,
    env,
  });
  return stdout;
}

/**
 * The newest email to `to` as it was (or will be) delivered, "" when there is none. Links and
 * codes are sealed in the outbox; this opens them with the deployment secret, as only the
 * sender (and the operator) can.
 */
export async function latestMailText(to: string): Promise<string> {
  return withControlDb(`
    const { OutboxSeal, openSealedEmail } = await import("./app/email/outbox.server.ts");
    const message = await db.emailMessage.findFirst({ where: { to: ${JSON.stringify(to)} }, orderBy: { createdAt: "desc" } });
    process.stdout.write(message ? openSealedEmail(message, new OutboxSeal(env.secret)).text : "");`);
}

/**
 * Merges `patch` into a tenant's stored config (deeply, objects only) as the console would,
 * e.g. `{ authMethods: { magicLink: { enabled: true } } }`. The server picks the change up
 * within a second (registry lookups are cached for 1 s), so callers poll or wait for it.
 */
export async function patchTenantConfig(slug: string, patch: Record<string, unknown>): Promise<void> {
  await withControlDb(`
    const merge = (base, change) => {
      const out = { ...base };
      for (const [key, value] of Object.entries(change))
        out[key] = value && typeof value === "object" && !Array.isArray(value) ? merge(base?.[key] ?? {}, value) : value;
      return out;
    };
    const tenant = await tenants.requireBySlug(${JSON.stringify(slug)});
    await tenants.updateConfig(tenant.slug, merge(tenant.config, ${JSON.stringify(patch)}));`);
  // The registry caches lookups for a second; wait it out so the next request sees the change.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}

/** Stores one of a tenant's secrets (an OAuth client secret, …) encrypted, as the console would. */
export async function setTenantSecret(slug: string, name: string, value: string): Promise<void> {
  await withControlDb(
    `await tenants.setSecret(${JSON.stringify(slug)}, ${JSON.stringify(name)}, ${JSON.stringify(value)});`,
  );
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}

export const test = base.extend<Fixtures>({
  clientIp: async ({}, use) => {
    await use(randomClientIp());
  },
  // One address per test, sent by both `page` and `request`; the server trusts it because
  // it comes from a loopback proxy (PORTICO_TRUST_PROXY=loopback).
  extraHTTPHeaders: async ({ extraHTTPHeaders, clientIp }, use) => {
    await use({ ...extraHTTPHeaders, "x-forwarded-for": clientIp });
  },
  apiSignUp: async ({ playwright, extraHTTPHeaders }, use) => {
    await use(async (tenant, { name, email, password = PASSWORD }) => {
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
      try {
        const response = await api.post(`/t/${tenant}/api/auth/sign-up/email`, { data: { name, email, password } });
        expect(response.status(), await response.text()).toBe(200);
      } finally {
        await api.dispose();
      }
    });
  },
  uniqueEmail: async ({}, use) => {
    await use((label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.com`);
  },
});

/** Publishes a theme for the tenant as the theme editor would. */
export async function publishTheme(tenantId: string, theme: Record<string, unknown>) {
  await withControlDb(`
    const { AuditLog } = await import("./app/audit/audit.server.ts");
    const { ThemeService } = await import("./app/theme/themes.server.ts");
    const themes = new ThemeService(storage, new AuditLog(storage));
    const result = await themes.publish(${JSON.stringify(tenantId)}, ${JSON.stringify(theme)}, {
      tenantId: ${JSON.stringify(tenantId)},
      actor: { type: "system", label: "test" },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));`);
  // The server caches a published theme for a second.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}
