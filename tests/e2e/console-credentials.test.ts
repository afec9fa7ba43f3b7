/**
 * Issue 13, items 1 and 2: an invitation cannot be hijacked by signing up with the invitee's
 * address, and console roles never read live credentials (reset links) in the outboxes.
 */
import type { Browser, Page } from "@playwright/test";
import { baseURL, expectFieldError, latestMailText, randomClientIp, signIn, withControlDb } from "./fixtures";
import { expect, PASSWORD, platformMailLink, test, VERIFY_LINK } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

const INVITE_LINK = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/;

async function newPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  return context.newPage();
}

async function signUpOnPage(page: Page, name: string, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

const membershipOf = (slug: string, email: string) =>
  withControlDb(`
    const row = await db.membership.findFirst({ where: { tenant: { slug: ${JSON.stringify(slug)} }, user: { email: ${JSON.stringify(email)} } } });
    process.stdout.write(row?.role ?? "none");`);

test("an address squatter never sees or uses an invitation; the real invitee confirms and joins", async ({
  page,
  ownedTenant,
  browser,
  uniqueEmail,
}) => {
  const carol = uniqueEmail("carol");
  await page.goto(`/admin/${ownedTenant.slug}/members`);
  await page.getByLabel("Email").fill(carol);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Admin" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${carol}`);

  // The attacker signs up with carol's address (no mailbox needed to sign up)…
  const attacker = await newPerson(browser);
  await signUpOnPage(attacker, "Not Carol", carol, "attacker-password-1");
  await expect(attacker.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // …but an unconfirmed account is granted nothing: no console, no outbox, no invitation.
  for (const path of ["/admin", "/admin/outbox", `/admin/${ownedTenant.slug}`]) {
    await attacker.goto(path);
    await expect(attacker).toHaveURL(`/verify-email?redirectTo=${encodeURIComponent(path)}`);
  }
  const outboxHtml = await (await attacker.request.get("/admin/outbox", { maxRedirects: 0 })).text();
  expect(outboxHtml).not.toContain("/invite/");
  // Even holding the link (say, guessed or leaked), accepting is refused until the address is confirmed.
  const link = await platformMailLink(carol, INVITE_LINK);
  expect(link).not.toBe("");
  await attacker.goto(link);
  await expect(attacker.getByRole("alert")).toContainText(`Confirm that ${carol} is yours first`);
  await expect(attacker.getByRole("button", { name: /Accept/ })).toHaveCount(0);
  const forced = await attacker.request.post(new URL(link).pathname, {
    headers: { origin: baseURL },
    form: { intent: "accept" },
    maxRedirects: 0,
  });
  expect(forced.status()).toBe(302);
  expect(forced.headers().location).toMatch(/^\/verify-email/);
  expect(await membershipOf(ownedTenant.slug, carol)).toBe("none");

  // The real carol signs up (the unconfirmed squatter account gives way), confirms from her mail…
  const real = await newPerson(browser);
  await signUpOnPage(real, "Carol", carol, PASSWORD);
  await expect(real.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await real.goto(await platformMailLink(carol, VERIFY_LINK));
  await expect(real).toHaveURL("/admin");
  // …sees in her outbox that an invitation was sent, with the link hidden…
  await real.getByRole("link", { name: "My outbox" }).click();
  await real.getByRole("link", { name: `You're invited to administer ${ownedTenant.name}` }).click();
  await expect(real.getByRole("article")).toContainText("[invitation link — hidden]");
  expect(await real.content()).not.toContain(new URL(link).pathname);
  // …and accepts with the link from her mail.
  await real.goto(link);
  await real.getByRole("button", { name: `Accept and join ${ownedTenant.name}` }).click();
  await expect(real).toHaveURL(`/admin/${ownedTenant.slug}`);
  await expect(real.getByRole("status")).toContainText(`You joined ${ownedTenant.name} as admin.`);
  expect(await membershipOf(ownedTenant.slug, carol)).toBe("admin");

  // The squatter's session and password went with the account.
  await attacker.goto("/admin");
  await expect(attacker).toHaveURL(/\/sign-in/);
  await attacker.getByLabel("Email").fill(carol);
  await attacker.getByLabel("Password").fill("attacker-password-1");
  await attacker.getByRole("button", { name: "Sign in" }).click();
  await expectFieldError(attacker, "Password", "Incorrect email or password.");
  await attacker.context().close();
  await real.context().close();
});

test("a viewer sees that a reset link was sent, never the link", async ({
  ownedTenant,
  otherAccount,
  apiSignUp,
  browser,
  uniqueEmail,
}) => {
  const email = uniqueEmail("reset");
  await apiSignUp(ownedTenant.slug, { name: "Reset Me", email });
  const user = await newPerson(browser);
  await user.goto(`/t/${ownedTenant.slug}/forgot-password`);
  await user.getByLabel("Email").fill(email);
  await user.getByRole("button", { name: "Send reset link" }).click();
  await expect(user.getByRole("status")).toContainText(`If an account exists for ${email}, we sent it a link`);
  let delivered = "";
  await expect
    .poll(async () => (delivered = await latestMailText(email)), { timeout: 10_000 })
    .toContain("reset-password/");
  const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(delivered)![1]!;

  const { page: viewer } = await otherAccount("viewer", ownedTenant.slug);
  await viewer.goto(`/admin/${ownedTenant.slug}/outbox`);
  await viewer.getByRole("link", { name: /reset/i }).first().click();
  await expect(viewer.getByRole("article")).toContainText("[password reset link — hidden]");
  const html = await viewer.content();
  expect(html).not.toContain(token);
  expect(html).not.toMatch(/reset-password\/[A-Za-z0-9_-]{10,}/);

  // The stored row holds no token either, neither in the readable copy nor in the clear.
  const row = await withControlDb(`
    const m = await db.emailMessage.findFirst({ where: { to: ${JSON.stringify(email)} }, orderBy: { createdAt: "desc" } });
    process.stdout.write(JSON.stringify(m));`);
  expect(row).not.toContain(token);

  // The link itself still works for the user who got it.
  await user.goto(/https?:\/\/\S+\/reset-password\/\S+/.exec(delivered)![0]);
  await user.getByLabel("New password", { exact: true }).fill("forgotten-no-more");
  await user.getByLabel("Confirm new password").fill("forgotten-no-more");
  await user.getByRole("button", { name: "Set new password" }).click();
  await expect(user).toHaveURL(`/t/${ownedTenant.slug}/sign-in?reset=done`);
  await signIn(user, ownedTenant.slug, { email, password: "forgotten-no-more" });
  await user.context().close();
});
