/**
 * The admin console as one person uses it end to end: a new platform account creates a
 * tenant, switches a method off and sees the hosted page change, then creates, bans,
 * impersonates and deletes a user, and finds every step in the audit log.
 */
import { expect, PASSWORD, platformSignUp, test, uniqueSlug } from "./console-fixtures";

test.describe.configure({ timeout: 120_000 });

test("from platform sign-up to a full user lifecycle, every step in the audit log", async ({
  page,
  browser,
  uniqueEmail,
  baseURL,
  extraHTTPHeaders,
}) => {
  await platformSignUp(
    page.request,
    { name: "Jo Journey", email: uniqueEmail("journey-admin") },
    new URL(baseURL!).origin,
  );

  // A new tenant, created in the console.
  const slug = uniqueSlug("journey");
  await page.goto("/admin");
  await page.getByLabel("Name", { exact: true }).fill("Journey Co");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page).toHaveURL(`/admin/${slug}`);

  // Sign-up through email and password switched off: the hosted sign-up page says so.
  await page.goto(`/admin/${slug}/auth-methods`);
  await page.getByRole("switch", { name: "Email and password" }).click();
  await expect(page.getByRole("switch", { name: "Email and password" })).toHaveAttribute("aria-checked", "false");
  const visitor = await browser.newPage({ baseURL, extraHTTPHeaders });
  await visitor.goto(`/t/${slug}/sign-up`);
  await expect(visitor.getByRole("heading", { name: "Sign-up is not available" })).toBeVisible();
  await page.getByRole("switch", { name: "Email and password" }).click();
  await expect(page.getByRole("switch", { name: "Email and password" })).toHaveAttribute("aria-checked", "true");
  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: "Create your account" })).toBeVisible();

  // A user created by the admin.
  const email = uniqueEmail("journey-user");
  await page.goto(`/admin/${slug}/users`);
  await page.getByText("New user").click();
  await page.getByLabel("Name", { exact: true }).fill("Uma User");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "Uma User" })).toBeVisible();
  const userPage = page.url();

  // Banned: the user cannot sign in and is told why.
  await page.getByLabel("Reason").fill("Journey test ban");
  await page.getByRole("button", { name: "Ban user" }).click();
  await visitor.goto(`/t/${slug}/sign-in`);
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByLabel("Password").fill(PASSWORD);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByRole("alert")).toContainText("Journey test ban");
  await page.goto(userPage);
  await page.getByRole("button", { name: "Unban user" }).click();
  await expect(page.getByRole("button", { name: "Ban user" })).toBeVisible();

  // Impersonated: the admin sees the hosted account page as the user, clearly marked.
  await page.getByRole("button", { name: "Impersonate user" }).click();
  await expect(page.getByText(`You are signed in as ${email} by an administrator.`)).toBeVisible();
  await page.getByRole("button", { name: "End impersonation" }).click();
  await expect(page).toHaveURL(userPage.replace(baseURL!, ""));

  // Deleted, with the email typed to confirm.
  await page.getByLabel("To confirm, type").fill(email);
  await page.getByRole("button", { name: "Delete user" }).click();
  await expect(page).toHaveURL(`/admin/${slug}/users`);

  // The audit log tells the story, newest first.
  await page.goto(`/admin/${slug}/audit?type=admin.`);
  const types = await page.getByRole("table", { name: "Audit events" }).getByRole("row").allInnerTexts();
  for (const type of [
    "admin.config.updated",
    "admin.user.created",
    "admin.user.banned",
    "admin.user.unbanned",
    "admin.user.impersonated",
    "admin.user.deleted",
  ]) {
    expect(
      types.some((row) => row.includes(type)),
      `${type} in the audit log`,
    ).toBe(true);
  }
  await page.goto(`/admin/${slug}/audit?type=sign_in.failed`);
  await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row")).toHaveCount(2);
  await visitor.close();
});
