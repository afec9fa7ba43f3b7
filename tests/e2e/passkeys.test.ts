/**
 * Passkeys with Chromium's virtual authenticator (DevTools WebAuthn domain): register one on
 * the account page, sign in with it, rename and delete it, and see another tenant refuse it.
 */
import type { Page } from "@playwright/test";
import { createTenant, expect, patchTenantConfig, signUp, test, uniqueSlug, withControlDb } from "./fixtures";
import { addVirtualAuthenticator } from "./second-factors";

// Tenant set-up goes through the CLI (a process per call) on a shared 2-core runner.
test.describe.configure({ timeout: 90_000 });

async function tenantWithPasskeys(name: string) {
  const tenant = await createTenant(uniqueSlug("pk"), name);
  await patchTenantConfig(tenant.slug, { authMethods: { passkey: { enabled: true } } });
  return tenant;
}

async function registerPasskey(page: Page) {
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await expect(page.getByTestId("passkey")).toHaveCount(1);
}

async function signOut(page: Page, slug: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/t/${slug}/sign-in`);
}

test("register a passkey on the account page, sign out and sign in with the passkey button", async ({
  page,
  uniqueEmail,
}) => {
  // A browser without passkey autofill, so that only the button can sign in.
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
  const tenant = await tenantWithPasskeys("Passkey Co");
  await addVirtualAuthenticator(page);
  const email = uniqueEmail("passkey");
  await signUp(page, tenant.slug, { name: "Pat Key", email });
  await registerPasskey(page);
  await expect(page.getByTestId("passkey")).toContainText("Passkey");

  await signOut(page, tenant.slug);
  await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("the email field's autofill offers the passkey and signs in with it", async ({ page, uniqueEmail }) => {
  const tenant = await tenantWithPasskeys("Autofill Co");
  await addVirtualAuthenticator(page);
  const email = uniqueEmail("autofill");
  await signUp(page, tenant.slug, { name: "Otto Fill", email });
  await registerPasskey(page);

  const sessionToken = async () =>
    (await page.context().cookies()).find((cookie) => cookie.name.endsWith(".session_token"))?.value;
  const before = await sessionToken();
  // Signing out lands on the sign-in page, whose email field asks the browser for passkey
  // suggestions; the virtual authenticator answers that request as a user picking one would,
  // so the user is back on the account page, in a new session, without clicking anything.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(async () => ((await sessionToken()) ?? before) !== before, { timeout: 15_000 }).toBe(true);
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("rename and delete a passkey", async ({ page, uniqueEmail }) => {
  const tenant = await tenantWithPasskeys("Rename Co");
  await addVirtualAuthenticator(page);
  await signUp(page, tenant.slug, { name: "Ren Ame", email: uniqueEmail("rename") });
  await registerPasskey(page);

  const name = page.getByLabel("Name of Passkey");
  await name.fill("   ");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("alert")).toHaveText("Enter a name for the passkey (at most 64 characters).");

  await page.getByLabel("Name of Passkey").fill("Work laptop");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Passkey renamed.")).toBeVisible();
  await expect(page.getByTestId("passkey").getByText("Work laptop", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Delete Work laptop" }).click();
  await expect(page.getByText("Passkey deleted.")).toBeVisible();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await expect(page.getByTestId("passkey")).toHaveCount(0);
});

test("a passkey made for one tenant is refused by another, with a clear message", async ({ page, uniqueEmail }) => {
  const first = await tenantWithPasskeys("First Tenant");
  const second = await tenantWithPasskeys("Second Tenant");
  await addVirtualAuthenticator(page);
  await signUp(page, first.slug, { name: "Iso Lated", email: uniqueEmail("isolated") });
  await registerPasskey(page);

  // Both tenants live on the shared host, so the browser offers the first tenant's passkey here.
  await page.goto(`/t/${second.slug}/sign-in`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "This passkey does not belong to an account at Second Tenant. Use a passkey you created here, or sign in another way.",
  );
  await expect(page).toHaveURL(`/t/${second.slug}/sign-in`);
  expect((await page.request.get(`/t/${second.slug}/api/auth/get-session`).then((r) => r.json())) ?? null).toBeNull();

  // The refusal is in the second tenant's audit log (each poll starts a process: allow for a busy runner).
  await expect
    .poll(
      async () => {
        const out = await withControlDb(`
        const rows = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(second.id)}, type: "sign_in.failed" } });
        console.log(JSON.stringify(rows.map((row) => row.data)));`);
        return out;
      },
      { timeout: 30_000 },
    )
    .toContain("PASSKEY_NOT_FOUND");
});

test("the sign-in page offers no passkey button when the tenant has passkeys off", async ({ page }) => {
  const tenant = await createTenant(uniqueSlug("pk-off"));
  await addVirtualAuthenticator(page);
  await page.goto(`/t/${tenant.slug}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
  const options = await page.request.get(`/t/${tenant.slug}/api/auth/passkey/generate-authenticate-options`);
  expect(options.status()).toBe(404);
});
