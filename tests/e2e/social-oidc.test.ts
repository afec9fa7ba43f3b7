import { baseURL, expect, test, uniqueSlug, withControlDb, type CreatedTenant } from "./fixtures";
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { test as consoleTest } from "./console-fixtures";

/**
 * Social sign-in through the generic OpenID Connect entry, against a real OpenID Connect
 * provider (node-oidc-provider) started by the test: the browser runs the whole redirect flow.
 */

const BUTTON = "Continue with Acme SSO";
/** Each look at the audit log runs a script (a process start), so allow a few. */
const AUDIT_POLL = { timeout: 20_000 };

/**
 * A tenant created with its config and secrets in one script (each script costs a process
 * start), as the console would save them; waits until the server serves it.
 */
async function createConfiguredTenant(
  slug: string,
  config: Record<string, unknown>,
  secrets: Record<string, string> = {},
): Promise<CreatedTenant> {
  const name = `Tenant ${slug}`;
  const out = await withControlDb(`
    const tenant = await tenants.create({ slug: ${JSON.stringify(slug)}, name: ${JSON.stringify(name)}, config: ${JSON.stringify(config)} });
    for (const [secret, value] of Object.entries(${JSON.stringify(secrets)})) await tenants.setSecret(tenant.slug, secret, value);
    console.log(tenant.id);`);
  await expect
    .poll(async () => (await fetch(`${baseURL}/t/${slug}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(200);
  return { slug, name, id: out.trim().split("\n").at(-1)! };
}

async function tenantWithOidc(): Promise<{ tenant: CreatedTenant; idp: TestOidcProvider }> {
  const slug = uniqueSlug("oidc");
  const idp = await startOidcProvider({ redirectUris: [`${baseURL}/t/${slug}/api/auth/callback/oidc`] });
  const oidc = { enabled: true, displayName: "Acme SSO", discoveryUrl: idp.discoveryUrl, clientId: idp.clientId };
  const tenant = await createConfiguredTenant(
    slug,
    { authMethods: { oidc } },
    { "oidc.clientSecret": idp.clientSecret },
  );
  return { tenant, idp };
}

/** The tenant's audit entries of one type, as rows with their parsed data. */
async function auditEvents(
  tenantId: string,
  type: string,
): Promise<{ actorLabel: string | null; data: Record<string, unknown> }[]> {
  const out = await withControlDb(`
    const rows = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(tenantId)}, type: ${JSON.stringify(type)} } });
    console.log(JSON.stringify(rows.map((row) => ({ actorLabel: row.actorLabel, data: JSON.parse(row.data) }))));`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as { actorLabel: string | null; data: Record<string, unknown> }[];
}

/** Marks a user's email verified in the tenant's database (as the email-verification flow would). */
async function markEmailVerified(tenantId: string, email: string) {
  await withControlDb(`
    const connection = await storage.openTenantDatabase(${JSON.stringify(tenantId)});
    try { await connection.db.user.update({ where: { email: ${JSON.stringify(email)} }, data: { emailVerified: true } }); }
    finally { await connection.close(); }`);
}

test.describe("OpenID Connect sign-in", () => {
  test("a new user signs up through the provider without JavaScript, and signs in again to the same account", async ({
    browser,
    extraHTTPHeaders,
    uniqueEmail,
  }) => {
    const { tenant, idp } = await tenantWithOidc();
    const context = await browser.newContext({ baseURL, extraHTTPHeaders, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const email = uniqueEmail("sso");
      await page.goto(`/t/${tenant.slug}/sign-in`);
      await page.getByRole("button", { name: BUTTON }).click();
      await signInAtProvider(page, idp, email);
      await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
      await expect(page.getByTestId("account-email")).toHaveText(email);
      await expect(page.getByTestId("account-name")).toHaveText(`OIDC ${email.split("@")[0]}`);

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(`/t/${tenant.slug}/sign-in`);
      // The provider remembers the login (it may ask to consent again); the same account is signed in.
      await page.getByRole("button", { name: BUTTON }).click();
      await page.waitForURL((url) => url.pathname.endsWith("/account") || url.origin === idp.issuer);
      if (page.url().startsWith(idp.issuer)) await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
      await expect(page.getByTestId("account-email")).toHaveText(email);
      await expect
        .poll(async () => (await auditEvents(tenant.id, "user.created")).map((event) => event.actorLabel), AUDIT_POLL)
        .toEqual([email]);
    } finally {
      await context.close();
      await idp.close();
    }
  });

  test("signing in with the provider joins the existing password account with the same verified email", async ({
    page,
    apiSignUp,
    uniqueEmail,
  }) => {
    const { tenant, idp } = await tenantWithOidc();
    try {
      const email = uniqueEmail("existing");
      await apiSignUp(tenant.slug, { name: "Existing Person", email });
      await markEmailVerified(tenant.id, email);
      await page.goto(
        `/t/${tenant.slug}/sign-in?redirectTo=${encodeURIComponent(`/t/${tenant.slug}/account?from=sso`)}`,
      );
      await page.getByRole("button", { name: BUTTON }).click();
      await signInAtProvider(page, idp, email);
      // The safe redirectTo is honoured after the provider round trip.
      await expect(page).toHaveURL(`/t/${tenant.slug}/account?from=sso`);
      await expect(page.getByTestId("account-email")).toHaveText(email);
      await expect(page.getByTestId("account-name")).toHaveText("Existing Person");
      expect(await auditEvents(tenant.id, "user.created")).toHaveLength(1);
    } finally {
      await idp.close();
    }
  });

  test("an existing account whose email is not verified is not taken over: the error page explains and the attempt is audited", async ({
    page,
    apiSignUp,
    uniqueEmail,
  }) => {
    const { tenant, idp } = await tenantWithOidc();
    try {
      const email = uniqueEmail("local");
      await apiSignUp(tenant.slug, { name: "Someone Else", email });
      await page.goto(`/t/${tenant.slug}/sign-in`);
      await page.getByRole("button", { name: BUTTON }).click();
      await signInAtProvider(page, idp, email);
      await expect(page).toHaveURL(new RegExp(`/t/${tenant.slug}/sign-in/error\\?error=account_not_linked`));
      await expect(page.getByRole("heading", { name: "We could not sign you in" })).toBeVisible();
      await expect(page.getByRole("alert")).toContainText("An account with this email address already exists here");
      await expect(page.getByRole("alert")).toContainText("Sign in the way you usually do.");
      await expect
        .poll(async () => (await auditEvents(tenant.id, "sign_in.failed")).map((event) => event.data), AUDIT_POLL)
        .toEqual([{ code: "account_not_linked", provider: "oidc" }]);
    } finally {
      await idp.close();
    }
  });

  test("a callback with a forged state shows the error page, not a server error, and lands in the audit log", async ({
    page,
  }) => {
    const { tenant, idp } = await tenantWithOidc();
    try {
      const response = await page.goto(`/t/${tenant.slug}/api/auth/callback/oidc?code=stolen-code&state=forged-state`);
      await expect(page).toHaveURL(new RegExp(`/t/${tenant.slug}/sign-in/error\\?error=state_mismatch`));
      expect(response?.status()).toBe(400);
      await expect(page.getByRole("alert")).toContainText("We could not confirm that this sign-in was started here.");
      await expect(page.getByRole("alert")).toContainText("Start again from the sign-in page.");
      await expect(page.getByText("Error code: state_mismatch")).toBeVisible();
      await page.getByRole("link", { name: "Back to sign in" }).click();
      await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
      await expect
        .poll(async () => (await auditEvents(tenant.id, "sign_in.failed")).map((event) => event.data), AUDIT_POLL)
        .toEqual([{ code: "state_mismatch", provider: "oidc" }]);
    } finally {
      await idp.close();
    }
  });
});

test("provider buttons show only for enabled, configured providers; client secrets never reach the page or config.json", async ({
  page,
  request,
}) => {
  const googleSecret = "google-secret-that-must-not-leak";
  const tenant = await createConfiguredTenant(uniqueSlug("social"), {
    authMethods: {
      google: { enabled: true, clientId: "1234.apps.googleusercontent.com" },
      github: { enabled: false, clientId: "gh-client" },
      discord: { enabled: true },
    },
  });
  await page.goto(`/t/${tenant.slug}/sign-in`);
  // Google has no secret yet, GitHub is off, Discord has nothing: no buttons at all.
  await expect(page.getByRole("button", { name: /^Continue with/ })).toHaveCount(0);

  await withControlDb(`
    await tenants.setSecret(${JSON.stringify(tenant.slug)}, "google.clientSecret", ${JSON.stringify(googleSecret)});
    await tenants.setSecret(${JSON.stringify(tenant.slug)}, "github.clientSecret", "github-secret-that-must-not-leak");`);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await page.goto(`/t/${tenant.slug}/sign-in`);
  await expect(page.getByRole("button", { name: /^Continue with/ })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Continue with Google" })).toBeVisible();
  await page.goto(`/t/${tenant.slug}/sign-up`);
  await expect(page.getByRole("button", { name: "Continue with Google" })).toBeVisible();
  expect(await page.content()).not.toContain("must-not-leak");

  const config = await request.get(`/t/${tenant.slug}/config.json`);
  const body = await config.text();
  expect(Object.keys((JSON.parse(body) as { authMethods: object }).authMethods)).toEqual(
    expect.arrayContaining(["google", "discord"]),
  );
  expect(body).not.toContain("must-not-leak");
  expect(body).not.toContain("clientSecret");

  // The Google button starts Google's flow with the tenant's callback URL.
  await page.goto(`/t/${tenant.slug}/sign-in`);
  const redirect = page.waitForRequest((req) => req.url().startsWith("https://accounts.google.com/"));
  await page.getByRole("button", { name: "Continue with Google" }).click();
  const authorize = new URL((await redirect).url());
  expect(authorize.searchParams.get("client_id")).toBe("1234.apps.googleusercontent.com");
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${baseURL}/t/${tenant.slug}/api/auth/callback/google`);
});

test("each provider's button shows that provider's own mark, GitHub's in the button's text colour", async ({
  page,
}) => {
  const tenant = await createConfiguredTenant(
    uniqueSlug("marks"),
    {
      authMethods: {
        github: { enabled: true, clientId: "gh-client" },
        microsoft: { enabled: true, clientId: "ms-client" },
      },
    },
    { "github.clientSecret": "gh-secret", "microsoft.clientSecret": "ms-secret" },
  );
  await page.goto(`/t/${tenant.slug}/sign-in`);
  const github = page.getByRole("button", { name: "Continue with GitHub" });
  // The Octocat (Simple Icons' path), not a letter on a square.
  await expect(github.locator("svg path")).toHaveAttribute("d", /^M12 \.297c-6\.63 0-12 5\.373-12 12/);
  await expect(github.locator("svg text")).toHaveCount(0);
  const fill = await github.locator("svg path").evaluate((path) => getComputedStyle(path).fill);
  expect(fill).toBe(await github.evaluate((button) => getComputedStyle(button).color));
  // Microsoft's four squares in its four colours.
  const squares = page.getByRole("button", { name: "Continue with Microsoft" }).locator("svg path");
  expect(await squares.evaluateAll((paths) => paths.map((path) => path.getAttribute("fill")))).toEqual([
    "#F25022",
    "#7FBA00",
    "#00A4EF",
    "#FFB900",
  ]);
});

consoleTest.describe("the console's social entries", () => {
  // A platform account and a tenant are created through the CLI and the API first.
  consoleTest.describe.configure({ timeout: 90_000 });

  consoleTest("show the callback URL to copy and keep the client secret write-only", async ({ page, ownedTenant }) => {
    const secret = "console-google-secret-never-shown";
    await page.goto(`/admin/${ownedTenant.slug}/auth-methods`);
    await expect(page.getByTestId("callback-url-google")).toHaveValue(
      `${baseURL}/t/${ownedTenant.slug}/api/auth/callback/google`,
    );
    await expect(page.getByTestId("callback-url-oidc")).toHaveValue(
      `${baseURL}/t/${ownedTenant.slug}/api/auth/callback/oidc`,
    );

    const settings = page.getByRole("form", { name: "Google settings" });
    await settings.getByLabel("Client ID").fill("console.apps.googleusercontent.com");
    await settings.getByLabel("Client secret (not set)").fill(secret);
    await settings.getByRole("button", { name: "Save google settings" }).click();
    await expect(page.getByRole("status")).toHaveText(/Google settings saved/);
    await expect(settings.getByLabel("Client secret (set)")).toHaveValue("");
    expect(await page.content()).not.toContain(secret);

    // Saving again without typing the secret keeps it: switched on, the button appears.
    await settings.getByRole("button", { name: "Save google settings" }).click();
    await expect(page.getByRole("status")).toHaveText(/Google settings saved/);
    await page.getByRole("switch", { name: "Google" }).click();
    await expect(page.getByRole("status")).toHaveText(/Google turned on/);
    const hosted = await page.context().newPage();
    await hosted.goto(`/t/${ownedTenant.slug}/sign-in`);
    await expect(hosted.getByRole("button", { name: "Continue with Google" })).toBeVisible();
    expect(await hosted.content()).not.toContain(secret);
  });
});
