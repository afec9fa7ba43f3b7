import { SignJWT } from "jose";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import {
  createTenant,
  expect,
  fillSignIn,
  fillSignUp,
  patchTenantConfig,
  test,
  uniqueSlug,
  withControlDb,
} from "./fixtures";

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

/** A tenant whose mail goes to this file's SMTP server and that requires confirmed emails. */
async function verifyingTenant() {
  const tenant = await createTenant(uniqueSlug("verify"), "Verify Co");
  await patchTenantConfig(tenant.slug, {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@verify.test" },
    authMethods: { emailPassword: { requireEmailVerification: true } },
  });
  return tenant;
}

test("a required confirmation refuses sign-in until the emailed link is followed, once", async ({
  page,
  uniqueEmail,
}) => {
  const { slug } = await verifyingTenant();
  const email = uniqueEmail("verify");

  await page.goto(`/t/${slug}/sign-up`);
  await fillSignUp(page, { name: "Vera Verify", email });
  await expect(page).toHaveURL(`/t/${slug}/verify-email?status=pending`);
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  await page.goto(`/t/${slug}/sign-in`);
  await fillSignIn(page, { email });
  await expect(page.getByRole("alert")).toHaveText(/Confirm your email address before signing in/);
  await expect(page.getByRole("link", { name: "Send a new confirmation link" })).toBeVisible();

  const mail = await smtp.waitForMessage(email, (m) => m.subject.includes("Confirm your email address"));
  expect(mail.subject).toBe("Confirm your email address for Verify Co");
  const link = linkIn(mail, "/api/auth/verify-email");
  await page.goto(link);
  await expect(page).toHaveURL(`/t/${slug}/verify-email?status=verified`);
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("email-verification")).toHaveText(/Confirmed/);

  // The same link again: already used, and it says what to do next.
  await page.goto(link);
  await expect(page).toHaveURL(`/t/${slug}/verify-email?error=ALREADY_VERIFIED`);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();

  // Signed out, the password now works.
  await page.context().clearCookies();
  await page.goto(`/t/${slug}/sign-in`);
  await fillSignIn(page, { email });
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("an expired or altered confirmation link explains itself and sends a new one", async ({ page, uniqueEmail }) => {
  const tenant = await verifyingTenant();
  const email = uniqueEmail("expired");
  await page.goto(`/t/${tenant.slug}/sign-up`);
  await fillSignUp(page, { name: "Ed Expired", email });
  await expect(page).toHaveURL(`/t/${tenant.slug}/verify-email?status=pending`);
  const first = await smtp.waitForMessage(email);
  const link = new URL(linkIn(first, "/api/auth/verify-email"));

  // A token signed with the tenant's own secret whose lifetime is over.
  const secret = (
    await withControlDb(`console.log((await tenants.getSecrets(${JSON.stringify(tenant.id)})).authSecret);`)
  ).trim();
  const expired = await new SignJWT({ email })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(new TextEncoder().encode(secret));
  link.searchParams.set("token", expired);
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  link.searchParams.set("token", `${expired}x`);
  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByRole("status")).toHaveText(new RegExp(`If ${email} has an account`));
  await expect.poll(() => smtp.messages.filter((m) => m.to.includes(email)).length, { timeout: 15_000 }).toBe(2);
});
