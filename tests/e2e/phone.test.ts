import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { baseURL, expect, expectFieldError, signIn, test, uniqueSlug, withControlDb } from "./fixtures";
import { E2E_TWILIO, startTwilioReceiver, type TwilioReceiver } from "../support/twilio-receiver";

/**
 * Phone number sign-in and verification. The e2e server's SMS gateway (playwright.config.ts)
 * points at a real HTTP server started here that speaks Twilio's Messages API; the tests read
 * the code from the text it receives. The receiver has one fixed port, so this file's tests
 * run one after another in one worker.
 */
test.describe.configure({ mode: "default" });

let receiver: TwilioReceiver;

test.beforeAll(async () => {
  receiver = await startTwilioReceiver({ ...E2E_TWILIO, port: Number(process.env.PORTICO_E2E_TWILIO_PORT) });
});
test.afterAll(async () => {
  await receiver.close();
});

/** A German mobile number no other test uses, in E.164 form and as a person might type it. */
function newPhoneNumber() {
  const subscriber = String(randomInt(10_000_000, 99_999_999));
  return { e164: `+49151${subscriber}`, typed: `+49 151 ${subscriber.slice(0, 4)} ${subscriber.slice(4)}` };
}

/** A tenant created with phone numbers on, in one script (each script costs a process start). */
async function phoneTenant(allowSignUp: boolean) {
  const slug = uniqueSlug("phone");
  const config = { authMethods: { phoneNumber: { enabled: true, allowSignUp } } };
  await withControlDb(
    `await tenants.create({ slug: ${JSON.stringify(slug)}, name: "Phone", config: ${JSON.stringify(config)} });`,
  );
  await expect
    .poll(async () => (await fetch(`${baseURL}/t/${slug}/api/auth/get-session`)).status, { timeout: 10_000 })
    .toBe(200);
  return { slug };
}

/** Waits for the text to `phone` sent after `since` and returns its code. */
async function codeTextedTo(phone: string, since: Date): Promise<string> {
  const sms = await receiver.waitForMessage(phone, { after: since });
  expect(sms.from).toBe(E2E_TWILIO.from);
  const code = /^(\d{6}) is your /.exec(sms.body)?.[1];
  expect(code, sms.body).toBeDefined();
  return code!;
}

async function sendCode(page: Page, typed: string) {
  await page.getByRole("textbox", { name: "Phone number" }).fill(typed);
  await page.getByRole("button", { name: "Send code" }).click();
}

test("a new user signs up with a texted code; a malformed number and a wrong code are refused clearly", async ({
  page,
}) => {
  const tenant = await phoneTenant(true);
  const phone = newPhoneNumber();
  await page.goto(`/t/${tenant.slug}/sign-in`);
  await page.getByRole("link", { name: "Use your phone number" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/phone`);

  await sendCode(page, "0151 2345");
  await expectFieldError(page, "Phone number", "Enter your phone number with its country code, like +49 151 23456789.");

  const since = new Date();
  await sendCode(page, phone.typed);
  await expect(page.getByRole("status")).toContainText(`We sent a code to +49 ••• ${phone.e164.slice(-2)}.`);
  const code = await codeTextedTo(phone.e164, since);

  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("Code").fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectFieldError(page, "Code", "That code is not right. Check the text message and try again.");

  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-phone")).toHaveText(`${phone.e164}(Verified)`);
  await expect(page.getByTestId("account-email")).toHaveText(`${phone.e164.slice(1)}@phone.invalid`);
});

test("a user adds a verified number on the account page and signs in with it; unknown numbers get no text", async ({
  page,
  apiSignUp,
  uniqueEmail,
}) => {
  const tenant = await phoneTenant(false);
  const email = uniqueEmail("phone");
  await apiSignUp(tenant.slug, { name: "Pat Phone", email });
  await signIn(page, tenant.slug, { email });
  await expect(page.getByTestId("account-phone")).toHaveText("No phone number yet.");
  await page.getByRole("link", { name: "Add a phone number" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account/phone`);

  const phone = newPhoneNumber();
  let since = new Date();
  await sendCode(page, phone.typed);
  const code = await codeTextedTo(phone.e164, since);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify number" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account?phone=verified`);
  await expect(page.getByRole("status")).toContainText(`Your phone number ${phone.e164} is verified.`);
  await expect(page.getByTestId("account-phone")).toHaveText(`${phone.e164}(Verified)`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/sign-in`);
  await page.goto(`/t/${tenant.slug}/phone`);
  // Sign-up with a phone number is off: a number without an account is told nothing and texted nothing.
  const stranger = newPhoneNumber();
  since = new Date();
  await sendCode(page, stranger.typed);
  await expect(page.getByRole("status")).toContainText("If an account uses");

  await page.getByRole("link", { name: "Use another number" }).click();
  await sendCode(page, phone.typed);
  await page.getByLabel("Code").fill(await codeTextedTo(phone.e164, since));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/t/${tenant.slug}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
  expect(receiver.received.filter((sms) => sms.to === stranger.e164)).toEqual([]);
});
