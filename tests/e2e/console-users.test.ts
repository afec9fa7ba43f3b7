/**
 * The console's Users section: create, search, ban, sessions, password reset, impersonation,
 * delete; the hosted forgot/reset-password pages; and who may do what.
 */
import type { Page } from "@playwright/test";
import { addMember, expect, openUser, PASSWORD, test, uniqueSlug, userBrowser } from "./console-fixtures";
import { baseURL, createTenant, expectFieldError, fillSignIn, latestMailText, signIn } from "./fixtures";

// Each journey spans several browsers and many page loads.
test.describe.configure({ timeout: 60_000 });

async function toast(page: Page, text: string | RegExp) {
  await expect(page.getByText(text)).toBeVisible();
}

/** The newest email to `to`, as delivered. */
const latestEmailText = latestMailText;

async function resetLinkFor(email: string): Promise<string> {
  let text: string | undefined;
  await expect.poll(async () => (text = await latestEmailText(email)), { timeout: 10_000 }).toContain("reset-password");
  return /https?:\/\/\S+\/reset-password\/\S+/.exec(text!)![0];
}

test("an admin creates a user, finds them by email or name, and the user signs in", async ({
  page,
  browser,
  ownedTenant,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("created");
  await page.goto(`/admin/${slug}/users`);
  await expect(page.getByText("No users yet")).toBeVisible();

  await page.getByText("New user").click();
  // Bad input is shown on the field, and nothing is created.
  await page.getByLabel("Name", { exact: true }).fill("Grace Created");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expectFieldError(page, "Email", "Enter a valid email address, like name@example.com.");
  await expectFieldError(page, "Password", "Use at least 8 characters.");

  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/${slug}/users/[^/]+$`));
  await toast(page, `${email} was created.`);
  await expect(page.getByRole("heading", { name: "Grace Created" })).toBeVisible();
  await expect(page.getByText("Email and password")).toBeVisible();

  // The same email again is refused on the field.
  await page.goto(`/admin/${slug}/users`);
  await page.getByText("New user").click();
  await page.getByLabel("Name", { exact: true }).fill("Twin");
  await page.getByLabel("Email", { exact: true }).fill(email.toUpperCase());
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expectFieldError(page, "Email", "A user with this email already exists.");

  const table = page.getByRole("table", { name: "Users" });
  for (const q of [email.slice(0, 12).toUpperCase(), "grace creat"]) {
    await page.getByLabel("Search users").fill(q);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\?q=/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").nth(1)).toContainText(email);
    await expect(table.getByRole("row").nth(1)).toContainText("Active");
  }
  await page.getByLabel("Search users").fill("nobody-like-this");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No users match “nobody-like-this”")).toBeVisible();

  const user = await userBrowser(browser);
  await signIn(user, slug, { email });
  await user.context().close();
});

test("the list pages forward and back with cursors", async ({ page, ownedTenant }) => {
  const { slug } = ownedTenant;
  const tag = uniqueSlug("pg");
  // 27 users (one full page of 25 and a second page of 2), through the create form's action.
  for (let i = 0; i < 27; i++) {
    const email = `${tag}-${String(i).padStart(2, "0")}@example.com`;
    const form = { intent: "create-user", name: `Pager ${i}`, email, password: PASSWORD };
    expect((await page.request.post(`/admin/${slug}/users`, { form })).status()).toBe(200);
  }
  await page.goto(`/admin/${slug}/users`);
  await expect(page.getByText("27 users in this tenant")).toBeVisible();
  const rows = page.getByRole("table", { name: "Users" }).getByRole("row");
  await expect(rows).toHaveCount(26);
  await expect(page.getByRole("link", { name: "← Previous" })).toHaveCount(0);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(`${tag}-26@example.com`);
  await expect(page.getByRole("link", { name: "Next →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(rows).toHaveCount(26);
  await expect(rows.nth(1)).toContainText(`${tag}-00@example.com`);
  await expect(page.getByRole("link", { name: "← Previous" })).toHaveCount(0);
});

test("a ban signs the user out and the hosted sign-in says the account is suspended; unban lets them in", async ({
  page,
  browser,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("banned");
  await apiSignUp(slug, { name: "Mallory", email });
  const user = await userBrowser(browser);
  await signIn(user, slug, { email });

  await openUser(page, slug, email);
  // The sign-up's own session and the browser's.
  await expect(page.getByRole("table", { name: "Active sessions" }).getByRole("row")).toHaveCount(3);
  await page.getByLabel("Reason").fill("Chargeback fraud");
  await page.getByLabel("Duration").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Ban user" }).click();
  await toast(page, new RegExp(`${email} is banned until .* UTC; their sessions were ended.`));
  await expect(page.getByText("Banned", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Reason: Chargeback fraud/)).toBeVisible();
  await expect(page.getByText("No active sessions")).toBeVisible();
  await page.goto(`/admin/${slug}/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").nth(1)).toContainText("Banned");

  // Their browser is signed out, and signing in again explains why it fails.
  await user.goto(`/t/${slug}/account`);
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
  await fillSignIn(user, { email });
  await expect(user.getByRole("alert")).toContainText(
    /Your account is suspended until .* UTC\. Reason: Chargeback fraud/,
  );
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/sign-in`));

  await openUser(page, slug, email);
  await page.getByRole("button", { name: "Unban user" }).click();
  await toast(page, `${email} can sign in again.`);
  await signIn(user, slug, { email });
  await user.context().close();
});

test("revoking one session or all of them signs those browsers out", async ({
  page,
  browser,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("sessions");
  await apiSignUp(slug, { name: "Sam Sessions", email });
  const laptop = await userBrowser(browser);
  await signIn(laptop, slug, { email });
  const phone = await userBrowser(browser);
  await signIn(phone, slug, { email });

  await openUser(page, slug, email);
  const sessions = page.getByRole("table", { name: "Active sessions" }).getByRole("row");
  // The sign-up's own session, the laptop's and the phone's.
  await expect(sessions).toHaveCount(4);
  // Newest first: the phone's session.
  await sessions
    .nth(1)
    .getByRole("button", { name: /Revoke session/ })
    .click();
  await toast(page, "Session revoked.");
  await expect(sessions).toHaveCount(3);
  await phone.goto(`/t/${slug}/account`);
  await expect(phone).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
  await laptop.reload();
  await expect(laptop.getByTestId("account-email")).toHaveText(email);

  await page.getByRole("button", { name: "Revoke all sessions" }).click();
  await toast(page, `${email} was signed out everywhere.`);
  await expect(page.getByText("No active sessions")).toBeVisible();
  await laptop.reload();
  await expect(laptop).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
  await Promise.all([laptop.context().close(), phone.context().close()]);
});

test("a password reset sent from the console works once, without JavaScript", async ({
  page,
  browser,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("reset");
  await apiSignUp(slug, { name: "Rita Reset", email });
  await openUser(page, slug, email);
  await page.getByRole("button", { name: "Send password reset" }).click();
  await toast(page, `A password reset email was sent to ${email}.`);
  const link = await resetLinkFor(email);

  const user = await userBrowser(browser, { javaScriptEnabled: false });
  await user.goto(link);
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/reset-password\\?token=`));
  await user.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await user.getByLabel("Confirm new password").fill("a-different-password");
  await user.getByRole("button", { name: "Set new password" }).click();
  await expectFieldError(user, "Confirm new password", "The two passwords do not match.");
  await user.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await user.getByLabel("Confirm new password").fill("a-brand-new-password");
  await user.getByRole("button", { name: "Set new password" }).click();
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/sign-in\\?reset=done`));
  await expect(user.getByText("Your password was changed. Sign in with your new password.")).toBeVisible();
  await fillSignIn(user, { email, password: PASSWORD });
  await expect(user.getByText("Incorrect email or password.")).toBeVisible();
  await signIn(user, slug, { email, password: "a-brand-new-password" });

  // The link was spent.
  await user.goto(link);
  await expect(user.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(user.getByText(/invalid, has expired or was already used/)).toBeVisible();
  await user.getByRole("link", { name: "Send a new link" }).click();
  await expect(user).toHaveURL(new RegExp(`/t/${slug}/forgot-password`));
  await user.context().close();
});

test("a user asks for a reset link on the hosted page, which never reveals who has an account", async ({
  browser,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("forgot");
  await apiSignUp(slug, { name: "Fred Forgot", email });
  const user = await userBrowser(browser, { javaScriptEnabled: false });
  await user.goto(`/t/${slug}/sign-in`);
  await user.getByRole("link", { name: "Forgot password?" }).click();
  await user.getByLabel("Email").fill("not an email");
  await user.getByRole("button", { name: "Send reset link" }).click();
  await expectFieldError(user, "Email", "Enter a valid email address, like name@example.com.");
  for (const address of [uniqueEmail("nobody"), email]) {
    await user.goto(`/t/${slug}/forgot-password`);
    await user.getByLabel("Email").fill(address);
    await user.getByRole("button", { name: "Send reset link" }).click();
    await expect(user.getByRole("status")).toContainText(`If an account exists for ${address}, we sent it a link`);
  }
  const link = await resetLinkFor(email);
  await user.goto(link);
  await user.getByLabel("New password", { exact: true }).fill("forgotten-no-more");
  await user.getByLabel("Confirm new password").fill("forgotten-no-more");
  await user.getByRole("button", { name: "Set new password" }).click();
  await signIn(user, slug, { email, password: "forgotten-no-more" });
  // A made-up token is explained, not a crash.
  await user.goto(
    `/t/${slug}/api/auth/reset-password/made-up-token?callbackURL=${encodeURIComponent(`${baseURL}/t/${slug}/reset-password`)}`,
  );
  await expect(user.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await user.context().close();
});

test("impersonation opens the account page as the user, marked, audited, and can be ended", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("imp");
  await apiSignUp(slug, { name: "Ivy Impersonated", email });
  const userId = await openUser(page, slug, email);
  await page.getByRole("button", { name: "Impersonate user" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByText(`You are signed in as ${email} by an administrator.`)).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await page.goto(`/admin/${slug}/users/${userId}`);
  await expect(page.getByRole("table", { name: "Active sessions" }).getByText("Impersonated")).toBeVisible();
  await page.goto(`/admin/${slug}/audit?type=admin.user.impersonated`);
  await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row").nth(1)).toContainText(email);

  await page.goto(`/t/${slug}/account`);
  await page.getByRole("button", { name: "End impersonation" }).click();
  await expect(page).toHaveURL(`/admin/${slug}/users/${userId}`);
  await toast(page, "Impersonation ended.");
  await expect(page.getByRole("table", { name: "Active sessions" }).getByText("Impersonated")).toHaveCount(0);
  await page.goto(`/t/${slug}/account`);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in`));
});

test("deleting a user needs their email typed, checked on the server too", async ({
  page,
  browser,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("doomed");
  await apiSignUp(slug, { name: "Dee Doomed", email });
  const userId = await openUser(page, slug, email);

  const forged = await page.request.post(`/admin/${slug}/users/${userId}`, {
    form: { intent: "delete", confirm: "someone-else@example.com" },
  });
  expect(forged.status()).toBe(400);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Dee Doomed" })).toBeVisible();

  const deleteButton = page.getByRole("button", { name: "Delete user" });
  await expect(deleteButton).toBeDisabled();
  await page.getByLabel("To confirm, type").fill(email);
  await deleteButton.click();
  await expect(page).toHaveURL(`/admin/${slug}/users`);
  await toast(page, `${email} was deleted.`);
  expect((await page.request.get(`/admin/${slug}/users/${userId}`)).status()).toBe(404);

  const user = await userBrowser(browser);
  await user.goto(`/t/${slug}/sign-in`);
  await fillSignIn(user, { email });
  await expect(user.getByText("Incorrect email or password.")).toBeVisible();
  await user.context().close();
});

const CHANGES: Record<string, string>[] = [
  { intent: "ban", reason: "viewer says so", duration: "permanent" },
  { intent: "unban" },
  { intent: "revoke-all-sessions" },
  { intent: "send-password-reset" },
  { intent: "impersonate" },
  { intent: "delete" },
];

test("a viewer sees users but every change is refused with 403 and audited", async ({
  page,
  ownedTenant,
  otherAccount,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("watched");
  await apiSignUp(slug, { name: "Wendy Watched", email });
  const userId = await openUser(page, slug, email);
  const { page: viewer, account } = await otherAccount("viewer", slug);

  await viewer.goto(`/admin/${slug}/users`);
  await expect(viewer.getByRole("link", { name: email })).toBeVisible();
  await expect(viewer.getByText("New user")).toHaveCount(0);
  await viewer.getByRole("link", { name: email }).click();
  await expect(viewer.getByRole("heading", { name: "Wendy Watched" })).toBeVisible();
  for (const name of ["Ban user", "Send password reset", "Impersonate user", "Delete user"])
    await expect(viewer.getByRole("button", { name })).toHaveCount(0);

  const created = await viewer.request.post(`/admin/${slug}/users`, {
    form: { intent: "create-user", name: "Sneaky", email: uniqueEmail("sneaky"), password: PASSWORD },
  });
  expect(created.status()).toBe(403);
  for (const form of CHANGES) {
    const response = await viewer.request.post(`/admin/${slug}/users/${userId}`, { form: { ...form, confirm: email } });
    expect(response.status(), form.intent).toBe(403);
  }

  await page.goto(`/admin/${slug}/users`);
  await expect(page.getByText("1 user in this tenant")).toBeVisible();
  await page.goto(`/admin/${slug}/users/${userId}`);
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await page.goto(`/admin/${slug}/audit?type=admin.&actor=${encodeURIComponent(account.email)}`);
  const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
  await expect(rows).toHaveCount(CHANGES.length + 2);
  await expect(rows.filter({ hasText: "admin.denied" })).toHaveCount(CHANGES.length + 1);
});

test("a non-member gets 404 for every users page and action", async ({
  page,
  ownedTenant,
  otherAccount,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const email = uniqueEmail("private");
  await apiSignUp(slug, { name: "Pat Private", email });
  const userId = await openUser(page, slug, email);
  const { page: stranger } = await otherAccount("none", slug);
  for (const url of [`/admin/${slug}/users`, `/admin/${slug}/users?q=a`, `/admin/${slug}/users/${userId}`]) {
    expect((await stranger.request.get(url)).status(), url).toBe(404);
  }
  const created = await stranger.request.post(`/admin/${slug}/users`, {
    form: { intent: "create-user", name: "Sneaky", email: uniqueEmail("sneaky"), password: PASSWORD },
  });
  expect(created.status()).toBe(404);
  for (const form of CHANGES) {
    const response = await stranger.request.post(`/admin/${slug}/users/${userId}`, {
      form: { ...form, confirm: email },
    });
    expect(response.status(), form.intent).toBe(404);
  }
  await page.goto(`/admin/${slug}/users/${userId}`);
  await expect(page.getByRole("heading", { name: "Pat Private" })).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
});

test("another tenant's user and session ids are refused with 404", async ({
  page,
  browser,
  platformAccount,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const home = ownedTenant.slug;
  const other = await createTenant(uniqueSlug("other"));
  await addMember(other.slug, platformAccount.email, "owner");
  const homeEmail = uniqueEmail("home");
  const otherEmail = uniqueEmail("elsewhere");
  await apiSignUp(home, { name: "Home User", email: homeEmail });
  await apiSignUp(other.slug, { name: "Other User", email: otherEmail });
  const otherBrowser = await userBrowser(browser);
  await signIn(otherBrowser, other.slug, { email: otherEmail });

  const homeUserId = await openUser(page, home, homeEmail);
  const otherUserId = await openUser(page, other.slug, otherEmail);
  const otherSessionId = await page.locator('input[name="sessionId"]').first().getAttribute("value");
  expect(otherSessionId).toMatch(/^\S{10,}$/);

  expect((await page.request.get(`/admin/${home}/users/${otherUserId}`)).status()).toBe(404);
  for (const form of CHANGES) {
    const response = await page.request.post(`/admin/${home}/users/${otherUserId}`, {
      form: { ...form, confirm: otherEmail },
    });
    expect(response.status(), form.intent).toBe(404);
  }
  const revoke = await page.request.post(`/admin/${home}/users/${homeUserId}`, {
    form: { intent: "revoke-session", sessionId: otherSessionId! },
  });
  expect(revoke.status()).toBe(404);

  await otherBrowser.reload();
  await expect(otherBrowser.getByTestId("account-email")).toHaveText(otherEmail);
  await page.goto(`/admin/${other.slug}/users/${otherUserId}`);
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await otherBrowser.context().close();
});
