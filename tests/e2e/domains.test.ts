/**
 * The console's custom-domain page: which DNS record to create, whether each domain resolves to
 * this deployment, and that a domain serving the pages keeps its session cookie to itself.
 * `*.localhost` names are loopback by definition (RFC 6761) for both Chromium and the server's
 * check, so `<slug>.localhost` stands in for a domain that already points here.
 */
import { randomInt } from "node:crypto";
import { expect, test } from "./console-fixtures";
import { baseURL, expectFieldError, fillSignUp } from "./fixtures";

// Each test creates a tenant with the CLI and an account first, slow on a busy machine.
test.describe.configure({ timeout: 90_000 });

test("the domains page shows the record to create and where each domain points", async ({ page, ownedTenant }) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}`);
  await page.getByRole("navigation", { name: "Tenant sections" }).getByRole("link", { name: "Domains" }).click();
  await expect(page).toHaveURL(`/admin/${slug}/domains`);
  await expect(page.getByText("No custom domains yet")).toBeVisible();

  const form = page.getByRole("form", { name: "Edit hostnames" });
  await form.getByLabel("Hostnames").fill("https://auth.example.com");
  await form.getByRole("button", { name: "Save hostnames" }).click();
  await expectFieldError(
    page,
    "Hostnames",
    "Line 1: Hostname must look like auth.example.com (no scheme, port or path).",
  );

  const here = `auth.${slug}.localhost`;
  const elsewhere = `198.51.100.${randomInt(1, 255)}`;
  const nowhere = `${slug}.invalid`;
  await form.getByLabel("Hostnames").fill([here, elsewhere, nowhere].join("\n"));
  await form.getByRole("button", { name: "Save hostnames" }).click();
  await expect(page.getByRole("status")).toContainText("Hostnames saved.");

  const row = (hostname: string) => page.getByTestId(`domain-${hostname}`);
  await expect(row(here)).toContainText(`CNAME ${here} → localhost`);
  await expect(row(here)).toContainText("Resolves here");
  await expect(row(elsewhere)).toContainText(`Points elsewhere: ${elsewhere}`);
  await expect(row(nowhere)).toContainText("Does not resolve");
  // An apex cannot hold a CNAME: it gets A/AAAA records to the public host's addresses.
  await expect(row(nowhere)).toContainText(`A ${nowhere} → 127.0.0.1`);
  await expect(form.getByLabel("Hostnames")).toHaveValue([here, elsewhere, nowhere].join("\n"));
});

test("a session on a custom domain stays on that host", async ({ page, context, ownedTenant, uniqueEmail }) => {
  const { slug } = ownedTenant;
  const hostname = `${slug}.localhost`;
  await page.goto(`/admin/${slug}/domains`);
  const form = page.getByRole("form", { name: "Edit hostnames" });
  await form.getByLabel("Hostnames").fill(hostname);
  await form.getByRole("button", { name: "Save hostnames" }).click();
  await expect(page.getByTestId(`domain-${hostname}`)).toContainText("Resolves here");

  const origin = `http://${hostname}:${new URL(baseURL).port}`;
  await expect.poll(async () => (await page.goto(`${origin}/sign-up`))?.status(), { timeout: 10_000 }).toBe(200);
  const email = uniqueEmail("domain");
  await fillSignUp(page, { name: "Dom Ain", email });
  await expect(page).toHaveURL(`${origin}/account`);

  const session = (await context.cookies(origin)).find((cookie) => cookie.name.endsWith(".session_token"));
  // Host-only (no leading dot, so no subdomains), at the root of the custom domain.
  expect(session).toMatchObject({ domain: hostname, path: "/", httpOnly: true, sameSite: "Lax" });
  // Neither the shared host nor a sibling name receives it.
  const leaks = [
    ...(await context.cookies(`${baseURL}/t/${slug}/account`)),
    ...(await context.cookies(`http://other.${hostname}:${new URL(baseURL).port}/account`)),
  ];
  expect(leaks.map((cookie) => cookie.name)).not.toContain(session!.name);
  await page.goto(`/t/${slug}/account`);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/sign-in\\?redirectTo=`));
});
