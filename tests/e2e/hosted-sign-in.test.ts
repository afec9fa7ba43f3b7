/**
 * The hosted email + password pages of the `demo` tenant, used the way a person would.
 * better-auth allows 3 sign-in (and 3 sign-up) attempts per 10 s per client IP; every test has
 * its own IP (see fixtures.ts) and stays under that.
 */
import { expect, expectFieldError, fillSignIn, fillSignUp, PASSWORD, signIn, test } from "./fixtures";

test("sign up, sign out and sign in again", async ({ page, uniqueEmail }) => {
  const email = uniqueEmail("journey");

  await page.goto("/t/demo/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL("/t/demo/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();

  await fillSignUp(page, { name: "Ada Lovelace", email });
  await expect(page).toHaveURL("/t/demo/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("account-name")).toHaveText("Ada Lovelace");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/t/demo/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // Signed out for real: the account page sends us back to sign in.
  await page.goto("/t/demo/account");
  await expect(page).toHaveURL(/\/t\/demo\/sign-in\?redirectTo=/);

  await signIn(page, "demo", { email });
  await expect(page.getByTestId("account-name")).toHaveText("Ada Lovelace");
});

test("a wrong password is reported on the password field and keeps the email", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const email = uniqueEmail("wrong-password");
  await apiSignUp("demo", { name: "Grace Hopper", email });

  await page.goto("/t/demo/sign-in");
  await fillSignIn(page, { email, password: "not-the-password" });

  await expectFieldError(page, "Password", "Incorrect email or password.");
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/t/demo/sign-in");

  // The right password still works afterwards.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/t/demo/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("signing up with an email that already has an account is reported on the email field", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const email = uniqueEmail("duplicate");
  await apiSignUp("demo", { name: "First Owner", email });

  await page.goto("/t/demo/sign-up");
  await fillSignUp(page, { name: "Second Owner", email });

  await expectFieldError(page, "Email", "An account with this email already exists. Sign in instead.");
  await expect(page).toHaveURL("/t/demo/sign-up");
  await expect(page.getByLabel("Name")).toHaveValue("Second Owner");
  await expect(page.getByLabel("Email")).toHaveValue(email);
});

test("a password shorter than 8 characters is refused and creates no account", async ({ page, uniqueEmail }) => {
  const email = uniqueEmail("weak");

  await page.goto("/t/demo/sign-up");
  await fillSignUp(page, { name: "Weak Password", email, password: "short" });

  await expectFieldError(page, "Password", "Use at least 8 characters.");
  await expect(page).toHaveURL("/t/demo/sign-up");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");

  // Nothing was created: neither the short password nor any other signs in with that email.
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/t/demo/sign-in");
  await fillSignIn(page, { email, password: "short" });
  await expectFieldError(page, "Password", "Incorrect email or password.");
  await page.goto("/t/demo/account");
  await expect(page).toHaveURL(/\/t\/demo\/sign-in/);
});

test("a malformed email is reported on the email field", async ({ page }) => {
  await page.goto("/t/demo/sign-up");
  await fillSignUp(page, { name: "No Email", email: "not-an-email" });

  await expectFieldError(page, "Email", "Enter a valid email address, like name@example.com.");
  await expect(page).toHaveURL("/t/demo/sign-up");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Password")).not.toHaveAttribute("aria-invalid", "true");
});

test("the account page sends a signed-out visitor to sign in, and back after signing in", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const email = uniqueEmail("return");
  await apiSignUp("demo", { name: "Returning User", email });

  await page.goto("/t/demo/account");
  await expect(page).toHaveURL("/t/demo/sign-in?redirectTo=%2Ft%2Fdemo%2Faccount");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // The way to sign up keeps the destination too.
  await expect(page.getByRole("link", { name: "Sign up" })).toHaveAttribute(
    "href",
    "/t/demo/sign-up?redirectTo=%2Ft%2Fdemo%2Faccount",
  );

  await fillSignIn(page, { email });
  await expect(page).toHaveURL("/t/demo/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
});
