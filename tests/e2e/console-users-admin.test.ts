/**
 * The console's Users section for daily use (issue 21): editing a user's profile and marking
 * the email verified, filters kept in the URL, bulk actions on the ticked rows, and the resets
 * of a user's two-factor and passkeys, each proven from the user's side as well.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createUser, expect, openUser, PASSWORD, test, uniqueSlug, userBrowser } from "./console-fixtures";
import { baseURL, fillSignIn, patchTenantConfig, signIn, signUp } from "./fixtures";
import { addVirtualAuthenticator, withoutPasskeyAutofill } from "../support/virtual-authenticator";
import { turnOnTotp } from "./second-factors";

// Each journey spans several browsers and many page loads.
test.describe.configure({ timeout: 90_000 });

const toast = (page: Page, text: string | RegExp) =>
  expect(page.getByText(text, { exact: typeof text === "string" })).toBeVisible();

/** A console card, by its heading. */
const card = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("an admin edits a user's name, email and metadata, and marks the email verified", async ({
  page,
  browser,
  ownedTenant,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("edit");
  const id = await createUser(page, slug, "Grace Draft", email);
  await page.goto(`/admin/${slug}/users/${id}`);
  const profile = card(page, "Profile");
  await expect(profile.getByText("Unverified")).toBeVisible();
  await page.getByRole("button", { name: "Mark email verified" }).click();
  await toast(page, `${email} is marked as verified.`);
  await expect(profile.getByText("Verified", { exact: true })).toBeVisible();

  const newEmail = uniqueEmail("edited");
  await page.getByLabel("Name", { exact: true }).fill("Grace Edited");
  await page.getByLabel("Email", { exact: true }).fill(newEmail);
  await page.getByLabel("Public metadata").fill('{"plan": pro}');
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByLabel("Public metadata")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/^Public metadata is not valid JSON: .+/)).toBeVisible();
  // What was typed stays, and nothing was saved.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Grace Edited");
  await expect(page.getByRole("heading", { name: "Grace Draft" })).toBeVisible();

  await page.getByLabel("Public metadata").fill('{"plan": "pro"}');
  await page.getByRole("button", { name: "Save profile" }).click();
  await toast(page, "Profile saved. The new email address is unverified.");
  await expect(page.getByRole("heading", { name: "Grace Edited" })).toBeVisible();
  await expect(profile.getByText(newEmail)).toBeVisible();
  await expect(profile.getByText("Unverified")).toBeVisible();
  await expect(page.getByLabel("Public metadata")).toHaveValue('{\n  "plan": "pro"\n}');

  // The same save again with the box ticked vouches for the new address.
  await page.getByLabel("Email address verified").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await toast(page, "Profile saved.");
  await expect(profile.getByText("Verified", { exact: true })).toBeVisible();

  // The user signs in with the new address; the old one is no longer theirs.
  const user = await userBrowser(browser);
  await signIn(user, slug, { email: newEmail });
  await user.context().close();
});

test("filters combine with the search in the URL, and a bulk ban of 3 users says how many", async ({
  page,
  browser,
  ownedTenant,
}) => {
  const { slug } = ownedTenant;
  const tag = uniqueSlug("flt");
  const emails = ["a", "b", "c", "d"].map((letter) => `${tag}-${letter}@example.com`);
  const ids = [];
  for (const email of emails) ids.push(await createUser(page, slug, `Filter ${email[tag.length + 1]}`, email));
  // d is verified; a signs in (a session started today).
  await page.request.post(`/admin/${slug}/users/${ids[3]}`, { form: { intent: "verify-email" } });
  const user = await userBrowser(browser);
  await signIn(user, slug, { email: emails[0]! });
  await user.context().close();

  const rows = page.getByRole("table", { name: "Users" }).getByRole("row");
  await page.goto(`/admin/${slug}/users`);
  await page.getByLabel("Search users").fill(tag);
  await page.getByLabel("Unverified email").check();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/emailVerified=false/);
  await expect(rows).toHaveCount(4);
  await page.getByLabel("Signed in since").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Search" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(emails[0]!);

  // The filters survive a reload: they are the URL.
  await page.getByLabel("Signed in since").fill("");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).not.toHaveURL(/signedInSince=\d/);
  await page.reload();
  await expect(page.getByLabel("Unverified email")).toBeChecked();
  await expect(page.getByLabel("Search users")).toHaveValue(tag);
  await expect(rows).toHaveCount(4);

  await page.getByRole("checkbox", { name: "Select all on page" }).check();
  for (const email of emails.slice(0, 3)) await expect(page.getByLabel(`Select ${email}`)).toBeChecked();
  await page.getByRole("button", { name: "Ban", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ban 3 users?" })).toBeVisible();
  // Nothing is banned before the confirmation.
  await expect(rows.filter({ hasText: "Banned" })).toHaveCount(0);
  await page.getByRole("button", { name: "Ban 3 users" }).click();
  await toast(page, "3 users banned.");
  await expect(page).toHaveURL(/emailVerified=false/);
  await expect(rows.filter({ hasText: "Banned" })).toHaveCount(3);

  await page.getByLabel("Banned", { exact: true }).check();
  await page.getByLabel("Unverified email").uncheck();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/banned=true/);
  await expect(rows).toHaveCount(4);
  await page.getByLabel("Has two-factor").check();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No users match")).toBeVisible();

  // A banned user is refused at sign-in.
  const banned = await userBrowser(browser);
  await banned.goto(`/t/${slug}/sign-in`);
  await fillSignIn(banned, { email: emails[0]! });
  await expect(banned.getByRole("alert")).toContainText("suspended");
  await banned.context().close();
});

test("resetting a user's two-factor lets them sign in with the password alone", async ({
  page,
  browser,
  ownedTenant,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  await patchTenantConfig(slug, { authMethods: { twoFactor: { enabled: true } } });
  const email = uniqueEmail("lost-phone");
  const user = await userBrowser(browser);
  await signUp(user, slug, { name: "Lost Phone", email });
  await turnOnTotp(user);
  await user.context().clearCookies();
  await user.goto(`/t/${slug}/sign-in`);
  await fillSignIn(user, { email });
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/two-factor`));

  await page.goto(`/admin/${slug}/users?twoFactorEnabled=true`);
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: email })).toContainText(
    "2FA",
  );
  await openUser(page, slug, email);
  const factors = card(page, "Two-factor and passkeys");
  await expect(factors.getByText("On", { exact: true })).toBeVisible();
  await factors.getByText("Reset two-factor…").click();
  await factors.getByRole("button", { name: "Yes, reset two-factor" }).click();
  await toast(page, new RegExp(`Two-factor was reset for ${email}`));
  await expect(factors.getByText("Off", { exact: true })).toBeVisible();

  await user.context().clearCookies();
  await signIn(user, slug, { email });
  await user.context().close();
});

test("removing a user's passkeys signs them out, and the passkey no longer signs in", async ({
  page,
  browser,
  ownedTenant,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  await patchTenantConfig(slug, { authMethods: { passkey: { enabled: true } } });
  const email = uniqueEmail("lost-key");
  const user = await userBrowser(browser);
  // Only the button signs in with a passkey here (no autofill).
  await withoutPasskeyAutofill(user);
  await addVirtualAuthenticator(user);
  await signUp(user, slug, { name: "Lost Key", email });
  await user.getByRole("button", { name: "Add a passkey" }).click();
  await expect(user.getByText("Passkey added.")).toBeVisible();

  await openUser(page, slug, email);
  const factors = card(page, "Two-factor and passkeys");
  await expect(factors.getByText("Passkeys: 1")).toBeVisible();
  await factors.getByText("Remove passkeys…").click();
  await factors.getByRole("button", { name: "Yes, remove all passkeys" }).click();
  await toast(page, new RegExp(`Removed 1 passkey of ${email}; 1 session was ended`));
  await expect(factors.getByText("Passkeys: none")).toBeVisible();

  // Signed out, and the authenticator's credential is no longer accepted.
  await user.goto(`/t/${slug}/account`);
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
  await user.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(user.getByRole("alert")).toBeVisible();
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
  // The password still works.
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill(PASSWORD);
  await user.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(user).toHaveURL(`/t/${slug}/account`);
  await user.context().close();
});

test("bulk actions are refused to viewers and checked on the server", async ({ page, ownedTenant, otherAccount }) => {
  const { slug } = ownedTenant;
  const id = await createUser(page, slug, "Vic Viewed", `${uniqueSlug("vw")}@example.com`);
  const { page: viewer } = await otherAccount("viewer", slug);
  await viewer.goto(`/admin/${slug}/users`);
  await expect(viewer.getByRole("checkbox", { name: /^Select/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Ban", exact: true })).toHaveCount(0);
  const refused = await viewer.request.post(`/admin/${slug}/users`, {
    form: { intent: "bulk", bulkAction: "delete", userId: id, confirmed: "yes" },
  });
  expect(refused.status()).toBe(403);
  const tooMany = new URLSearchParams({ intent: "bulk", bulkAction: "ban", confirmed: "yes" });
  for (let i = 0; i < 101; i++) tooMany.append("userId", `${id}-${i}`);
  const answer = await page.request.post(`/admin/${slug}/users`, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: tooMany.toString(),
  });
  expect(answer.status()).toBe(400);
  await page.goto(`/admin/${slug}/users/${id}`);
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
});

test("without JavaScript, the profile form and a confirmed bulk action still work", async ({
  page,
  browser,
  ownedTenant,
}) => {
  const { slug } = ownedTenant;
  const email = `${uniqueSlug("nojs")}@example.com`;
  const id = await createUser(page, slug, "Nora Script", email);
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const admin = await context.newPage();
  await admin.goto(`/admin/${slug}/users/${id}`);
  await admin.getByLabel("Name", { exact: true }).fill("Nora Plain");
  await admin.getByRole("button", { name: "Save profile" }).click();
  await expect(admin.getByRole("heading", { name: "Nora Plain" })).toBeVisible();

  await admin.goto(`/admin/${slug}/users?q=${encodeURIComponent(email)}`);
  await admin.getByLabel(`Select ${email}`).check();
  await admin.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.getByRole("heading", { name: "Sign out 1 user?" })).toBeVisible();
  await admin.getByRole("button", { name: "Sign out 1 user" }).click();
  await expect(admin.getByText("1 user signed out everywhere.", { exact: true })).toBeVisible();
  await context.close();
});

/** No axe violations, and nothing wider than the window (the page never scrolls sideways). */
async function expectReadable(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("the users list with a bulk confirmation and the user page pass axe at 1280 and 390 px", async ({
  page,
  ownedTenant,
}, testInfo) => {
  const { slug } = ownedTenant;
  const tag = uniqueSlug("a11y");
  const ids = [];
  for (const letter of ["a", "b"])
    ids.push(await createUser(page, slug, `Axe ${letter}`, `${tag}-${letter}@example.com`));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/admin/${slug}/users?q=${tag}&emailVerified=false`);
    await page.getByRole("checkbox", { name: "Select all on page" }).check();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("heading", { name: "Sign out 2 users?" })).toBeVisible();
    await expectReadable(page);
    await page.screenshot({ path: testInfo.outputPath(`console-users-${width}.png`), fullPage: true });

    await page.goto(`/admin/${slug}/users/${ids[0]}`);
    await page.getByLabel("Public metadata").fill("[]");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText('Public metadata must be a JSON object, like {"plan": "pro"}.')).toBeVisible();
    await expectReadable(page);
    await page.screenshot({ path: testInfo.outputPath(`console-user-${width}.png`), fullPage: true });
  }
});
