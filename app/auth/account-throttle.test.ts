import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "~/db/paths.server";
import type { TenantConfigInput } from "~/tenancy/config";
import { liveTenantHarness } from "../../tests/support/live-tenant";
import { testProviders } from "../../tests/support/storage";
import { delayAfterFailures } from "./account-throttle.server";

/**
 * Per-account throttling (issue 13 item 5) over the tenant's plain HTTP API, each request from
 * its own client IP as a botnet would send them, so the per-IP rate limit never applies.
 */
const PASSWORD = "correct-horse-battery";
const WRONG = "wrong-horse-battery";

describe("the delay after a failure", () => {
  const settings = { freeAttempts: 5, maxDelaySeconds: 900, lockAfter: 50, noticeAfter: 10 };
  it("is none within the free attempts, then doubles up to the maximum", () => {
    expect([1, 4, 5, 6, 7, 14, 15, 40].map((failures) => delayAfterFailures(failures, settings))).toEqual([
      0, 0, 1, 2, 4, 512, 900, 900,
    ]);
  });
});

describe.each(testProviders())("per-account throttling on a live tenant (%s)", (provider: Provider) => {
  const harness = liveTenantHarness(provider);
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());
  afterEach(() => harness.reset());

  async function tenantWithUser(accountThrottle: Record<string, number>, config: TenantConfigInput = {}) {
    await harness.createTenant({ config: { ...config, signInProtection: { accountThrottle } } });
    const signedUp = await harness.call("/sign-up/email", {
      body: { name: "Ada", email: "ada@example.com", password: PASSWORD },
    });
    expect(signedUp.status).toBe(200);
    // Confirmed: a first sign-in by link or code to an unconfirmed address drops its password (better-auth).
    await (await harness.live()).db.user.updateMany({ data: { emailVerified: true } });
  }

  const signIn = (email: string, password: string) => harness.call("/sign-in/email", { body: { email, password } });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("evaluates only the free attempts of a concurrent burst from many IPs, then refuses even the right password", async () => {
    await tenantWithUser({ freeAttempts: 5, maxDelaySeconds: 60 });
    const burst = await Promise.all(Array.from({ length: 200 }, () => signIn("ADA@Example.com", WRONG)));
    const statuses = burst.map((answer) => answer.status);
    // Five free attempts plus the one that held the gate were checked; the rest never were.
    expect(statuses.filter((status) => status === 401)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(194);

    const right = await signIn("ada@example.com", PASSWORD);
    expect(right.status).toBe(429);
    expect(right.json).toMatchObject({ code: "ACCOUNT_THROTTLED" });
    const retryAfter = Number(right.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(String(right.json?.message)).toBe(
      `Too many attempts for this account. Try again in ${retryAfter} seconds or sign in with a link.`,
    );
    expect(right.cookie).not.toMatch(/session_token=/);
    const throttled = harness.state.events.filter((event) => event.type === "sign_in.throttled");
    expect(throttled.length).toBe(195);
    expect(throttled.at(-1)).toMatchObject({
      email: "ada@example.com",
      data: { reason: "backoff", method: "password", failures: 6 },
    });
  });

  it("lets the right password in once the delay is over, and starts the account afresh", async () => {
    await tenantWithUser({ freeAttempts: 1, maxDelaySeconds: 1 });
    expect((await signIn("ada@example.com", WRONG)).status).toBe(401);
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(429);
    await wait(1100);
    const right = await signIn("ada@example.com", PASSWORD);
    expect(right.status).toBe(200);
    expect(right.cookie).toMatch(/session_token=/);
    expect((await signIn("ada@example.com", WRONG)).status).toBe(401);
  });

  it("locks password sign-in after the cap until a sign-in by email code lifts it; mails the user once", async () => {
    await tenantWithUser(
      { freeAttempts: 1, maxDelaySeconds: 1, lockAfter: 5, noticeAfter: 3 },
      { authMethods: { emailOtp: { enabled: true } } },
    );
    for (let failure = 1; failure <= 5; failure++) {
      expect((await signIn("ada@example.com", WRONG)).status).toBe(401);
      await wait(1050);
    }
    const locked = await signIn("ada@example.com", PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.json).toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect(Number(locked.response.headers.get("retry-after"))).toBeGreaterThan(86_000);

    const notices = harness.state.emails.filter(
      (email) => "template" in email && email.template === "accountThrottled",
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      to: "ada@example.com",
      props: { email: "ada@example.com", failures: 3, url: "http://localhost:3997/t/acme/forgot-password" },
    });

    await harness.call("/email-otp/send-verification-otp", { body: { email: "ada@example.com", type: "sign-in" } });
    const code = harness.state.emails.findLast((email) => "template" in email && email.template === "oneTimeCode");
    const byCode = await harness.call("/sign-in/email-otp", {
      body: { email: "ada@example.com", otp: String((code as { props: { code: string } }).props.code) },
    });
    expect(byCode.status).toBe(200);
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(200);
  });

  it("lifts the lock after a password reset", async () => {
    await tenantWithUser({ freeAttempts: 1, maxDelaySeconds: 1, lockAfter: 5 });
    for (let failure = 1; failure <= 5; failure++) {
      await signIn("ada@example.com", WRONG);
      await wait(1050);
    }
    expect((await signIn("ada@example.com", PASSWORD)).json).toMatchObject({ code: "ACCOUNT_LOCKED" });
    await harness.call("/request-password-reset", { body: { email: "ada@example.com" } });
    await wait(200);
    const reset = harness.state.emails.findLast((email) => "template" in email && email.template === "resetPassword");
    const token = new URL(String((reset as { props: { url: string } }).props.url)).pathname.split("/").at(-1);
    const changed = await harness.call("/reset-password", { body: { token, newPassword: "new-horse-battery-staple" } });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect((await signIn("ada@example.com", "new-horse-battery-staple")).status).toBe(200);
  });

  it("counts wrong email codes against the account too", async () => {
    await tenantWithUser({ freeAttempts: 2, maxDelaySeconds: 60 }, { authMethods: { emailOtp: { enabled: true } } });
    await harness.call("/email-otp/send-verification-otp", { body: { email: "ada@example.com", type: "sign-in" } });
    const tries = [];
    for (let attempt = 0; attempt < 4; attempt++)
      tries.push(
        (await harness.call("/sign-in/email-otp", { body: { email: "ada@example.com", otp: "000000" } })).status,
      );
    // Two free wrong codes, then the third waits out its delay.
    expect(tries).toEqual([400, 400, 429, 429]);
  });

  it("answers an unknown account exactly like a known one", async () => {
    await tenantWithUser({ freeAttempts: 2, maxDelaySeconds: 60 });
    const sequence = async (email: string) => {
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await signIn(email, WRONG)).status);
      return statuses;
    };
    expect(await sequence("nobody@example.com")).toEqual(await sequence("ada@example.com"));
  });
});
