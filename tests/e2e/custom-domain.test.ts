/**
 * A tenant's custom domain serves its hosted pages and auth API at the root of that host.
 * Chromium resolves every *.localhost name to the loopback address, so `<slug>.localhost`
 * stands in for a customer's domain such as auth.acme.com.
 */
import { baseURL, expect, fillSignUp, tenantCli, test, uniqueSlug } from "./fixtures";

test("a custom domain serves sign-up, account and sign-out at its root", async ({ page, context, uniqueEmail }) => {
  const slug = uniqueSlug("domain");
  const hostname = `${slug}.localhost`;
  await tenantCli("create", slug, "--name", "Domain Co", "--hostname", hostname, "--no-enumeration-protection");
  const origin = `http://${hostname}:${new URL(baseURL).port}`;
  // Node's resolver does not know *.localhost, so the browser does the waiting (lookups are
  // cached for about a second after the CLI wrote the tenant).
  await expect.poll(async () => (await page.goto(`${origin}/`))?.status(), { timeout: 10_000 }).toBe(200);
  await expect(page).toHaveURL(`${origin}/sign-in`);
  await expect(page.getByText("Domain Co", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(`${origin}/sign-up`);

  const email = uniqueEmail("domain");
  await fillSignUp(page, { name: "Dee Main", email });
  await expect(page).toHaveURL(`${origin}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  // The session cookie belongs to the custom host's root, not to /t/<slug> on the shared host.
  const cookies = await context.cookies(origin);
  const session = cookies.find((cookie) => cookie.name.endsWith(".session_token"));
  expect(session?.path).toBe("/");
  expect(session?.domain).toBe(hostname);
  expect(await context.cookies(`${baseURL}/t/demo/account`)).not.toContainEqual(
    expect.objectContaining({ name: session?.name }),
  );

  // The same tenant's API on the custom host sees the session.
  const me = await page.evaluate(() => fetch("/api/auth/get-session").then((response) => response.json()));
  expect(me.user.email).toBe(email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${origin}/sign-in`);
  await page.goto(`${origin}/account`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Faccount/);
});
