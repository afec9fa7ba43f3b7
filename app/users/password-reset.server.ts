import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { botProofHeaders } from "~/bot-protection/hosted.server";
import { getPortico } from "~/context.server";
import { fieldMessages, message, type Message } from "~/i18n/message";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { tenantPagesUrl } from "~/tenancy/tenant-pages-url.server";
import { formValues } from "./forms.server";
import type { TenantUser } from "./tenant-users.server";

/**
 * Password resets. better-auth owns the token: its email links to
 * `<auth>/reset-password/:token`, which checks the token and redirects to the hosted
 * `/reset-password` page with `?token=…` (or `?error=INVALID_TOKEN`); that page's form posts
 * the new password back to better-auth, which spends the token.
 */
export type ResetFailure = {
  ok: false;
  status: number;
  errors: Partial<Record<"email" | "password" | "confirmPassword" | "form", Message>>;
  email?: string;
};

// Messages come from the issue codes (fieldMessages), worded by the page in its locale.
const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

/** The hosted page the emailed link ends on: on the shared host, or on the custom domain in use. */
function resetPageUrl(slug: string) {
  return `${tenantPagesUrl(getPortico().env.publicUrl, slug)}/reset-password`;
}

/** The console's "Send password reset": the same email the user would get from the hosted page. */
export async function sendPasswordReset(access: ConsoleAccess, request: Request, live: LiveTenant, user: TenantUser) {
  await live.auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: resetPageUrl(live.tenant.slug) } });
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.user.password_reset_sent",
    target: { type: "user", id: user.id, label: user.email },
  });
  return { ok: true as const, message: `A password reset email was sent to ${user.email}.` };
}

function authFailure(status: number, code: string | undefined, minPasswordLength: number): ResetFailure["errors"] {
  if (status === 429) return { form: message("authErrors.tooManyAttempts") };
  if (code === "INVALID_TOKEN") return { form: message("errors.resetLinkInvalid") };
  if (code === "PASSWORD_TOO_SHORT") return { password: message("errors.tooShort", { min: minPasswordLength }) };
  if (code === "PASSWORD_TOO_LONG") return { password: message("errors.passwordTooLong") };
  if (code === "INVALID_EMAIL") return { email: message("errors.emailInvalid") };
  if (code === "PASSWORD_TOO_COMMON") return { password: message("errors.passwordTooCommon") };
  if (code === "PASSWORD_TOO_WEAK") return { password: message("errors.passwordTooWeak") };
  if (code === "PASSWORD_BREACHED") return { password: message("errors.passwordBreached") };
  // Bot protection on the reset request (app/bot-protection).
  if (code?.startsWith("BOT_CHECK_") || code === "VERIFICATION_FAILED" || code === "MISSING_RESPONSE")
    return { form: message(code === "BOT_CHECK_EXPIRED" ? "errors.botCheckExpired" : "errors.botCheckFailed") };
  if (status === 403) return { form: message("errors.untrustedForm") };
  return { form: message("errors.generic") };
}

async function failureOf(response: Response, minPasswordLength: number) {
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return {
    status: response.status === 429 ? 429 : 400,
    errors: authFailure(response.status, body.code, minPasswordLength),
  };
}

/**
 * The hosted "Forgot password?" form. Whether or not the address has an account, the answer
 * is the same, so the form cannot be used to find out who has one.
 */
export async function requestPasswordResetEmail(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<{ ok: true; email: string } | ResetFailure> {
  const parsed = z.object({ email }).safeParse(formValues(form));
  const typed = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldMessages(parsed.error), email: typed };
  const proof = await botProofHeaders(live, request, form, "reset");
  if ("refused" in proof) return { ok: false, status: 429, errors: { form: proof.refused }, email: typed };
  const response = await callTenantAuth(
    live,
    request,
    "/request-password-reset",
    {
      email: parsed.data.email,
      redirectTo: resetPageUrl(live.tenant.slug),
    },
    proof.headers,
  );
  if (response.ok) return { ok: true, email: parsed.data.email };
  return { ok: false, ...(await failureOf(response, 0)), email: typed };
}

function resetSchema(minPasswordLength: number, maxPasswordLength: number) {
  return z
    .object({
      token: z.string().min(1, "errors.resetLinkIncomplete").max(200, "errors.resetLinkIncomplete"),
      password: z.string().min(minPasswordLength).max(maxPasswordLength),
      confirmPassword: z.string().max(maxPasswordLength),
    })
    .refine((input) => input.password === input.confirmPassword, {
      path: ["confirmPassword"],
      message: "errors.passwordsDoNotMatch",
    });
}

/** The hosted "Choose a new password" form: spends the emailed token. */
export async function resetPassword(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<{ ok: true } | ResetFailure> {
  const { minPasswordLength, maxPasswordLength } = live.tenant.config.authMethods.emailPassword;
  const parsed = resetSchema(minPasswordLength, maxPasswordLength).safeParse(formValues(form));
  if (!parsed.success) {
    const errors = fieldMessages<"token" | "password" | "confirmPassword">(parsed.error);
    return { ok: false, status: 400, errors: errors.token ? { form: errors.token } : errors };
  }
  const response = await callTenantAuth(live, request, "/reset-password", {
    token: parsed.data.token,
    newPassword: parsed.data.password,
  });
  if (response.ok) return { ok: true };
  return { ok: false, ...(await failureOf(response, minPasswordLength)) };
}
