import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import {
  baseURL,
  createTenant,
  expect,
  fillSignIn,
  patchTenantConfig,
  randomClientIp,
  signUp,
  test,
  uniqueSlug,
} from "./fixtures";

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

test("welcome after sign-up; a sign-in alert only for a browser and network not seen before", async ({
  page,
  browser,
  uniqueEmail,
}) => {
  const { slug } = await createTenant(uniqueSlug("notice"), "Notice Co");
  await patchTenantConfig(slug, {
    smtp: { host: "127.0.0.1", port: smtp.port, security: "none", fromAddress: "no-reply@notice.test" },
    authMethods: { emailPassword: { welcomeEmail: true, newSignInEmail: true } },
  });
  const email = uniqueEmail("notice");
  await signUp(page, slug, { name: "Nora Notice", email });
  const welcome = await smtp.waitForMessage(email, (m) => m.subject === "Welcome to Notice Co");
  expect(welcome.text).toContain(`${baseURL}/t/${slug}/account`);

  // The same browser and address again: nothing to report.
  await page.context().clearCookies();
  await page.goto(`/t/${slug}/sign-in`);
  await fillSignIn(page, { email });
  await expect(page.getByTestId("account-email")).toHaveText(email);

  // Another browser on another network.
  const otherIp = randomClientIp().replace(/^10\./, "172.");
  const other = await browser.newContext({
    baseURL,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) PorticoTest/1.0",
    extraHTTPHeaders: { "x-forwarded-for": otherIp },
  });
  try {
    const otherPage = await other.newPage();
    await otherPage.goto(`/t/${slug}/sign-in`);
    await fillSignIn(otherPage, { email });
    await expect(otherPage.getByTestId("account-email")).toHaveText(email);
  } finally {
    await other.close();
  }
  const alert = await smtp.waitForMessage(email, (m) => m.subject === "New sign-in to your Notice Co account");
  expect(alert.text).toContain(otherIp);
  expect(alert.text).toContain("PorticoTest/1.0");
  expect(smtp.messages.filter((m) => m.to.includes(email) && m.subject.startsWith("New sign-in"))).toHaveLength(1);
});
