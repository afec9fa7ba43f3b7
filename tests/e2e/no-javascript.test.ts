/**
 * The hosted pages work without JavaScript: the forms are plain document posts and every
 * result (the account page, an error next to a field) is rendered by the server.
 */
import { expect, expectFieldError, fillSignIn, fillSignUp, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("sign up and sign in as plain form posts", async ({ page, uniqueEmail }) => {
  const email = uniqueEmail("nojs");

  await page.goto("/t/demo/sign-up");
  await fillSignUp(page, { name: "Plain Form", email });
  await expect(page).toHaveURL("/t/demo/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("account-name")).toHaveText("Plain Form");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/t/demo/sign-in");

  await fillSignIn(page, { email });
  await expect(page).toHaveURL("/t/demo/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("a wrong password is rendered by the server", async ({ page, apiSignUp, uniqueEmail }) => {
  const email = uniqueEmail("nojs-wrong");
  await apiSignUp("demo", { name: "Server Rendered", email });

  await page.goto("/t/demo/sign-in");
  const post = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/t/demo/sign-in"));
  await fillSignIn(page, { email, password: "not-the-password" });
  const response = await post;
  // A full document came back from the form post, not data for a script.
  expect(response.request().resourceType()).toBe("document");
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Incorrect email or password.");

  await expectFieldError(page, "Password", "Incorrect email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
});
