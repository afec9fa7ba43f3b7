/**
 * Several accounts signed in on one browser (multi-session): add another account, switch
 * between them and sign one out, from the hosted account page.
 */
import { createTenant, expect, fillSignIn, patchTenantConfig, signUp, test, uniqueSlug } from "./fixtures";

test("two accounts in one browser: add, switch, sign one out", async ({ page, apiSignUp, uniqueEmail }) => {
  const { slug } = await createTenant(uniqueSlug("multi"));
  await patchTenantConfig(slug, { authMethods: { multiSession: { enabled: true, maximumSessions: 3 } } });
  const first = { name: "Ada First", email: uniqueEmail("first") };
  const second = { name: "Bea Second", email: uniqueEmail("second") };
  await apiSignUp(slug, second);
  await signUp(page, slug, first);

  const accounts = page.getByTestId("signed-in-account");
  await expect(accounts).toHaveCount(1);
  await expect(accounts.first()).toContainText(`${first.email}· current`);

  await page.getByRole("link", { name: "Add another account" }).click();
  await expect(page).toHaveURL(`/t/${slug}/sign-in?addAccount=1`);
  await expect(page.getByRole("status")).toContainText("You stay signed in to your current account");
  await fillSignIn(page, second);
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(second.email);
  await expect(accounts).toHaveCount(2);
  await expect(accounts.first()).toContainText(second.email);
  await expect(accounts.first()).toContainText("current");

  await page.getByRole("button", { name: `Switch to ${first.email}` }).click();
  await expect(page.getByTestId("account-email")).toHaveText(first.email);
  await expect(accounts.first()).toContainText(`${first.email}· current`);

  // Signing out of the other account leaves the current one signed in.
  await page.getByRole("button", { name: `Sign out of ${second.email}` }).click();
  await expect(page.getByTestId("account-email")).toHaveText(first.email);
  await expect(accounts).toHaveCount(1);
  const sessions = await page.request.get(`/t/${slug}/api/auth/multi-session/list-device-sessions`);
  expect(((await sessions.json()) as { user: { email: string } }[]).map(({ user }) => user.email)).toEqual([
    first.email,
  ]);

  // Signing out of the last one signs the browser out.
  await page.getByRole("button", { name: `Sign out of ${first.email}` }).click();
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
});

test("without multiple sessions the account page offers no account switcher", async ({ page, uniqueEmail }) => {
  const { slug } = await createTenant(uniqueSlug("single"));
  await signUp(page, slug, { name: "Solo", email: uniqueEmail("solo") });
  await expect(page.getByRole("heading", { name: "Accounts on this browser" })).toHaveCount(0);
  // The flag that keeps the current session does nothing either: signed in goes to the account.
  await page.goto(`/t/${slug}/sign-in?addAccount=1`);
  await expect(page).toHaveURL(`/t/${slug}/account`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("adding and switching accounts are plain form posts", async ({ page, apiSignUp, uniqueEmail }) => {
    const { slug } = await createTenant(uniqueSlug("multi"));
    await patchTenantConfig(slug, { authMethods: { multiSession: { enabled: true } } });
    const first = { name: "Ada First", email: uniqueEmail("first") };
    const second = { name: "Bea Second", email: uniqueEmail("second") };
    await apiSignUp(slug, second);
    await signUp(page, slug, first);

    await page.getByRole("link", { name: "Add another account" }).click();
    await fillSignIn(page, second);
    await expect(page).toHaveURL(`/t/${slug}/account`);
    await expect(page.getByTestId("account-email")).toHaveText(second.email);

    await page.getByRole("button", { name: `Switch to ${first.email}` }).click();
    await expect(page).toHaveURL(`/t/${slug}/account`);
    await expect(page.getByTestId("account-email")).toHaveText(first.email);
    await expect(page.getByTestId("signed-in-account")).toHaveCount(2);
  });
});
