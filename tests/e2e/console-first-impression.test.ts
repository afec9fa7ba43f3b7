/**
 * Console polish a new operator notices: unknown console addresses get the console's own 404
 * with a way back; tenant slugs come from the name (typed, or left empty without JavaScript);
 * sessions show the client's real address and "Chrome on Linux" rather than a raw user agent,
 * on the user page and in the management API.
 */
import { expect, test, uniqueSlug } from "./console-fixtures";
import { baseURL, expectFieldError, PASSWORD } from "./fixtures";

test("unknown console addresses render the console's not-found page, with its navigation and a way back", async ({
  page,
  ownedTenant,
}) => {
  // The Organizations section exists now; a mistyped one does not.
  expect((await page.goto(`/admin/${ownedTenant.slug}/organizations`))?.status()).toBe(200);
  for (const rest of ["organisations", "nope", "users/someone/else"]) {
    const response = await page.goto(`/admin/${ownedTenant.slug}/${rest}`);
    expect(response?.status(), rest).toBe(404);
    await expect(page.getByRole("heading", { name: "This console page does not exist" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Tenant sections" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Back to the tenant's overview" }).click();
  await expect(page).toHaveURL(`/admin/${ownedTenant.slug}`);

  // A tenant that does not exist (or is not mine): the same page, without naming a tenant.
  const response = await page.goto(`/admin/${uniqueSlug("ghost")}/users`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This console page does not exist" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the tenant's overview" })).toHaveCount(0);
  await page.getByRole("link", { name: "All tenants" }).click();
  await expect(page).toHaveURL("/admin");
});

test("typing a tenant's name fills its slug; a slug already taken is named on the field", async ({
  page,
  platformAccount,
}) => {
  void platformAccount; // signs `page` in
  const suffix = uniqueSlug("z").slice(2);
  await page.goto("/admin");
  await page.getByLabel("Name", { exact: true }).fill(`Café Zürich ${suffix}`);
  await expect(page.getByLabel("Slug")).toHaveValue(`cafe-zurich-${suffix}`);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page).toHaveURL(`/admin/cafe-zurich-${suffix}`);

  await page.goto("/admin");
  await page.getByLabel("Name", { exact: true }).fill(`Cafe Zurich ${suffix}`);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expectFieldError(page, "Slug", `A tenant with the slug "cafe-zurich-${suffix}" already exists.`);
  // An edited slug is left alone when the name changes afterwards.
  await page.getByLabel("Slug").fill(`own-${suffix}`);
  await page.getByLabel("Name", { exact: true }).fill(`Another ${suffix}`);
  await expect(page.getByLabel("Slug")).toHaveValue(`own-${suffix}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a tenant created with the slug left empty gets one made from its name", async ({ page, platformAccount }) => {
    void platformAccount;
    const suffix = uniqueSlug("n").slice(2);
    await page.goto("/admin");
    await page.getByLabel("Name", { exact: true }).fill(`Nö Script ${suffix}`);
    await expect(page.getByLabel("Slug")).toHaveValue("");
    await page.getByRole("button", { name: "Create tenant" }).click();
    await expect(page).toHaveURL(`/admin/no-script-${suffix}`);

    // The same name again: the slug made from it is taken, and the field says so.
    await page.goto("/admin");
    await page.getByLabel("Name", { exact: true }).fill(`No Script ${suffix}`);
    await page.getByRole("button", { name: "Create tenant" }).click();
    await expectFieldError(
      page,
      "Slug",
      `A tenant with the slug "no-script-${suffix}" already exists. (The slug was made from the name: change it.)`,
    );
    await expect(page.getByLabel("Slug")).toHaveValue(`no-script-${suffix}`);
  });
});

test("sessions show real addresses and device names on the user page and in the API", async ({
  page,
  browser,
  playwright,
  ownedTenant,
  uniqueEmail,
}) => {
  test.setTimeout(90_000);
  const { slug } = ownedTenant;
  const email = uniqueEmail("where");
  // A browser behind a proxy that forwards an IPv6 address (written out in full).
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "2001:DB8:0:0:0:0:0:42" } });
  const browserPage = await context.newPage();
  await browserPage.goto(`${baseURL}/t/${slug}/sign-up`);
  await browserPage.getByLabel("Name").fill("Wendy Where");
  await browserPage.getByLabel("Email").fill(email);
  await browserPage.getByLabel("Password").fill(PASSWORD);
  await browserPage.getByRole("button", { name: "Create account" }).click();
  await expect(browserPage).toHaveURL(`${baseURL}/t/${slug}/account`);
  await context.close();

  // An IPv4 client seen through an IPv4-mapped address, and one on 127.0.0.1 with no proxy.
  const loopback = baseURL.replace("localhost", "127.0.0.1");
  const signIn = async (url: string, extraHTTPHeaders: Record<string, string>) => {
    const api = await playwright.request.newContext({ baseURL: url, extraHTTPHeaders });
    try {
      const response = await api.post(`/t/${slug}/api/auth/sign-in/email`, { data: { email, password: PASSWORD } });
      expect(response.status(), await response.text()).toBe(200);
      return ((await response.json()) as { user: { id: string } }).user.id;
    } finally {
      await api.dispose();
    }
  };
  await signIn(baseURL, { "x-forwarded-for": "::ffff:198.51.100.7" });
  const userId = await signIn(loopback, {});

  await page.goto(`/admin/${slug}/users/${userId}`);
  const sessions = page.getByRole("table", { name: "Active sessions" });
  await expect(sessions.getByRole("row", { name: /2001:db8::42/ })).toContainText("Chrome on Linux");
  await expect(sessions.getByRole("row", { name: /198\.51\.100\.7/ })).toBeVisible();
  await expect(sessions.getByRole("row", { name: /127\.0\.0\.1/ })).toBeVisible();
  await expect(sessions).not.toContainText("0000:");
  await expect(sessions).not.toContainText("::ffff:");

  await page.goto(`/admin/${slug}/api-keys`);
  await page.getByLabel("Name").fill("Address check");
  await page.getByRole("checkbox", { name: "users:read" }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByRole("textbox", { name: "API key" }).inputValue();
  // No forwarded address: the key's last use is this direct IPv4 connection.
  const api = await playwright.request.newContext({ baseURL: loopback, extraHTTPHeaders: {} });
  const answer = await api.get(`/api/v1/users/${userId}/sessions`, { headers: { authorization: `Bearer ${key}` } });
  expect(answer.status(), await answer.text()).toBe(200);
  const { data } = (await answer.json()) as { data: { ipAddress: string | null }[] };
  await api.dispose();
  expect(data.map((session) => session.ipAddress).sort()).toEqual(["127.0.0.1", "198.51.100.7", "2001:db8::42"]);

  await page.reload();
  await expect(page.getByRole("row", { name: /Address check/ })).toContainText("from 127.0.0.1");
});
