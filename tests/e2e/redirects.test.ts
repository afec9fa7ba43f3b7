/**
 * `redirectTo` on the sign-in page only ever sends people to the tenant's own pages: the
 * sign-in page must never be an open redirect, nor a way into another tenant.
 */
import { baseURL, expect, fillSignIn, fillSignUp, tenantCli, test, uniqueSlug } from "./fixtures";

const ignored = [
  { what: "another site", redirectTo: "https://evil.example.com/" },
  { what: "a protocol-relative URL", redirectTo: "//evil.example.com" },
  { what: "another tenant's page", redirectTo: "/t/other/account" },
];

for (const { what, redirectTo } of ignored) {
  test(`a redirectTo to ${what} is ignored`, async ({ page, apiSignUp, uniqueEmail }) => {
    const email = uniqueEmail("redirect");
    await apiSignUp("demo", { name: "Redirected", email });

    await page.goto(`/t/demo/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`);
    // The page does not pass the unsafe target on either.
    await expect(page.getByRole("link", { name: "Sign up" })).toHaveAttribute("href", "/t/demo/sign-up");

    await fillSignIn(page, { email });
    await expect(page).toHaveURL("/t/demo/account");
    expect(new URL(page.url()).host).toBe(new URL(baseURL).host);
    await expect(page.getByTestId("account-email")).toHaveText(email);
  });
}

test("a redirectTo to one of the tenant's own pages is honoured, query included", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const email = uniqueEmail("redirect-ok");
  await apiSignUp("demo", { name: "Redirected", email });

  await page.goto(`/t/demo/sign-in?redirectTo=${encodeURIComponent("/t/demo/account?tab=x")}`);
  await fillSignIn(page, { email });
  await expect(page).toHaveURL("/t/demo/account?tab=x");
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

// On a custom domain every path is the tenant's, so only the normalised URL tells
// `/.//evil.com` (a protocol-relative URL once the dot segment is resolved) from a page.
test("a signed-in user on a custom domain is never sent to another host by a normalised redirectTo", async ({
  page,
  uniqueEmail,
}) => {
  const slug = uniqueSlug("redirect-domain");
  const hostname = `${slug}.localhost`;
  await tenantCli("create", slug, "--name", "Redirect Co", "--hostname", hostname, "--no-enumeration-protection");
  const origin = `http://${hostname}:${new URL(baseURL).port}`;
  await expect.poll(async () => (await page.goto(`${origin}/sign-up`))?.status(), { timeout: 10_000 }).toBe(200);
  await fillSignUp(page, { name: "Reed Irect", email: uniqueEmail("redirect-domain") });
  await expect(page).toHaveURL(`${origin}/account`);

  for (const redirectTo of [
    "/.//evil.example.com",
    "/..//evil.example.com",
    "/%2e//evil.example.com",
    "/./\\evil.example.com",
  ]) {
    // Node cannot resolve *.localhost, so the browser follows the redirect: it must stay on the domain.
    await page.goto(`${origin}/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`);
    await expect(page, redirectTo).toHaveURL(`${origin}/account`);
  }
});
