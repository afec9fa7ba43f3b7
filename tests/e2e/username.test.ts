/**
 * Usernames on the hosted pages: the sign-up form asks for one (with the tenant's length
 * limits) and the sign-in field takes an email or a username.
 */
import {
  baseURL,
  createTenant,
  expect,
  expectFieldError,
  PASSWORD,
  patchTenantConfig,
  test,
  uniqueSlug,
  type CreatedTenant,
} from "./fixtures";

async function tenantWithUsernames(): Promise<CreatedTenant> {
  const tenant = await createTenant(uniqueSlug("user"));
  await patchTenantConfig(tenant.slug, {
    authMethods: { username: { enabled: true, minUsernameLength: 4, maxUsernameLength: 12 } },
  });
  return tenant;
}

test("sign up with a username, then sign in with the username and with the email", async ({ page, uniqueEmail }) => {
  const { slug } = await tenantWithUsernames();
  const email = uniqueEmail("named");

  await page.goto(`/t/${slug}/sign-up`);
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription(/4 to 12 characters/);
  await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Username").fill("Ada.L");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  // Usernames are matched without regard to case: "ADA.L" is the same account.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/t/${slug}/sign-in`);
  await page.getByLabel("Email or username").fill("ADA.L");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email or username").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  // A wrong password with the username is refused without saying which part was wrong.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email or username").fill("ada.l");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectFieldError(page, "Password", "Incorrect username, email or password.");
  await expect(page.getByLabel("Email or username")).toHaveValue("ada.l");
});

test("a taken, too short, too long or malformed username is refused on the username field", async ({
  page,
  playwright,
  extraHTTPHeaders,
  uniqueEmail,
}) => {
  const { slug } = await tenantWithUsernames();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
  const taken = await api.post(`/t/${slug}/api/auth/sign-up/email`, {
    data: { name: "First", email: uniqueEmail("first"), password: PASSWORD, username: "grace" },
  });
  expect(taken.status(), await taken.text()).toBe(200);
  await api.dispose();

  const email = uniqueEmail("second");
  await page.goto(`/t/${slug}/sign-up`);
  await page.getByLabel("Name", { exact: true }).fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);

  const attempts: [string, string][] = [
    ["Grace", "This username is already taken. Choose another."],
    ["gra", "Use at least 4 characters."],
    ["grace_hopper_1906", "Use at most 12 characters."],
    ["grace hopper", "Use only letters, digits, underscores (_) and dots (.)."],
  ];
  for (const [username, error] of attempts) {
    // The field's maxlength stops browsers from typing more; the server checks for every client.
    await page.getByLabel("Username").evaluate((input) => input.removeAttribute("maxlength"));
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expectFieldError(page, "Username", error);
    await expect(page).toHaveURL(`/t/${slug}/sign-up`);
    // What was typed stays, so only the username needs changing.
    await expect(page.getByLabel("Email")).toHaveValue(email);
  }

  await page.getByLabel("Username").fill("admiral");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("without usernames the sign-in field asks for an email only", async ({ page }) => {
  await page.goto("/t/demo/sign-in");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("type", "email");
  await expect(page.getByLabel("Email or username")).toHaveCount(0);
  await page.goto("/t/demo/sign-up");
  await expect(page.getByLabel("Username")).toHaveCount(0);
});

test("the sign-in page offers passkeys first, then the email or username form, then the other methods", async ({
  page,
}) => {
  const { slug } = await createTenant(uniqueSlug("order"));
  await patchTenantConfig(slug, {
    authMethods: {
      username: { enabled: true },
      passkey: { enabled: true },
      magicLink: { enabled: true },
      phoneNumber: { enabled: true },
    },
  });
  await page.goto(`/t/${slug}/sign-in`);
  const order = [
    page.getByRole("button", { name: "Sign in with a passkey" }),
    page.getByLabel("Email or username"),
    page.getByRole("button", { name: "Sign in", exact: true }),
    page.getByRole("link", { name: "Use your phone number" }),
  ];
  const tops = [];
  for (const element of order) {
    await expect(element).toBeVisible();
    tops.push((await element.boundingBox())!.y);
  }
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
});
