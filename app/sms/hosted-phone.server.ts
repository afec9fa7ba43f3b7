import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { afterFirstFactor } from "~/auth-methods/two-factor/two-factor.server";
import { message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { isBannedRefusal } from "~/users/bans.server";
import { maskPhoneNumber, normalizePhoneNumber } from "./phone-numbers";

/**
 * The hosted phone-number forms: send a code to a number, then check it, to sign in
 * (/phone) or to add a verified number to the signed-in account (/account/phone). They go
 * through the tenant's better-auth handler like the other hosted forms, so rate limits and
 * origin checks apply, and turn better-auth's error codes into messages on the right field.
 */
export type PhoneField = "phone" | "code" | "form";

export type PhoneStep =
  | { ok: false; status: number; step: "number" | "code"; phone: string; errors: Partial<Record<PhoneField, Message>> }
  | { ok: true; step: "code"; phone: string; notice: Message }
  | { ok: true; step: "done"; setCookies: string[]; phone: string; redirectTo?: string };

type PhoneSettings = { codeLength: number; codeExpiresInMinutes: number };

function field(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

function settingsOf(live: TenantRequestContext): PhoneSettings & { allowSignUp: boolean } {
  const { phoneNumber } = live.tenant.config.authMethods;
  return { ...phoneNumber, allowSignUp: phoneNumber.allowSignUp && live.tenant.config.signUp.mode === "open" };
}

/** Whether the tenant has the phone-number method on (its pages answer 404 otherwise). */
export function phoneSignInEnabled(live: TenantRequestContext): boolean {
  return live.tenant.config.authMethods.phoneNumber.enabled;
}

async function hasAccount(live: TenantRequestContext, phone: string): Promise<boolean> {
  return (await live.db.user.count({ where: { phoneNumber: phone } })) > 0;
}

async function failureFor(
  response: Response,
  step: "number" | "code",
  phone: string,
): Promise<Extract<PhoneStep, { ok: false }>> {
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  const code = body.code ?? "";
  const fail = (status: number, name: PhoneField, key: Parameters<typeof message>[0]) =>
    ({ ok: false, status, step, phone, errors: { [name]: message(key) } }) as const;
  if (response.status === 429) return fail(429, "form", "phone.rateLimited");
  if (code === "INVALID_PHONE_NUMBER") return fail(400, "phone", "phone.invalidNumber");
  if (code === "INVALID_OTP") return fail(400, "code", "phone.wrongCode");
  if (code === "OTP_EXPIRED" || code === "OTP_NOT_FOUND") return fail(400, "code", "phone.codeExpired");
  if (code === "TOO_MANY_ATTEMPTS") return fail(400, "code", "phone.tooManyAttempts");
  if (code === "PHONE_NUMBER_EXIST") return fail(400, "phone", "phone.account.inUse");
  return fail(400, "form", "phone.failed");
}

/**
 * Step 1: text a code to the number. When new users cannot sign up with a phone number and
 * no account uses it, nothing is sent (no texts to strangers' numbers, no cost) and the page
 * says "if an account uses it", so the answer does not reveal which numbers have accounts.
 */
export async function sendPhoneCode(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
  purpose: "sign-in" | "add-to-account",
): Promise<PhoneStep> {
  const typed = field(form, "phone", 40);
  const phone = normalizePhoneNumber(typed);
  if (!phone)
    return { ok: false, status: 400, step: "number", phone: typed, errors: { phone: message("phone.invalidNumber") } };
  const settings = settingsOf(live);
  const minutes = settings.codeExpiresInMinutes;
  const masked = maskPhoneNumber(phone);
  if (purpose === "sign-in" && !settings.allowSignUp && !(await hasAccount(live, phone)))
    return { ok: true, step: "code", phone, notice: message("phone.codeSentIfAccount", { phone: masked, minutes }) };
  const response = await callTenantAuth(live, request, "/phone-number/send-otp", { phoneNumber: phone });
  if (!response.ok) return failureFor(response, "number", phone);
  const notice =
    purpose === "sign-in" && !settings.allowSignUp
      ? message("phone.codeSentIfAccount", { phone: masked, minutes })
      : message("phone.codeSent", { phone: masked, minutes });
  return { ok: true, step: "code", phone, notice };
}

/** Step 2: check the code; signs in (or signs up, when allowed), or verifies the account's new number. */
export async function verifyPhoneCode(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
  purpose: "sign-in" | "add-to-account",
): Promise<PhoneStep> {
  const phone = normalizePhoneNumber(field(form, "phone", 40));
  if (!phone)
    return { ok: false, status: 400, step: "number", phone: "", errors: { phone: message("phone.invalidNumber") } };
  const settings = settingsOf(live);
  const code = field(form, "code", 20).replace(/\s/g, "");
  if (!new RegExp(`^\\d{${settings.codeLength}}$`).test(code))
    return {
      ok: false,
      status: 400,
      step: "code",
      phone,
      errors: { code: message("phone.codeFormat", { length: settings.codeLength }) },
    };
  // No account and no sign-up: better-auth would fail with a server error, and no code was sent.
  if (purpose === "sign-in" && !settings.allowSignUp && !(await hasAccount(live, phone)))
    return { ok: false, status: 400, step: "code", phone, errors: { code: message("phone.wrongCode") } };
  const response = await callTenantAuth(live, request, "/phone-number/verify", {
    phoneNumber: phone,
    code,
    ...(purpose === "add-to-account" ? { updatePhoneNumber: true, disableSession: true } : {}),
  });
  if (await isBannedRefusal(response))
    return { ok: false, status: 403, step: "code", phone, errors: { form: message("errors.accountSuspended") } };
  if (!response.ok) return failureFor(response, "code", phone);
  // A user with two-factor on still enters their code (app/auth-methods/two-factor).
  const secondStep = purpose === "sign-in" ? await afterFirstFactor(live, request, response) : null;
  return {
    ok: true,
    step: "done",
    setCookies: response.headers.getSetCookie(),
    phone,
    redirectTo: secondStep?.redirectTo,
  };
}

/** The account page's view of the user's number: null when the tenant has the method off. */
export function accountPhoneNumber(
  live: TenantRequestContext,
  user: object,
): { phone: string | null; verified: boolean } | null {
  if (!phoneSignInEnabled(live)) return null;
  // The session's user carries the phone-number plugin's fields whenever the method is on.
  const { phoneNumber, phoneNumberVerified } = user as { phoneNumber?: string | null; phoneNumberVerified?: boolean };
  return { phone: phoneNumber ?? null, verified: Boolean(phoneNumberVerified) };
}
