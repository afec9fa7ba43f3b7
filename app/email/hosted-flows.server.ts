import { z } from "zod";
import { throttleMessage } from "~/auth/hosted-forms.server";
import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { afterFirstFactor } from "~/auth-methods/two-factor/two-factor.server";
import { getPortico } from "~/context.server";
import { message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { tenantPagesUrl } from "~/tenancy/tenant-pages-url.server";

/**
 * The hosted pages of the email methods (verify-email, magic-link, email-code). Like the
 * password forms they call the tenant's better-auth handler, so its origin checks, rate limits
 * and sign-up rules apply, and they turn its answers into messages for the page.
 */

const EmailSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailTooLong")
    .pipe(z.email("errors.emailInvalid")),
});

export type EmailFormResult =
  | { ok: true; email: string }
  | { ok: false; status: number; errors: { email?: Message; form?: Message }; values: { email: string } };

function parseEmail(form: FormData): { email: string } | { error: Message; raw: string } {
  const raw = String(form.get("email") ?? "").slice(0, 254);
  const parsed = EmailSchema.safeParse({ email: raw });
  if (parsed.success) return parsed.data;
  return { error: message(parsed.error.issues[0]!.message as "errors.emailInvalid"), raw };
}

async function failure(response: Response, email: string): Promise<EmailFormResult> {
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  if (response.status === 429)
    return { ok: false, status: 429, errors: { form: message("authErrors.tooManyAttempts") }, values: { email } };
  if (body.code === "INVALID_EMAIL")
    return { ok: false, status: 400, errors: { email: message("errors.emailInvalid") }, values: { email } };
  if (response.status === 403)
    return { ok: false, status: 403, errors: { form: message("errors.untrustedForm") }, values: { email } };
  return { ok: false, status: 400, errors: { form: message("errors.generic") }, values: { email } };
}

/** One of the tenant's pages for an emailed link: on the host the request came to. */
function pageUrl(live: TenantRequestContext, path: string): string {
  return `${tenantPagesUrl(getPortico().env.publicUrl, live.tenant.slug)}${path}`;
}

/** "Send a new link": better-auth answers the same whether or not the address needs one. */
export async function resendVerificationEmail(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<EmailFormResult> {
  const parsed = parseEmail(form);
  if ("error" in parsed)
    return { ok: false, status: 400, errors: { email: parsed.error }, values: { email: parsed.raw } };
  const response = await callTenantAuth(live, request, "/send-verification-email", { email: parsed.email });
  // Signed in with an address that is already confirmed: nothing to send, and nothing to hide.
  if (
    response.ok ||
    (
      await response
        .clone()
        .json()
        .catch(() => ({}))
    )?.code === "EMAIL_ALREADY_VERIFIED"
  )
    return { ok: true, email: parsed.email };
  return failure(response, parsed.email);
}

export async function requestMagicLink(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
  afterSignIn: string,
): Promise<EmailFormResult> {
  const parsed = parseEmail(form);
  if ("error" in parsed)
    return { ok: false, status: 400, errors: { email: parsed.error }, values: { email: parsed.raw } };
  const target = new URL(afterSignIn, pageUrl(live, "/")).toString();
  const response = await callTenantAuth(live, request, "/sign-in/magic-link", {
    email: parsed.email,
    callbackURL: target,
    newUserCallbackURL: target,
    errorCallbackURL: pageUrl(live, "/magic-link"),
  });
  return response.ok ? { ok: true, email: parsed.email } : failure(response, parsed.email);
}

export async function sendSignInCode(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<EmailFormResult> {
  const parsed = parseEmail(form);
  if ("error" in parsed)
    return { ok: false, status: 400, errors: { email: parsed.error }, values: { email: parsed.raw } };
  const response = await callTenantAuth(live, request, "/email-otp/send-verification-otp", {
    email: parsed.email,
    type: "sign-in",
  });
  return response.ok ? { ok: true, email: parsed.email } : failure(response, parsed.email);
}

/** `redirectTo`: a next step before the usual target (the second factor, its required set-up). */
export type CodeResult =
  | { ok: true; setCookies: string[]; redirectTo?: string }
  | { ok: false; status: number; email: string; error: Message; startOver: boolean };

/**
 * Checks a sign-in code. A wrong code says how many attempts are left (read from the code's
 * record, where better-auth counts them); the last wrong one, too many, or an expired code
 * sends the user back to ask for a new one.
 */
export async function signInWithCode(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<CodeResult> {
  const { codeLength, allowedAttempts } = live.tenant.config.authMethods.emailOtp;
  const parsedEmail = parseEmail(form);
  if ("error" in parsedEmail)
    return { ok: false, status: 400, email: parsedEmail.raw, error: parsedEmail.error, startOver: true };
  const { email } = parsedEmail;
  const code = String(form.get("code") ?? "").replace(/\s/g, "");
  if (!new RegExp(`^\\d{${codeLength}}$`).test(code))
    return {
      ok: false,
      status: 400,
      email,
      error: message("emailMethods.code.format", { length: codeLength }),
      startOver: false,
    };
  const response = await callTenantAuth(live, request, "/sign-in/email-otp", { email, otp: code });
  const secondStep = await afterFirstFactor(live, request, response);
  if (secondStep) return secondStep;
  if (response.ok) return { ok: true, setCookies: response.headers.getSetCookie() };
  const body = (await response.json().catch(() => ({}))) as { code?: string; retryAfter?: number };
  if (response.status === 429)
    return {
      ok: false,
      status: 429,
      email,
      error: throttleMessage(body) ?? message("authErrors.tooManyAttempts"),
      startOver: false,
    };
  if (body.code === "OTP_EXPIRED")
    return { ok: false, status: 400, email, error: message("emailMethods.code.expired"), startOver: true };
  if (body.code === "INVALID_OTP") {
    const remaining = await remainingAttempts(live, email, allowedAttempts);
    if (remaining > 1)
      return {
        ok: false,
        status: 400,
        email,
        error: message("emailMethods.code.wrong", { remaining }),
        startOver: false,
      };
    if (remaining === 1)
      return { ok: false, status: 400, email, error: message("emailMethods.code.wrongLast"), startOver: false };
  }
  return { ok: false, status: 400, email, error: message("emailMethods.code.tooMany"), startOver: true };
}

/** better-auth stores a code as `<code>:<wrong attempts>`; no record means it is used up. */
async function remainingAttempts(live: TenantRequestContext, email: string, allowed: number): Promise<number> {
  const context = await live.auth.$context;
  const record = await context.internalAdapter.findVerificationValue(`sign-in-otp-${email}`);
  if (!record || record.expiresAt < new Date()) return 0;
  const used = Number(record.value.slice(record.value.lastIndexOf(":") + 1)) || 0;
  return Math.max(0, allowed - used);
}

/** Sign-up with a required confirmation creates the account without a session. */
export function awaitsEmailVerification(setCookies: string[]): boolean {
  return !setCookies.some((cookie) => /session_token=[^;]/.test(cookie));
}

/** The error codes better-auth's verification link lands with, as the page's states. */
export type VerifyState = "verified" | "already" | "expired" | "invalid" | "pending" | "sent" | "form";

export function verifyPageState(url: URL): VerifyState {
  const error = url.searchParams.get("error");
  if (error === "ALREADY_VERIFIED") return "already";
  if (error === "TOKEN_EXPIRED") return "expired";
  if (error) return "invalid";
  const status = url.searchParams.get("status");
  if (status === "verified") return "verified";
  if (status === "pending") return "pending";
  return "form";
}
