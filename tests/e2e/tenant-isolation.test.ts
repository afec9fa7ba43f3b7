/**
 * Tenants share a host but nothing else: the same email is a different user in each, and one
 * tenant's session cookie is neither sent to nor accepted by another tenant.
 */
import { baseURL, createTenant, expect, signUp, tenantId, test, uniqueSlug } from "./fixtures";

test("the same email is a separate user in each tenant", async ({ page, uniqueEmail }) => {
  const other = await createTenant(uniqueSlug("iso"), "Isolation Inc");
  const email = uniqueEmail("twice");

  await signUp(page, "demo", { name: "Demo Person", email });
  await expect(page.getByTestId("account-name")).toHaveText("Demo Person");

  // Not "already exists": the other tenant has never seen this email.
  await signUp(page, other.slug, { name: "Other Person", email });
  await expect(page.getByText("Isolation Inc")).toBeVisible();
  await expect(page.getByTestId("account-name")).toHaveText("Other Person");

  // Both sessions live side by side, each showing its own tenant's user.
  await page.goto("/t/demo/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("account-name")).toHaveText("Demo Person");
  await page.goto(`/t/${other.slug}/account`);
  await expect(page.getByTestId("account-name")).toHaveText("Other Person");
});

test("a demo session is not accepted by another tenant", async ({ page, context, request, uniqueEmail }) => {
  const other = await createTenant(uniqueSlug("iso"), "Elsewhere Ltd");
  const demoId = await tenantId("demo");
  const email = uniqueEmail("one-tenant");

  await signUp(page, "demo", { name: "Only Demo", email });

  // In the browser: signed in to demo, still signed out of the other tenant.
  await page.goto(`/t/${other.slug}/account`);
  await expect(page).toHaveURL(`/t/${other.slug}/sign-in?redirectTo=${encodeURIComponent(`/t/${other.slug}/account`)}`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Elsewhere Ltd")).toBeVisible();

  // The demo session cookie carries demo's id and is scoped to demo's path ...
  const demoCookies = await context.cookies(`${baseURL}/t/demo/account`);
  const session = demoCookies.find((c) => c.name.includes(demoId) && c.name.includes("session_token"));
  expect(session, `a demo session cookie among ${demoCookies.map((c) => c.name).join(", ")}`).toBeDefined();
  expect(session!.path).toBe("/t/demo");
  expect(session!.httpOnly).toBe(true);

  // ... so the browser never sends it to the other tenant's pages or API.
  for (const otherUrl of [`/t/${other.slug}/account`, `/t/${other.slug}/api/auth/get-session`]) {
    const sent = await context.cookies(`${baseURL}${otherUrl}`);
    expect(sent.filter((c) => c.name.includes(demoId))).toEqual([]);
  }

  // Over HTTP, sent explicitly: the other tenant does not recognise it, under either name.
  const asDemoCookie = `${session!.name}=${session!.value}`;
  const asOtherCookie = `${session!.name.replace(demoId, other.id)}=${session!.value}`;
  for (const cookie of [asDemoCookie, asOtherCookie]) {
    const response = await request.get(`/t/${other.slug}/api/auth/get-session`, { headers: { cookie } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { user?: unknown } | null;
    expect(body?.user, `session of ${other.slug} for cookie ${cookie.split("=")[0]}`).toBeUndefined();
  }

  // Demo itself does.
  const demo = await request.get("/t/demo/api/auth/get-session", { headers: { cookie: asDemoCookie } });
  expect(demo.status()).toBe(200);
  expect(await demo.json()).toMatchObject({ user: { email, name: "Only Demo" } });
});
