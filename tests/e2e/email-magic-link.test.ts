import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { createTenant, expect, patchTenantConfig, test, uniqueSlug, withControlDb } from "./fixtures";

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

test("a magic link signs in once; the second use explains and offers a new link", async ({
  page,
  uniqueEmail,
  apiSignUp,
}) => {
  const { slug, id: tenantId } = await createTenant(uniqueSlug("magic"), "Magic Co");
  await patchTenantConfig(slug, {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@magic.test" },
    authMethods: { magicLink: { enabled: true } },
  });
  const email = uniqueEmail("magic");
  await apiSignUp(slug, { name: "Mia Magic", email });

  await page.goto(`/t/${slug}/sign-in`);
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(`/t/${slug}/magic-link`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(new RegExp(`sent a sign-in link to ${email}`));

  const mail = await smtp.waitForMessage(email);
  expect(mail.subject).toBe("Your Magic Co sign-in link");
  const link = linkIn(mail, "/magic-link/verify");
  await page.goto(link);
  await expect(page).toHaveURL(`/t/${slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/magic-link\\?error=`));
  await expect(page.getByRole("heading", { name: "This sign-in link does not work any more" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a link" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveCount(0);

  // The refused link is a failed sign-in in the tenant's audit log.
  const failedMagicLinks = async () => {
    const out = await withControlDb(`
      const rows = await db.auditEvent.findMany({ where: { tenantId: ${JSON.stringify(tenantId)}, type: "sign_in.failed" } });
      console.log("magic=" + rows.filter((row) => JSON.parse(row.data).method === "magic-link").length);`);
    return Number(/magic=(\d+)/.exec(out)?.[1]);
  };
  await expect.poll(failedMagicLinks, { timeout: 10_000 }).toBe(1);
});

test("without the method the page does not exist and the sign-in page does not offer it", async ({ page }) => {
  const { slug } = await createTenant(uniqueSlug("nomagic"));
  await page.goto(`/t/${slug}/sign-in`);
  await expect(page.getByRole("link", { name: "Email me a sign-in link" })).toHaveCount(0);
  const response = await page.goto(`/t/${slug}/magic-link`);
  expect(response?.status()).toBe(404);
});
