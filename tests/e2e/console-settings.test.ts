import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./console-fixtures";
import { baseURL, dataDir, expectFieldError, fillSignUp, PASSWORD } from "./fixtures";

// Each test creates a tenant with the CLI and accounts through the API before its first step,
// which alone can take half the default timeout on a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

const post = (page: Page, slug: string, form: Record<string, string>) =>
  page.request.post(`/admin/${slug}/settings`, { form, headers: { origin: baseURL }, maxRedirects: 0 });

const settingsForm = (page: Page, name: string) => page.getByRole("form", { name });

async function save(page: Page, form: string) {
  await settingsForm(page, form).getByRole("button", { name: /^Save/ }).click();
}

/** Every byte the control plane keeps about tenants: the SQLite files, or PostgreSQL's tenant rows. */
async function rawControlPlane(): Promise<string> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT * FROM portico.tenant`);
      return JSON.stringify(rows);
    } finally {
      await client.end();
    }
  }
  return ["control.db", "control.db-wal"]
    .map((file) => path.join(dataDir, file))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString("latin1"))
    .join("");
}

test("rename shows on the console and the hosted pages", async ({ page, ownedTenant }) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/settings`);
  const name = `Renamed ${randomBytes(3).toString("hex")}`;
  await settingsForm(page, "Name").getByLabel("Tenant name").fill("");
  await save(page, "Name");
  await expectFieldError(page, "Tenant name", "Name is required.");

  await settingsForm(page, "Name").getByLabel("Tenant name").fill(name);
  await save(page, "Name");
  await expect(page.getByRole("status")).toContainText(`Renamed to ${name}.`);
  await expect(page.getByTestId("console-tenant-name")).toHaveText(name);
  await page.goto(`/t/${slug}/sign-up`);
  await expect(page.getByText(name, { exact: true })).toBeVisible();
});

test("hostnames and trusted origins are validated per line, saved, and explained", async ({ page, ownedTenant }) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/settings`);
  const domains = settingsForm(page, "Custom domains");
  await domains.getByLabel("Hostnames").fill(`auth-${slug}.example.com\nnot a host!`);
  await save(page, "Custom domains");
  await expectFieldError(
    page,
    "Hostnames",
    "Line 2: Hostname must look like auth.example.com (no scheme, port or path).",
  );

  await domains.getByLabel("Hostnames").fill(`auth-${slug}.example.com`);
  await save(page, "Custom domains");
  await expect(page.getByRole("status")).toContainText("Hostnames saved.");
  await expect(page.getByText(`CNAME auth-${slug}.example.com → localhost`)).toBeVisible();

  const origins = settingsForm(page, "Trusted origins");
  await origins.getByLabel("Origins").fill("https://app.example.com/callback");
  await save(page, "Trusted origins");
  await expectFieldError(page, "Origins", "Line 1: A trusted origin is scheme, host and port only, with no path.");
  await origins.getByLabel("Origins").fill("https://app.example.com\nhttp://localhost:5173");
  await save(page, "Trusted origins");
  await expect(page.getByRole("status")).toContainText("Trusted origins saved.");
  await expect(origins.getByLabel("Origins")).toHaveValue("https://app.example.com\nhttp://localhost:5173");

  // The new origin may now call the tenant's auth API.
  const fromApp = await page.request.post(`/t/${slug}/api/auth/sign-in/email`, {
    data: { email: "nobody@example.com", password: PASSWORD },
    headers: { origin: "https://app.example.com" },
  });
  expect(fromApp.status()).toBe(401);
  const fromElsewhere = await page.request.post(`/t/${slug}/api/auth/sign-in/email`, {
    data: { email: "nobody@example.com", password: PASSWORD },
    headers: { origin: "https://evil.example.com" },
  });
  expect(fromElsewhere.status()).toBe(403);
});

test("session lifetime applies to new sessions; a refresh longer than the lifetime is refused", async ({
  page,
  ownedTenant,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/settings`);
  const sessions = settingsForm(page, "Sessions");
  await sessions.getByLabel("Session lifetime (hours)").fill("48");
  await sessions.getByLabel("Refresh interval (hours)").fill("72");
  await save(page, "Sessions");
  await expectFieldError(
    page,
    "Refresh interval (hours)",
    "Refresh interval must be shorter than the session lifetime.",
  );

  await sessions.getByLabel("Refresh interval (hours)").fill("2");
  await save(page, "Sessions");
  await expect(page.getByRole("status")).toContainText("Session settings saved.");

  const signedUp = await page.request.post(`/t/${slug}/api/auth/sign-up/email`, {
    data: { name: "Sam", email: uniqueEmail("session"), password: PASSWORD },
    headers: { origin: baseURL },
  });
  expect(signedUp.status()).toBe(200);
  const session = (await (await page.request.get(`/t/${slug}/api/auth/get-session`)).json()) as {
    session: { expiresAt: string };
  };
  const hours = (Date.parse(session.session.expiresAt) - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(47.5);
  expect(hours).toBeLessThan(48.5);
});

test("closed sign-up: the hosted page explains it and the API refuses", async ({ page, ownedTenant, uniqueEmail }) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}/settings`);
  await settingsForm(page, "Sign-up").getByLabel("Who can sign up").selectOption("closed");
  await save(page, "Sign-up");
  await expect(page.getByRole("status")).toContainText("Sign-up is now closed.");

  const hosted = await page.context().newPage();
  await hosted.goto(`/t/${slug}/sign-up`);
  await expect(hosted.getByRole("heading", { name: "Sign-up is closed" })).toBeVisible();
  await expect(hosted.getByLabel("Password")).toHaveCount(0);

  const refused = await page.request.post(`/t/${slug}/api/auth/sign-up/email`, {
    data: { name: "Sam", email: uniqueEmail("closed"), password: PASSWORD },
    headers: { origin: baseURL },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "SIGN_UP_CLOSED" });
  // A form posted anyway (an old tab) is refused with the same explanation.
  const forged = await page.request.post(`/t/${slug}/sign-up`, {
    form: { name: "Sam", email: uniqueEmail("forged"), password: PASSWORD },
    headers: { origin: baseURL },
  });
  expect(forged.status()).toBe(400);
  expect(await forged.text()).toContain("Sign-up is closed. Ask an administrator to create your account.");

  await page.getByRole("combobox", { name: "Who can sign up" }).selectOption("invite-only");
  await save(page, "Sign-up");
  await expect(page.getByRole("status")).toContainText("Sign-up is now invite-only.");
  // The registry caches tenant lookups for a second, so the page may need a moment to follow.
  await expect(async () => {
    await hosted.reload();
    await expect(hosted.getByRole("heading", { name: "Sign-up is by invitation only" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 10_000 });
});

test("a common password is refused on the hosted sign-up page, on the password field", async ({
  page,
  ownedTenant,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  await page.goto(`/t/${slug}/sign-up`);
  await expect(page.getByText("At least 8 characters. Common passwords are not accepted.")).toBeVisible();
  await fillSignUp(page, { name: "Sam", email: uniqueEmail("common"), password: "password123" });
  await expectFieldError(
    page,
    "Password",
    "This password is one of the most common passwords. Choose one that is harder to guess.",
  );

  // Turned off in the policy, the same password is accepted.
  await page.goto(`/admin/${slug}/settings`);
  await settingsForm(page, "Password policy").getByLabel("Refuse common passwords").uncheck();
  // "password123" is also weak by zxcvbn's estimate: the strength rule is lowered too.
  await settingsForm(page, "Password policy").getByLabel("Minimum strength").selectOption("0");
  await save(page, "Password policy");
  await expect(page.getByRole("status")).toContainText("Password policy saved.");
  await page.goto(`/t/${slug}/sign-up`);
  await fillSignUp(page, { name: "Sam", email: uniqueEmail("common"), password: "password123" });
  await expect(page).toHaveURL(`/t/${slug}/account`);
});

test("the SMTP password is write-only: shown as set, never echoed, stored encrypted", async ({ page, ownedTenant }) => {
  const { slug } = ownedTenant;
  const secret = `smtp-${randomBytes(12).toString("hex")}`;
  await page.goto(`/admin/${slug}/settings`);
  const smtp = settingsForm(page, "Email delivery (SMTP)");
  await expect(smtp.getByText("not set", { exact: true })).toBeVisible();
  await smtp.getByLabel("SMTP host").fill("smtp.example.com");
  await smtp.getByLabel("Port").fill("70000");
  await smtp.getByLabel("SMTP user").fill("mailer");
  await smtp.getByLabel("From address").fill("no-reply@example.com");
  await smtp.getByLabel("SMTP password").fill(secret);
  await save(page, "Email delivery (SMTP)");
  await expectFieldError(page, "Port", "Port must be at most 65535.");
  expect(await page.content()).not.toContain(secret);

  await smtp.getByLabel("Port").fill("587");
  await smtp.getByLabel("SMTP password").fill(secret);
  await save(page, "Email delivery (SMTP)");
  await expect(page.getByRole("status")).toContainText("SMTP settings and password saved.");
  await expect(smtp.getByText("set", { exact: true })).toBeVisible();
  await expect(smtp.getByLabel("SMTP host")).toHaveValue("smtp.example.com");
  await expect(smtp.getByLabel("SMTP password")).toHaveValue("");

  const html = await (await page.request.get(`/admin/${slug}/settings`)).text();
  expect(html).toContain("smtp.example.com");
  expect(html).not.toContain(secret);
  expect(await (await page.request.get(`/t/${slug}/config.json`)).text()).not.toContain(secret);
  expect(await rawControlPlane()).not.toContain(secret);

  // Saving without a password keeps the stored one.
  await save(page, "Email delivery (SMTP)");
  await expect(page.getByRole("status")).toContainText("SMTP settings saved.");
  await expect(smtp.getByText("set", { exact: true })).toBeVisible();
});

test("a viewer sees disabled controls and cannot change any setting (403, audited)", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const { slug } = ownedTenant;
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}/settings`);
  await expect(viewer.page.getByLabel("Tenant name")).toBeDisabled();
  await expect(viewer.page.getByLabel("SMTP password")).toBeDisabled();
  const forms: Record<string, string>[] = [
    { intent: "rename", name: "Taken over" },
    { intent: "signUp", mode: "closed" },
    {
      intent: "smtp",
      host: "evil.example.com",
      port: "25",
      user: "",
      fromAddress: "",
      security: "none",
      password: "x",
    },
  ];
  for (const form of forms) expect((await post(viewer.page, slug, form)).status()).toBe(403);

  await page.goto(`/admin/${slug}/settings`);
  await expect(page.getByLabel("Tenant name")).toHaveValue(ownedTenant.name);
  await expect(page.getByLabel("SMTP host")).toHaveValue("");
  await page.goto(`/admin/${slug}/audit?type=admin.denied`);
  const denied = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: "admin.denied" });
  await expect(denied.filter({ hasText: viewer.account.email })).toHaveCount(forms.length);
});

test("a non-member gets 404 for the page and every form; bad intents are refused", async ({
  page,
  ownedTenant,
  otherAccount,
}) => {
  const { slug } = ownedTenant;
  const stranger = await otherAccount("none", slug);
  expect((await stranger.page.goto(`/admin/${slug}/settings`))?.status()).toBe(404);
  for (const intent of ["rename", "hostnames", "trustedOrigins", "session", "passwordPolicy", "signUp", "smtp"]) {
    expect((await post(stranger.page, slug, { intent, name: "x" })).status()).toBe(404);
  }
  await page.goto(`/admin/${slug}/settings`);
  expect((await post(page, slug, { intent: "constructor" })).status()).toBe(400);
  const tooLong = await post(page, slug, { intent: "rename", name: "x".repeat(5000) });
  expect(tooLong.status()).toBe(400);
  expect(await tooLong.text()).toContain("Name must be at most 80 characters.");
});
