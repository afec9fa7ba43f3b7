import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import { TenantConfigSchema, withNewTenantDefaults } from "~/tenancy/config";
import { liveTenantHarness, PUBLIC_URL } from "../../tests/support/live-tenant";
import { testProviders } from "../../tests/support/storage";

/**
 * Account-enumeration protection (issue 13 item 6) over the tenant's plain HTTP API: sign-up and
 * password reset answer an existing address exactly like an unknown one, in content and in time.
 */
const PASSWORD = "correct-horse-battery";
/**
 * What queueing one email costs in these tests (see liveTenantHarness); the app's own cost is a
 * few ms. Large, so that on a busy shared machine (requests vary by tens of ms) an email sent on
 * the request path still stands far above the noise.
 */
const EMAIL_COST_MS = 250;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe.each(testProviders())("account-enumeration protection (%s)", (provider: Provider) => {
  const harness = liveTenantHarness(provider);
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());
  afterEach(() => harness.reset());

  const templates = () =>
    harness.state.emails.map((email) => `${"template" in email ? email.template : "plain"} ${email.to}`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3 * EMAIL_COST_MS + 100));

  async function tenantWithUser(enumerationProtection = true) {
    await harness.createTenant({ config: { signInProtection: { enumerationProtection } } });
    const signedUp = await harness.call("/sign-up/email", {
      body: { name: "Ada", email: "ada@example.com", password: PASSWORD },
    });
    expect(signedUp.status).toBe(200);
    await settle();
    harness.state.emails.length = 0;
  }

  it("is on for a tenant created from the console or CLI; a config stored before the setting keeps it off", async () => {
    const tenant = await harness.createTenant({ config: withNewTenantDefaults({}) });
    expect(tenant.config.signInProtection.enumerationProtection).toBe(true);
    expect(TenantConfigSchema.parse({}).signInProtection.enumerationProtection).toBe(false);
  });

  it("answers a sign-up with an existing address like a new one, and tells the owner", async () => {
    await tenantWithUser();
    const signUp = (email: string) =>
      harness.call("/sign-up/email", { body: { name: "Eve", email, password: "another-horse-battery" } });
    const existing = await signUp("ada@example.com");
    const fresh = await signUp("new@example.com");
    expect(existing.status).toBe(200);
    expect(fresh.status).toBe(200);
    const shape = (json: Record<string, unknown> | null) => ({
      keys: Object.keys(json ?? {}).sort(),
      token: json?.token,
      user: Object.keys((json?.user as object) ?? {}).sort(),
    });
    expect(shape(existing.json)).toEqual(shape(fresh.json));
    expect(existing.json?.token).toBeNull();
    expect(existing.cookie).not.toMatch(/session_token=/);
    expect(fresh.cookie).not.toMatch(/session_token=/);
    await settle();
    expect(templates().sort()).toEqual(["signUpAttempt ada@example.com", "verifyEmail new@example.com"]);
    const notice = harness.state.emails.find((email) => "template" in email && email.template === "signUpAttempt");
    expect(notice).toMatchObject({
      props: { url: `${PUBLIC_URL}/t/acme/sign-in`, resetUrl: `${PUBLIC_URL}/t/acme/forgot-password` },
    });
    // The existing account is untouched: its password still signs in.
    const signIn = await harness.call("/sign-in/email", { body: { email: "ada@example.com", password: PASSWORD } });
    expect(signIn.status).toBe(200);
  });

  it("keeps the old answers when the tenant turns it off", async () => {
    await tenantWithUser(false);
    const existing = await harness.call("/sign-up/email", {
      body: { name: "Eve", email: "ada@example.com", password: "another-horse-battery" },
    });
    expect(existing.status).toBe(422);
    expect(existing.json?.code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
  });

  it("answers a password reset for an existing and an unknown address in the same time", async () => {
    await tenantWithUser();
    harness.state.emailCostMs = EMAIL_COST_MS;
    const timings = { existing: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 15; round++) {
      for (const [kind, email] of [
        ["existing", "ada@example.com"],
        ["unknown", `nobody-${round}@example.com`],
      ] as const) {
        const started = performance.now();
        const answer = await harness.call("/request-password-reset", { body: { email } });
        timings[kind].push(performance.now() - started);
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({
          status: true,
          message: "If this email exists in our system, check your email for the reset link",
        });
      }
    }
    // Without the deferral the existing address pays the email's cost on every request; with
    // it the medians differ by far less than that (the rest is the machine's noise).
    const difference = Math.abs(median(timings.existing) - median(timings.unknown));
    expect(difference, JSON.stringify(timings)).toBeLessThan(EMAIL_COST_MS / 2);
    await settle();
    const resets = harness.state.emails.filter((email) => "template" in email && email.template === "resetPassword");
    expect(resets).toHaveLength(15);
    expect(new Set(resets.map((email) => email.to))).toEqual(new Set(["ada@example.com"]));
  });

  it("still refuses a malformed reset request, naming the field", async () => {
    await tenantWithUser();
    const badEmail = await harness.call("/request-password-reset", { body: { email: "not-an-address" } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json).toMatchObject({ code: "INVALID_EMAIL", message: expect.stringMatching(/^Invalid email/) });
    const foreign = await harness.call("/request-password-reset", {
      body: { email: "ada@example.com", redirectTo: "https://evil.example/steal" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ code: "INVALID_REDIRECT_URL" });
    await settle();
    expect(templates()).toEqual([]);
  });

  it("answers an email-code request alike when sign-up is closed and the address is unknown", async () => {
    await harness.createTenant({
      config: {
        signUp: { mode: "closed" },
        authMethods: { emailOtp: { enabled: true } },
        signInProtection: { enumerationProtection: true },
      },
    });
    const live = await harness.live();
    await live.db.user.create({
      data: {
        id: "u1",
        name: "Ada",
        email: "ada@example.com",
        emailVerified: true,
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    harness.state.emailCostMs = EMAIL_COST_MS;
    const timings = { existing: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 9; round++) {
      for (const [kind, email] of [
        ["existing", "ada@example.com"],
        ["unknown", "nobody@example.com"],
      ] as const) {
        const started = performance.now();
        const answer = await harness.call("/email-otp/send-verification-otp", { body: { email, type: "sign-in" } });
        timings[kind].push(performance.now() - started);
        expect(answer.json).toEqual({ success: true });
      }
    }
    const difference = Math.abs(median(timings.existing) - median(timings.unknown));
    expect(difference, JSON.stringify(timings)).toBeLessThan(EMAIL_COST_MS / 2);
    await settle();
    expect(new Set(templates())).toEqual(new Set(["oneTimeCode ada@example.com"]));
  });
});
