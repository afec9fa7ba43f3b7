/**
 * Members and invitations: owners invite by email, the invitee reads the link in their outbox
 * and accepts it once; expired, used and revoked links explain themselves; the last owner is
 * protected; viewers cannot manage members; non-members get 404 on every route of this area.
 */
import type { Browser, Page } from "@playwright/test";
import { baseURL, expectFieldError, withControlDb } from "./fixtures";
import { expect, PASSWORD, platformMailLink, test, VERIFY_LINK } from "./console-fixtures";

test.describe.configure({ timeout: 60_000 });

const expireInvitation = (email: string) =>
  withControlDb(
    `await db.invitation.updateMany({ where: { email: ${JSON.stringify(email)} }, data: { expiresAt: new Date(Date.now() - 1000) } });`,
  );

async function invite(page: Page, slug: string, email: string, role: "Owner" | "Admin" | "Viewer") {
  await page.goto(`/admin/${slug}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
}

/**
 * Opens the invitation in the signed-in invitee's platform outbox, which shows it was sent but
 * hides the link, and returns the link from the invitee's mail.
 */
async function invitationLinkFromOutbox(page: Page, tenantName: string, email: string): Promise<string> {
  await page.goto("/admin");
  await page.getByRole("link", { name: "My outbox" }).click();
  await page.getByRole("link", { name: `You're invited to administer ${tenantName}` }).click();
  const article = page.getByRole("article");
  await expect(article).toContainText("[invitation link — hidden]");
  await expect(article.getByRole("link", { name: /\/invite\// })).toHaveCount(0);
  const link = await platformMailLink(email, /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/);
  expect(link).not.toBe("");
  return link;
}

async function newSignedOutPage(browser: Browser, extraHTTPHeaders?: Record<string, string>) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders });
  return { context, page: await context.newPage() };
}

test("an invitation read in the invitee's outbox makes them a member once", async ({
  page,
  ownedTenant,
  browser,
  uniqueEmail,
  extraHTTPHeaders,
}) => {
  const email = uniqueEmail("invitee");
  await invite(page, ownedTenant.slug, email, "Admin");
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText(email);
  // The inviter's own outbox does not show mail addressed to someone else.
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { name: "My outbox" })).toBeVisible();
  await expect(page.getByRole("link", { name: /invited to administer/ })).toHaveCount(0);

  const invitee = await newSignedOutPage(browser, extraHTTPHeaders);
  await invitee.page.goto("/sign-up");
  await invitee.page.getByLabel("Name").fill("Ivy Invitee");
  await invitee.page.getByLabel("Email").fill(email);
  await invitee.page.getByLabel("Password").fill(PASSWORD);
  await invitee.page.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await invitee.page.goto(await platformMailLink(email, VERIFY_LINK));
  await expect(invitee.page).toHaveURL("/admin");
  const link = await invitationLinkFromOutbox(invitee.page, ownedTenant.name, email);
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{43}$`));

  await invitee.page.goto(link);
  await expect(invitee.page.getByRole("heading", { name: `Join ${ownedTenant.name}` })).toBeVisible();
  await invitee.page.getByRole("button", { name: `Accept and join ${ownedTenant.name}` }).click();
  await expect(invitee.page).toHaveURL(`/admin/${ownedTenant.slug}`);
  await expect(invitee.page.getByRole("status")).toContainText(`You joined ${ownedTenant.name} as admin.`);

  await invitee.page.goto(link);
  await expect(invitee.page.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  await page.goto(`/admin/${ownedTenant.slug}/members`);
  await expect(page.getByRole("combobox", { name: `Role of ${email}` })).toHaveValue("admin");
  await expect(page.getByText("No pending invitations")).toBeVisible();
  await invitee.context.close();
});

test("a signed-out visitor signs in first and comes back; another account is told to switch", async ({
  page,
  platformAccount,
  ownedTenant,
  otherAccount,
  browser,
  extraHTTPHeaders,
}) => {
  const other = await otherAccount("none", ownedTenant.slug);
  await invite(page, ownedTenant.slug, other.account.email, "Viewer");
  const link = await invitationLinkFromOutbox(other.page, ownedTenant.name, other.account.email);

  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText(
    `You are signed in as ${platformAccount.email}, but this invitation is for ${other.account.email}.`,
  );

  const visitor = await newSignedOutPage(browser, extraHTTPHeaders);
  await visitor.page.goto(link);
  await visitor.page.getByRole("link", { name: "Sign in to accept" }).click();
  await visitor.page.getByLabel("Email").fill(other.account.email);
  await visitor.page.getByLabel("Password").fill(PASSWORD);
  await visitor.page.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.page).toHaveURL(new URL(link).pathname);
  await visitor.page.getByRole("button", { name: `Accept and join ${ownedTenant.name}` }).click();
  await expect(visitor.page.getByRole("status")).toContainText(`You joined ${ownedTenant.name} as viewer.`);
  await visitor.context.close();
});

test("expired and revoked invitations explain what happened", async ({ page, ownedTenant, otherAccount }) => {
  const expired = await otherAccount("none", ownedTenant.slug);
  await invite(page, ownedTenant.slug, expired.account.email, "Viewer");
  const expiredLink = await invitationLinkFromOutbox(expired.page, ownedTenant.name, expired.account.email);
  await expireInvitation(expired.account.email);
  const response = await expired.page.goto(expiredLink);
  expect(response?.status()).toBe(410);
  await expect(expired.page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await expect(expired.page.getByText(`Ask an owner of ${ownedTenant.name} to send you a new one.`)).toBeVisible();

  const revoked = await otherAccount("none", ownedTenant.slug);
  await invite(page, ownedTenant.slug, revoked.account.email, "Admin");
  const revokedLink = await invitationLinkFromOutbox(revoked.page, ownedTenant.name, revoked.account.email);
  await page.getByRole("button", { name: `Revoke invitation for ${revoked.account.email}` }).click();
  await expect(page.getByRole("status")).toContainText(`The invitation for ${revoked.account.email} was revoked.`);
  await revoked.page.goto(revokedLink);
  await expect(revoked.page.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await expect(revoked.page.getByRole("button", { name: /Accept/ })).toHaveCount(0);
});

test("inviting an existing member or a malformed address is an error on the field", async ({
  page,
  platformAccount,
  ownedTenant,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/members`);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expectFieldError(page, "Email", "Enter a valid email address, like name@example.com.");
  await page.getByLabel("Email").fill(platformAccount.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expectFieldError(page, "Email", `${platformAccount.email} is already a member; change their role instead.`);
});

test("the last owner can be neither demoted nor removed; with a second owner both work", async ({
  page,
  platformAccount,
  ownedTenant,
  otherAccount,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/members`);
  await page.getByRole("combobox", { name: `Role of ${platformAccount.email}` }).selectOption("admin");
  await page.getByRole("button", { name: `Save role of ${platformAccount.email}` }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "A tenant needs at least one owner. Make someone else an owner first.",
  );
  await page.getByRole("button", { name: `Remove ${platformAccount.email}` }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "A tenant needs at least one owner. Make someone else an owner first.",
  );

  const second = await otherAccount("viewer", ownedTenant.slug);
  await page.reload();
  await page.getByRole("combobox", { name: `Role of ${second.account.email}` }).selectOption("owner");
  await page.getByRole("button", { name: `Save role of ${second.account.email}` }).click();
  await expect(page.getByRole("status")).toContainText(`${second.account.email} is now owner.`);
  await page.getByRole("combobox", { name: `Role of ${platformAccount.email}` }).selectOption("viewer");
  await page.getByRole("button", { name: `Save role of ${platformAccount.email}` }).click();
  await expect(page.getByRole("status")).toContainText(`${platformAccount.email} is now viewer.`);
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  await second.page.goto(`/admin/${ownedTenant.slug}/members`);
  await second.page.getByRole("button", { name: `Remove ${platformAccount.email}` }).click();
  await expect(second.page.getByRole("status")).toContainText(`${platformAccount.email} was removed`);
  expect((await page.goto(`/admin/${ownedTenant.slug}/members`))?.status()).toBe(404);
});

test("a viewer cannot manage members: POST → 403, nothing changed, admin.denied recorded", async ({
  page,
  platformAccount,
  ownedTenant,
  otherAccount,
}) => {
  const viewer = await otherAccount("viewer", ownedTenant.slug);
  await viewer.page.goto(`/admin/${ownedTenant.slug}/members`);
  await expect(viewer.page.getByRole("row", { name: new RegExp(platformAccount.email) })).toContainText("owner");
  await expect(viewer.page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  const forms: Record<string, string>[] = [
    { intent: "invite", email: "someone@example.com", role: "owner" },
    { intent: "change-role", userId: "whatever", role: "owner" },
    { intent: "remove", userId: "whatever" },
    { intent: "revoke", invitationId: "whatever" },
  ];
  for (const form of forms) {
    const response = await viewer.page.request.post(`/admin/${ownedTenant.slug}/members`, { form, maxRedirects: 0 });
    expect(response.status(), form.intent).toBe(403);
  }
  await page.goto(`/admin/${ownedTenant.slug}/members`);
  await expect(page.getByText("No pending invitations")).toBeVisible();
  const denied = await withControlDb(
    `process.stdout.write(String(await db.auditEvent.count({ where: { tenantId: ${JSON.stringify(ownedTenant.id)}, type: "admin.denied", actorLabel: ${JSON.stringify(viewer.account.email)} } })));`,
  );
  expect(Number(denied)).toBe(forms.length);
});

test("another tenant's member and invitation ids are refused", async ({ page, ownedTenant, otherAccount }) => {
  const elsewhere = await otherAccount("none", ownedTenant.slug);
  // The other account owns a tenant of its own, with a pending invitation.
  const slug = `else-${ownedTenant.slug.slice(-8)}`;
  const created = await elsewhere.page.request.post("/admin?index", {
    form: { name: "Elsewhere", slug, environment: "development" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  await invite(elsewhere.page, slug, "pending@example.com", "Viewer");
  const ids = JSON.parse(
    await withControlDb(`
      const tenant = await db.tenant.findUnique({ where: { slug: ${JSON.stringify(slug)} }, include: { memberships: true, invitations: true } });
      process.stdout.write(JSON.stringify({ userId: tenant.memberships[0].userId, invitationId: tenant.invitations[0].id }));`),
  ) as { userId: string; invitationId: string };

  const post = (form: Record<string, string>) =>
    page.request.post(`/admin/${ownedTenant.slug}/members`, { form, maxRedirects: 0 });
  expect((await post({ intent: "change-role", userId: ids.userId, role: "viewer" })).status()).toBe(404);
  expect((await post({ intent: "remove", userId: ids.userId })).status()).toBe(404);
  expect((await post({ intent: "revoke", invitationId: ids.invitationId })).status()).toBe(404);
  expect((await post({ intent: "nonsense" })).status()).toBe(400);

  await elsewhere.page.goto(`/admin/${slug}/members`);
  await expect(elsewhere.page.getByRole("combobox", { name: `Role of ${elsewhere.account.email}` })).toHaveValue(
    "owner",
  );
  await expect(elsewhere.page.getByRole("table", { name: "Pending invitations" })).toContainText("pending@example.com");
});

test("a non-member gets 404 on every route and action of this area", async ({ ownedTenant, otherAccount }) => {
  const stranger = await otherAccount("none", ownedTenant.slug);
  const { request } = stranger.page;
  for (const section of ["members", "outbox", "environments", "danger"]) {
    const url = `/admin/${ownedTenant.slug}/${section}`;
    expect((await request.get(url)).status(), `GET ${url}`).toBe(404);
  }
  const posts: [string, Record<string, string>][] = [
    ["members", { intent: "invite", email: "x@example.com", role: "owner" }],
    ["members", { intent: "remove", userId: "x" }],
    ["environments", { target: ownedTenant.slug }],
    ["danger", { intent: "disable" }],
    ["danger", { intent: "delete", confirm: ownedTenant.slug }],
  ];
  for (const [section, form] of posts) {
    const response = await request.post(`/admin/${ownedTenant.slug}/${section}`, { form, maxRedirects: 0 });
    expect(response.status(), `POST ${section} ${form.intent ?? ""}`).toBe(404);
  }
  // Cloning a tenant one cannot see is a 404 too, and creates nothing.
  const clone = await request.post("/admin?index", {
    form: {
      name: "Stolen",
      slug: `stolen-${ownedTenant.slug.slice(-8)}`,
      environment: "development",
      cloneFrom: ownedTenant.slug,
    },
    maxRedirects: 0,
  });
  expect(clone.status()).toBe(404);
  // The tenant's outbox messages are not reachable from the platform outbox either.
  expect((await request.get(`/admin/outbox?message=${ownedTenant.id}`)).status()).toBe(404);
});
