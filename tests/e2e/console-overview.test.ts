/**
 * The tenant overview: its numbers and its chart follow what happens on the hosted pages.
 */
import { fillSignIn, signIn } from "./fixtures";
import { expect, test } from "./console-fixtures";

test("sign-ups, sign-ins and failed sign-ins show in the numbers and the chart", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
  browser,
  baseURL,
  extraHTTPHeaders,
}) => {
  test.slow(); // several sign-ups, accounts and page loads on a shared 2-core runner
  const { slug } = ownedTenant;
  const ada = uniqueEmail("ada");
  await apiSignUp(slug, { name: "Ada", email: ada });
  await apiSignUp(slug, { name: "Bo", email: uniqueEmail("bo") });

  // A person signs in once and mistypes the password once, in a browser of their own.
  const visitor = await browser.newContext({ baseURL, extraHTTPHeaders });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/t/${slug}/sign-in`);
  await fillSignIn(visitorPage, { email: ada, password: "not-the-password" });
  await expect(visitorPage.getByText("Incorrect email or password.")).toBeVisible();
  await signIn(visitorPage, slug, { email: ada });
  await visitor.close();

  // Each sign-up signs its user in too: 2 sign-ups, 3 sign-ins, 1 failure. Auth events are
  // written in the background, so the page is reloaded until they are all counted.
  const stat = (label: string) => page.getByRole("group", { name: label, exact: true }).getByRole("definition");
  await expect(async () => {
    await page.goto(`/admin/${slug}`);
    await expect(stat("Failed sign-ins (24 h)").first()).toHaveText("1", { timeout: 500 });
    await expect(stat("Sign-ins (24 h)").first()).toHaveText("3", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(stat("Users")).toHaveText("2");
  await expect(stat("Active sessions")).toHaveText("3");
  await expect(stat("Sign-ups (24 h)")).toHaveText(["2", "2 in 30 days"]);
  await expect(stat("Failed sign-ins (24 h)")).toHaveText(["1", "1 in 30 days"]);

  // The chart is a picture with a name and description, and a table says the same in text.
  const today = new Date().toISOString().slice(5, 10);
  await expect(page.getByRole("img", { name: "Sign-in activity, last 30 days (UTC)" })).toBeVisible();
  const table = page.getByRole("table", { name: "Sign-in activity, last 30 days (UTC)" });
  await expect(table.getByRole("row")).toHaveCount(31);
  await expect(table.getByRole("row", { name: new RegExp(`^${today}`) })).toHaveText(`${today}321`);

  await page.getByRole("link", { name: "Last 24 hours" }).click();
  await expect(page).toHaveURL(`/admin/${slug}?range=24h`);
  const hourly = page.getByRole("table", { name: "Sign-in activity, last 24 hours (UTC)" });
  await expect(hourly.getByRole("row")).toHaveCount(25);
  const thisHour = `${new Date().toISOString().slice(11, 13)}:00`;
  await expect(hourly.getByRole("row", { name: new RegExp(`^${thisHour}`) })).toContainText(/[1-3]/);
});

test("a viewer sees the overview; a non-member gets 404", async ({ ownedTenant, otherAccount }) => {
  const viewer = await otherAccount("viewer", ownedTenant.slug);
  await viewer.page.goto(`/admin/${ownedTenant.slug}`);
  await expect(viewer.page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(viewer.page.getByRole("img", { name: /Sign-in activity/ })).toBeVisible();

  const stranger = await otherAccount("none", ownedTenant.slug);
  const response = await stranger.page.goto(`/admin/${ownedTenant.slug}`);
  expect(response?.status()).toBe(404);
  await expect(stranger.page.getByText("Sign-in activity")).toHaveCount(0);
});
