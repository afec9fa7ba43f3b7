import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import { readSmsGateway, SmsConfigError, type SmsGateway } from "~/sms/config.server";
import { redactSmsCodes, SmsOutbox } from "~/sms/outbox.server";
import { SMS_MAX_ATTEMPTS, SMS_RETRY_DELAYS_MS, SmsSender } from "~/sms/sender.server";
import { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";
import { startTwilioReceiver, type TwilioReceiver } from "../support/twilio-receiver";
import { testRegistry } from "../support/registry";

const PUBLIC_URL = "http://localhost:3997";
const SECRET = "sms-test-deployment-secret".padEnd(48, "z");
const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN = "twilio-auth-token-do-not-leak";
const FROM = "+15005550006";
const PHONE = "+4915123456789";

/** The phone-number plugin's endpoints (the tenant's auth type does not list per-tenant plugins). */
type PhoneApi = {
  sendPhoneNumberOTP(input: { body: { phoneNumber: string } }): Promise<unknown>;
  verifyPhoneNumber(input: {
    body: { phoneNumber: string; code: string };
  }): Promise<{ user: Record<string, unknown>; token: string | null }>;
};

describe("SMS_* environment", () => {
  const read = (vars: Record<string, string>) => readSmsGateway(vars as unknown as NodeJS.ProcessEnv);

  it("is off when no SMS variable is set, and defaults the API to Twilio's", () => {
    expect(read({ SMS_TWILIO_BASE_URL: "" })).toBeNull();
    expect(read({ SMS_TWILIO_ACCOUNT_SID: ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN: AUTH_TOKEN, SMS_FROM: FROM })).toEqual({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: FROM,
      baseUrl: "https://api.twilio.com",
    });
  });

  it("names the missing variable of a partial configuration, and refuses a base URL that is not http(s)", () => {
    expect(() => read({ SMS_TWILIO_ACCOUNT_SID: ACCOUNT_SID, SMS_FROM: FROM })).toThrow(SmsConfigError);
    expect(() => read({ SMS_TWILIO_ACCOUNT_SID: ACCOUNT_SID, SMS_FROM: FROM })).toThrow(/SMS_TWILIO_AUTH_TOKEN/);
    expect(() =>
      read({
        SMS_TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        SMS_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        SMS_FROM: FROM,
        SMS_TWILIO_BASE_URL: "ftp://api.example.com",
      }),
    ).toThrow(/SMS_TWILIO_BASE_URL/);
  });
});

describe.each(testProviders())("phone number codes and SMS delivery on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let receiver: TwilioReceiver;
  let registry: TenantRegistry | undefined;
  let now: Date;

  const gateway = (): SmsGateway => ({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: FROM,
    baseUrl: receiver.baseUrl,
  });

  /** A tenant with phone numbers on, served by a registry whose texts go to `outbox`. */
  async function phoneTenant(outbox: SmsOutbox, settings: Record<string, unknown> = {}) {
    const tenant: Tenant = await tenants.create({
      slug: "acme",
      name: "Acme",
      config: { authMethods: { phoneNumber: { enabled: true, allowSignUp: true, ...settings } } },
    });
    registry = testRegistry(tenants, test.storage, PUBLIC_URL, {
      sendTenantSms: (owner, sms) => outbox.send({ tenantId: owner.id, ...sms }).then(() => undefined),
    });
    const live = await registry.resolve({ slug: tenant.slug });
    if (live.status !== "ok") throw new Error("tenant not ready");
    return { tenant, auth: { api: live.auth.api as unknown as PhoneApi } };
  }

  const codeIn = (body: string) => /\b(\d{4,10})\b/.exec(body)?.[1];

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    receiver = await startTwilioReceiver({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  });
  afterAll(async () => {
    await receiver.close();
    await test.cleanup();
  });
  beforeEach(() => {
    now = new Date("2026-01-01T12:00:00Z");
    receiver.received.length = 0;
  });
  afterEach(async () => {
    await registry?.close();
    registry = undefined;
    await resetTestStorage(test);
    const control = await test.storage.control();
    await control.smsMessage.deleteMany();
  });

  it("captures the code in the outbox without a gateway, and the captured code signs the new user up", async () => {
    const outbox = new SmsOutbox(test.storage, false);
    const { tenant, auth } = await phoneTenant(outbox, { codeLength: 8 });
    await auth.api.sendPhoneNumberOTP({ body: { phoneNumber: PHONE } });

    const [sms, ...others] = await outbox.list({ tenantId: tenant.id });
    expect(others).toEqual([]);
    expect(sms).toMatchObject({ to: PHONE, status: "captured", attempts: 0, nextAttemptAt: null });
    expect(sms!.body).toMatch(/^\d{8} is your Acme code\. It expires in 5 minutes\./);
    // Nothing reaches a gateway, even with a sender running against one.
    expect(await new SmsSender(test.storage, gateway()).sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toEqual([]);

    const code = codeIn(sms!.body)!;
    const wrong = code === "00000000" ? "11111111" : "00000000";
    await expect(auth.api.verifyPhoneNumber({ body: { phoneNumber: PHONE, code: wrong } })).rejects.toMatchObject({
      body: { code: "INVALID_OTP" },
    });
    const verified = await auth.api.verifyPhoneNumber({ body: { phoneNumber: PHONE, code } });
    expect(verified.user).toMatchObject({ phoneNumber: PHONE, phoneNumberVerified: true });
    expect(verified.token).toEqual(expect.any(String));
  });

  it("without sign-up, texts nobody for a number no account has, and its verification is a 400", async () => {
    const outbox = new SmsOutbox(test.storage, false);
    const { tenant, auth } = await phoneTenant(outbox, { allowSignUp: false });
    // The same answer as for a number with an account: nothing tells the caller it has none.
    await expect(auth.api.sendPhoneNumberOTP({ body: { phoneNumber: PHONE } })).resolves.toEqual({
      message: expect.any(String),
    });
    expect(await outbox.list({ tenantId: tenant.id })).toEqual([]);
    await expect(auth.api.verifyPhoneNumber({ body: { phoneNumber: PHONE, code: "123456" } })).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it("refuses a number that is not in E.164 form and sends nothing", async () => {
    const outbox = new SmsOutbox(test.storage, false);
    const { tenant, auth } = await phoneTenant(outbox);
    await expect(auth.api.sendPhoneNumberOTP({ body: { phoneNumber: "0151 2345" } })).rejects.toMatchObject({
      body: { code: "INVALID_PHONE_NUMBER" },
    });
    expect(await outbox.list({ tenantId: tenant.id })).toEqual([]);
  });

  it("queues the code and delivers it to the Twilio-compatible API with basic auth", async () => {
    const outbox = new SmsOutbox(test.storage, true, () => now);
    const { tenant, auth } = await phoneTenant(outbox);
    await auth.api.sendPhoneNumberOTP({ body: { phoneNumber: PHONE } });
    expect((await outbox.list({ tenantId: tenant.id }))[0]).toMatchObject({ status: "queued" });

    const sender = new SmsSender(test.storage, gateway(), { now: () => now });
    expect(await sender.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ to: PHONE, from: FROM });
    const [stored] = await outbox.list({ tenantId: tenant.id });
    expect(stored).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt: now });
    // The delivered code is dropped from the database; the log keeps the text with the code hidden.
    expect(stored!.body).toBe(redactSmsCodes(receiver.received[0]!.body));
    expect(stored!.body).not.toMatch(/\d{4,}/);
    // A second pass finds nothing left to send.
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // The delivered code works once; the same code again is refused.
    const code = codeIn(receiver.received[0]!.body)!;
    await auth.api.verifyPhoneNumber({ body: { phoneNumber: PHONE, code } });
    await expect(auth.api.verifyPhoneNumber({ body: { phoneNumber: PHONE, code } })).rejects.toMatchObject({
      body: { code: expect.stringMatching(/OTP_NOT_FOUND|INVALID_OTP/) },
    });
  });

  it("retries a refused message on schedule, never stores the auth token, and gives up after the last attempt", async () => {
    const outbox = new SmsOutbox(test.storage, true, () => now);
    await outbox.send({ tenantId: null, to: PHONE, body: "123456 is your code." });
    const sender = new SmsSender(test.storage, gateway(), { now: () => now });
    receiver.failNext(SMS_MAX_ATTEMPTS);

    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [stored] = await outbox.list({ tenantId: null });
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });
    expect(stored!.lastError).toBe("The SMS gateway answered 503: Service temporarily unavailable");
    expect(stored!.nextAttemptAt).toEqual(new Date(now.getTime() + SMS_RETRY_DELAYS_MS[0]));
    // Not due yet: nothing happens.
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    for (const delay of SMS_RETRY_DELAYS_MS) {
      now = new Date(now.getTime() + delay);
      await sender.sendDue();
    }
    [stored] = await outbox.list({ tenantId: null });
    expect(stored).toMatchObject({ status: "failed", attempts: SMS_MAX_ATTEMPTS, nextAttemptAt: null });
    expect(JSON.stringify(stored)).not.toContain(AUTH_TOKEN);
    expect(receiver.received).toEqual([]);
  });

  it("marks a message failed after a wrong auth token, with the gateway's reason", async () => {
    const outbox = new SmsOutbox(test.storage, true, () => now);
    await outbox.send({ tenantId: null, to: PHONE, body: "654321 is your code." });
    const sender = new SmsSender(test.storage, { ...gateway(), authToken: "wrong-token" }, { now: () => now });
    await sender.sendDue();
    const [stored] = await outbox.list({ tenantId: null });
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });
    expect(stored!.lastError).toBe("The SMS gateway answered 401: Authentication Error - invalid username");
    expect(receiver.received).toEqual([]);
  });
});
