/**
 * An organization's Invitations tab in the console: the invitation goes out through the
 * tenant's mail (a real SMTP server here), is listed with its expiry, can be resent and
 * revoked, and is a real organization invitation: its link joins the organization on the
 * hosted page, and a revoked one says so.
 */
import type { Page } from "@playwright/test";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { PASSWORD, patchTenantConfig } from "./fixtures";
import { expect, test, userBrowser } from "./console-fixtures";

test.describe.configure({ timeout: 120_000 });

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

async function createOrganizationWithOwner(page: Page, slug: string, owner: string) {
  await page.goto(`/admin/${slug}/organizations`);
  await page.getByLabel("Organization name").fill("Orbit Labs");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("status")).toContainText("Orbit Labs was created.");
  await page.getByLabel("Email of an existing user").fill(owner);
  await page.getByLabel("Role", { exact: true }).selectOption("owner");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("status")).toContainText(`${owner} is now a owner of Orbit Labs.`);
  return page.url().replace(/\/members$/, "");
}

test("an admin invites by email, resends and revokes; the emailed link joins the organization; roles list what each may do", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
  browser,
  playwright,
  baseURL,
}) => {
  const { slug } = ownedTenant;
  await patchTenantConfig(slug, {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "team@orbit.test" },
    authMethods: { organizations: { enabled: true } },
  });
  const owner = uniqueEmail("owner");
  await apiSignUp(slug, { name: "Olga Owner", email: owner });
  const orgUrl = await createOrganizationWithOwner(page, slug, owner);

  await page.goto(`${orgUrl}/invitations`);
  await expect(page.getByText("No pending invitations")).toBeVisible();
  const [dee, eve] = [uniqueEmail("dee"), uniqueEmail("eve")];
  const invite = async (email: string, role: string) => {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByRole("button", { name: "Send invitation" }).click();
  };
  await invite("not-an-address", "member");
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(
    "Enter a valid email address, like name@example.com.",
  );
  await invite(dee, "admin");
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${dee}.`);
  await invite(eve, "member");
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${eve}.`);
  await invite(eve, "member");
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(
    "This person has a pending invitation: resend it instead.",
  );

  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByRole("row")).toHaveCount(3);
  // Expiry is the tenant's invitation lifetime (48 hours by default) from now.
  const expiry = new Date(Date.now() + 48 * 3600_000).toISOString().slice(0, 10);
  const [year, month, day] = expiry.split("-").map(Number);
  const expected = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  );
  await expect(pending.getByRole("row", { name: new RegExp(dee) })).toContainText(`admin${expected}`);

  // The email comes through the tenant's mail, in the owner's name, with the hosted link.
  const first = await smtp.waitForMessage(dee);
  expect(first.from).toContain("team@orbit.test");
  expect(first.text).toContain("Orbit Labs");
  expect(first.text).toContain("Olga Owner");
  const deeLink = linkIn(first, `/t/${slug}/invitations/`);

  await page.getByRole("button", { name: `Resend the invitation to ${dee}` }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${dee} again.`);
  await smtp.waitForMessage(dee, (mail) => mail !== first);
  expect(smtp.messages.filter((mail) => mail.to.includes(dee))).toHaveLength(2);

  // Eve's invitation is revoked; her link says so.
  const eveLink = linkIn(await smtp.waitForMessage(eve), `/t/${slug}/invitations/`);
  await page.getByRole("button", { name: `Revoke the invitation to ${eve}` }).click();
  await expect(page.getByRole("status")).toContainText(`The invitation for ${eve} was revoked.`);
  await expect(pending.getByRole("row")).toHaveCount(2);
  const eveBrowser = await userBrowser(browser);
  await eveBrowser.goto(eveLink);
  await expect(eveBrowser.getByText("This invitation was canceled.")).toBeVisible();

  // Dee signs up from the link and accepts: an admin of the organization.
  const deeBrowser = await userBrowser(browser);
  await deeBrowser.goto(deeLink);
  await expect(deeBrowser.getByRole("heading", { name: "Join Orbit Labs" })).toBeVisible();
  await deeBrowser.getByRole("link", { name: "Create your account" }).click();
  await deeBrowser.getByLabel("Name").fill("Dee");
  await deeBrowser.getByLabel("Password").fill(PASSWORD);
  await deeBrowser.getByRole("button", { name: "Create account" }).click();
  await deeBrowser.getByRole("button", { name: "Accept invitation" }).click();
  await expect(deeBrowser.getByRole("heading", { name: "Orbit Labs", level: 1 })).toBeVisible();

  await page.goto(`${orgUrl}/members`);
  await expect(page.getByRole("combobox", { name: `Role of ${dee}` })).toHaveValue("admin");
  await page.goto(`${orgUrl}/invitations`);
  await expect(page.getByText("No pending invitations")).toBeVisible();
  await page.goto(`/admin/${slug}/audit?type=admin.organization.`);
  for (const type of ["sent", "resent", "revoked"])
    await expect(page.getByText(`admin.organization.invitation_${type}`).first()).toBeVisible();

  // Roles: the built-in ones with what they may do and who holds them, then a custom role the
  // owner defines through the plugin (dynamic access control), which invitations then offer.
  await page.goto(`${orgUrl}/roles`);
  const roles = page.getByRole("table", { name: "Roles" });
  await expect(roles.getByRole("row", { name: /^owner built-in/ })).toContainText("organization: update, delete");
  await expect(
    roles
      .getByRole("row", { name: /^owner built-in/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("1");
  await expect(
    roles
      .getByRole("row", { name: /^admin built-in/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("1");
  await expect(roles.getByRole("row", { name: /^member built-in/ })).not.toContainText("member: create");
  const ownerApi = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const signedIn = await ownerApi.post(`/t/${slug}/api/auth/sign-in/email`, {
    data: { email: owner, password: PASSWORD },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const organizationId = orgUrl.split("/").at(-1)!;
  const created = await ownerApi.post(`/t/${slug}/api/auth/organization/create-role`, {
    data: { organizationId, role: "auditor", permission: { invitation: ["cancel"] } },
  });
  expect(created.status(), await created.text()).toBe(200);
  await ownerApi.dispose();
  await page.reload();
  await expect(roles.getByRole("row", { name: /^auditor custom/ })).toContainText("invitation: cancel");
  await page.goto(`${orgUrl}/invitations`);
  await expect(page.getByLabel("Role", { exact: true }).getByRole("option", { name: "auditor" })).toBeAttached();
});
