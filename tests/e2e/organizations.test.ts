/**
 * Organizations on the hosted pages: create one, invite by email, accept, switch the active
 * organization, custom roles whose permissions are enforced, and removing a member.
 */
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import {
  baseURL,
  createTenant,
  expect,
  latestMailText,
  PASSWORD,
  patchTenantConfig,
  randomClientIp,
  signIn,
  signUp,
  test,
  uniqueSlug,
  withControlDb,
  type CreatedTenant,
} from "./fixtures";

async function tenantWithOrganizations(teams = false): Promise<CreatedTenant> {
  const tenant = await createTenant(uniqueSlug("org"));
  await patchTenantConfig(tenant.slug, {
    authMethods: { organizations: { enabled: true }, teams: { enabled: teams } },
  });
  return tenant;
}

/** The newest email to `to`, as delivered. */
const latestEmailText = latestMailText;

async function invitationLinkFor(email: string): Promise<string> {
  let text = "";
  await expect.poll(async () => (text = await latestEmailText(email)), { timeout: 10_000 }).toContain("/invitations/");
  return new URL(/https?:\/\/\S+\/invitations\/[^\s"<>)]+/.exec(text)![0]).pathname;
}

/** A browser of its own (own cookies, own client IP) for a second person. */
async function secondBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  return context.newPage();
}

/** A signed-in API client (cookies kept), for set-up that is not what a test is about. */
async function apiUser(
  playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } },
  slug: string,
  user: { name: string; email: string },
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL, "x-forwarded-for": randomClientIp() },
  });
  const response = await api.post(`/t/${slug}/api/auth/sign-up/email`, { data: { ...user, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  return api;
}

async function apiPost(api: APIRequestContext, slug: string, path: string, data: object) {
  const response = await api.post(`/t/${slug}/api/auth${path}`, { data });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** An organization owned by `owner` with `member` in it (invited and accepted through the API). */
async function organizationWithMember(
  playwright: Parameters<typeof apiUser>[0],
  slug: string,
  owner: { name: string; email: string },
  member: { name: string; email: string },
) {
  const ownerApi = await apiUser(playwright, slug, owner);
  const memberApi = await apiUser(playwright, slug, member);
  const organization = (await apiPost(ownerApi, slug, "/organization/create", {
    name: "Acme Labs",
    slug: uniqueSlug("acme"),
  })) as { id: string };
  const invitation = (await apiPost(ownerApi, slug, "/organization/invite-member", {
    organizationId: organization.id,
    email: member.email,
    role: "member",
  })) as { id: string };
  await apiPost(memberApi, slug, "/organization/accept-invitation", { invitationId: invitation.id });
  return { organizationId: organization.id, ownerApi, memberApi };
}

test("an owner creates an organization, invites someone by email, and they sign up and accept", async ({
  page,
  browser,
  uniqueEmail,
}) => {
  const tenant = await tenantWithOrganizations();
  const owner = { name: "Olivia Owner", email: uniqueEmail("owner") };
  const invitee = { name: "Ben Invitee", email: uniqueEmail("invitee") };
  await signUp(page, tenant.slug, owner);

  await page.getByRole("link", { name: "Create an organization" }).click();
  await page.getByLabel("Organization name").fill("Acme Labs");
  // Typing the name fills the short name; the field stays editable.
  await expect(page.getByLabel("Short name (slug)")).toHaveValue("acme-labs");
  await page.getByLabel("Short name (slug)").fill("Not A Slug");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByLabel("Short name (slug)")).toHaveAccessibleDescription(
    /Use lowercase letters, digits and single hyphens/,
  );
  const orgSlug = uniqueSlug("acme");
  await page.getByLabel("Short name (slug)").fill(orgSlug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Acme Labs", level: 1 })).toBeVisible();
  await expect(page.getByText("This is your active organization.")).toBeVisible();
  await expect(page.getByTestId("org-member")).toHaveCount(1);
  await expect(page.getByTestId("org-member-role")).toHaveText("Owner");
  // The only owner cannot leave (the organization would have no owner), so it is not offered.
  await expect(page.getByRole("button", { name: "Leave organization" })).toHaveCount(0);

  await page.getByLabel("Email address to invite").fill(invitee.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${invitee.email}.`);
  await expect(page.getByTestId("org-invitation")).toContainText(invitee.email);

  // The invitee follows the emailed link, creates an account with that address and comes back.
  const link = await invitationLinkFor(invitee.email);
  const other = await secondBrowser(browser);
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Join Acme Labs" })).toBeVisible();
  await other.getByRole("link", { name: "Create your account" }).click();
  await expect(other.getByLabel("Email")).toHaveValue(invitee.email);
  await other.getByLabel("Name").fill(invitee.name);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other).toHaveURL(link);
  await other.getByRole("button", { name: "Accept invitation" }).click();
  await expect(other.getByRole("heading", { name: "Acme Labs", level: 1 })).toBeVisible();
  await expect(other.getByTestId("org-member")).toHaveCount(2);
  // A plain member sees the members but none of the controls that need more rights.
  await expect(other.getByRole("heading", { name: "Invitations" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Leave organization" })).toBeVisible();

  // The link has done its job.
  await other.goto(link);
  await expect(other.getByText("This invitation was already accepted.")).toBeVisible();

  // The owner sees the new member; the pending invitation is gone.
  await page.reload();
  await expect(page.getByTestId("org-member")).toHaveCount(2);
  await expect(page.getByText("No pending invitations.")).toBeVisible();

  // Membership changes are auth events (audit log, webhooks).
  const types = await withControlDb(`
    const events = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(tenant.id)}, type: { startsWith: "organization." } } });
    process.stdout.write(JSON.stringify(events.map((e) => [e.type, e.actorLabel])));`);
  expect(JSON.parse(types)).toEqual(
    expect.arrayContaining([
      ["organization.created", owner.email],
      ["organization.member_added", owner.email],
      ["organization.member_added", invitee.email],
    ]),
  );
});

test("members switch their active organization from the account page", async ({ page, playwright, uniqueEmail }) => {
  const { slug } = await tenantWithOrganizations();
  const member = { name: "Mia Member", email: uniqueEmail("member") };
  const { memberApi } = await organizationWithMember(
    playwright,
    slug,
    { name: "Olivia Owner", email: uniqueEmail("owner") },
    member,
  );
  await apiPost(memberApi, slug, "/organization/create", { name: "Mia's Studio", slug: uniqueSlug("studio") });

  await signIn(page, slug, member);
  const switcher = page.getByLabel("Active organization");
  const list = page.getByRole("list", { name: "Your organizations" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").filter({ hasText: "Acme Labs" })).toContainText("Member");
  await expect(list.getByRole("listitem").filter({ hasText: "Mia's Studio" })).toContainText("Owner");

  await switcher.selectOption({ label: "Acme Labs" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(list.getByRole("listitem").filter({ hasText: "Acme Labs" })).toContainText("active");
  await expect(switcher.locator("option:checked")).toHaveText("Acme Labs");

  await switcher.selectOption({ label: "Mia's Studio" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(list.getByRole("listitem").filter({ hasText: "Mia's Studio" })).toContainText("active");
  await expect(switcher.locator("option:checked")).toHaveText("Mia's Studio");
  const session = (await (await page.request.get(`/t/${slug}/api/auth/get-session`)).json()) as {
    session: { activeOrganizationId: string };
  };
  await page.getByRole("link", { name: "Mia's Studio" }).click();
  await expect(page.getByText("This is your active organization.")).toBeVisible();
  expect(page.url()).toContain(session.session.activeOrganizationId);
});

test("a custom role without the invite permission cannot invite, and the owner removes the member", async ({
  page,
  browser,
  playwright,
  uniqueEmail,
}) => {
  const { slug } = await tenantWithOrganizations();
  const owner = { name: "Olivia Owner", email: uniqueEmail("owner") };
  const member = { name: "Mia Member", email: uniqueEmail("member") };
  const { organizationId } = await organizationWithMember(playwright, slug, owner, member);
  const orgPage = `/t/${slug}/organizations/${organizationId}`;

  // The owner defines "auditor": may see roles and cancel invitations, but not invite.
  await signIn(page, slug, owner);
  await page.goto(orgPage);
  await page.getByLabel("Role name").fill("auditor");
  await page.getByLabel("See roles").check();
  await page.getByLabel("Cancel invitations").check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("status")).toHaveText("The role auditor was created.");
  await page.getByLabel(`Role for ${member.email}`).selectOption("auditor");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status")).toHaveText("The member's role was changed.");
  await expect(page.getByTestId("org-member").filter({ hasText: member.email })).toContainText("auditor");

  // The member's page has no invite form, and posting it anyway is refused with a clear 403.
  const other = await secondBrowser(browser);
  await signIn(other, slug, member);
  await other.goto(orgPage);
  await expect(other.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(other.getByLabel("Email address to invite")).toHaveCount(0);
  const refused = await other.request.post(orgPage, {
    form: { intent: "invite", email: uniqueEmail("friend"), role: "member" },
    headers: { origin: baseURL },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Your role does not allow inviting people to this organization.");
  const viaApi = await other.request.post(`/t/${slug}/api/auth/organization/invite-member`, {
    data: { organizationId, email: uniqueEmail("friend"), role: "member" },
    headers: { origin: baseURL },
  });
  expect(viaApi.status()).toBe(403);

  // A role still held by a member cannot be deleted.
  await page.getByRole("button", { name: "Delete the role auditor" }).click();
  await expect(page.getByText("Members still have this role. Give them another role first.")).toBeVisible();

  // The owner removes the member, who loses access to the organization.
  await page.getByRole("button", { name: `Remove ${member.email}` }).click();
  await expect(page.getByRole("status")).toHaveText("The member was removed.");
  await expect(page.getByTestId("org-member")).toHaveCount(1);
  const gone = await other.goto(orgPage);
  expect(gone?.status()).toBe(404);
  await other.goto(`/t/${slug}/account`);
  await expect(other.getByText("You are not a member of any organization yet.")).toBeVisible();
});

test("with teams on, an owner creates and removes teams", async ({ page, uniqueEmail }) => {
  const { slug } = await tenantWithOrganizations(true);
  await signUp(page, slug, { name: "Olivia Owner", email: uniqueEmail("owner") });
  await page.getByRole("link", { name: "Create an organization" }).click();
  await page.getByLabel("Organization name").fill("Acme Labs");
  await page.getByLabel("Short name (slug)").fill(uniqueSlug("acme"));
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { name: "Acme Labs", level: 1 })).toBeVisible();
  // Creating an organization with teams on also creates its default team, named after it.
  await expect(page.getByRole("button", { name: "Remove the team Acme Labs" })).toBeVisible();

  await page.getByLabel("Team name").fill("Research");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("status")).toHaveText("The team Research was created.");
  await expect(page.getByRole("button", { name: "Remove the team Research" })).toBeVisible();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByLabel("Team name")).toHaveAccessibleDescription("Enter the team's name.");
  await page.getByRole("button", { name: "Remove the team Research" }).click();
  await expect(page.getByRole("status")).toHaveText("The team was removed.");
  await expect(page.getByRole("button", { name: "Remove the team Research" })).toHaveCount(0);
});
