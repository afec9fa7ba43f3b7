import { formValues, SignInSchema, signUpSchema } from "~/http/forms";
import { authErrorMessage } from "~/i18n/auth-errors";
import { fieldMessages, message, type Message } from "~/i18n/message";
import { tenantTrustedOrigins } from "~/auth/tenant-urls";
import { callTenantAuth, type FormSuccess } from "~/auth/tenant-auth-calls.server";
import { afterFirstFactor } from "~/auth-methods/two-factor/two-factor.server";
import {
  isUsernameIdentifier,
  usernameError,
  usernameField,
  usernameSettings,
} from "~/auth-methods/username/username.server";
import { botProofHeaders } from "~/bot-protection/hosted.server";
import { getPortico } from "~/context.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { isBannedRefusal, suspendedAccountMessage } from "~/users/bans.server";

/**
 * The hosted pages' form actions. They go through the tenant's better-auth HTTP handler
 * (not `auth.api` directly) so every hosted sign-in gets the same origin checks and rate
 * limits as a widget or API call, and they turn better-auth's error codes into messages
 * shown next to the field they concern (message keys, worded by the page in its locale).
 */
export type FieldName = "name" | "email" | "username" | "password" | "form";
export type FieldErrors = Partial<Record<FieldName, Message>>;
export type FormFailure = {
  ok: false;
  status: number;
  errors: FieldErrors;
  values: { name?: string; email?: string; username?: string };
};

/** Only a page of this tenant (or one of its trusted origins) may post its forms. */
export function isTrustedFormPost(request: Request, live: TenantRequestContext): boolean {
  const trusted = [new URL(request.url).origin, ...tenantTrustedOrigins(live.tenant, getPortico().env.publicUrl)];
  const origin = request.headers.get("origin");
  if (origin) return trusted.includes(origin);
  const referer = request.headers.get("referer");
  return referer ? trusted.includes(new URL(referer).origin) : false;
}

type AuthErrorBody = { code?: string; message?: string; retryAfter?: number };

/** The per-account throttle's refusals (account-throttle-plugin.server.ts); the page lists the other ways in. */
export function throttleMessage(body: AuthErrorBody): Message | null {
  if (body.code !== "ACCOUNT_THROTTLED" && body.code !== "ACCOUNT_LOCKED") return null;
  return authErrorMessage(body.code, 0, body.retryAfter) ?? null;
}

function errorsFromAuth(status: number, body: AuthErrorBody, minPasswordLength: number): FieldErrors {
  const code = body.code ?? "";
  // Worded as the widgets word it (app/i18n/auth-errors.ts); a wrong password belongs to its field.
  const shared = authErrorMessage(code, status, body.retryAfter);
  if (shared) return shared.key === "authErrors.invalidCredentials" ? { password: shared } : { form: shared };
  if (code.startsWith("USER_ALREADY_EXISTS")) return { email: message("errors.emailTaken") };
  if (code === "PASSWORD_TOO_SHORT") return { password: message("errors.tooShort", { min: minPasswordLength }) };
  if (code === "PASSWORD_TOO_LONG") return { password: message("errors.passwordTooLong") };
  if (code === "INVALID_EMAIL") return { email: message("errors.emailInvalid") };
  // The tenant's sign-up mode and password policy (app/auth-methods/policies.server.ts).
  if (code === "PASSWORD_TOO_COMMON") return { password: message("errors.passwordTooCommon") };
  if (code === "PASSWORD_TOO_WEAK") return { password: message("errors.passwordTooWeak") };
  if (code === "PASSWORD_BREACHED") return { password: message("errors.passwordBreached") };
  // Bot protection (app/bot-protection): a missing, forged, expired or reused proof.
  if (code.startsWith("BOT_CHECK_") || code === "VERIFICATION_FAILED" || code === "MISSING_RESPONSE")
    return { form: message(code === "BOT_CHECK_EXPIRED" ? "errors.botCheckExpired" : "errors.botCheckFailed") };
  if (code === "SIGN_UP_CLOSED") return { form: message("errors.signUpClosed") };
  if (code === "SIGN_UP_INVITE_ONLY") return { form: message("errors.signUpInviteOnly") };
  if (code === "INVALID_ORIGIN" || status === 403) return { form: message("errors.untrustedForm") };
  return { form: message("errors.generic") };
}

async function finish(
  response: Response,
  values: FormFailure["values"],
  minPasswordLength: number,
): Promise<FormSuccess | FormFailure> {
  if (response.ok) return { ok: true, setCookies: response.headers.getSetCookie() };
  const body = (await response.json().catch(() => ({}))) as AuthErrorBody;
  const status = response.status === 429 || response.status === 503 ? response.status : 400;
  return { ok: false, status, errors: errorsFromAuth(response.status, body, minPasswordLength), values };
}

export async function signInWithPassword(live: TenantRequestContext, request: Request, form: FormData) {
  const { minPasswordLength } = live.tenant.config.authMethods.emailPassword;
  // With usernames on, the identifier field takes an email or a username: no "@" means a username.
  if (isUsernameIdentifier(live.tenant.config, String(form.get("email") ?? "")))
    return signInWithUsername(live, request, form);
  const parsed = SignInSchema.safeParse(formValues(form));
  const values = { email: String(form.get("email") ?? "").slice(0, 254) };
  if (!parsed.success)
    return { ok: false, status: 400, errors: fieldMessages<FieldName>(parsed.error), values } satisfies FormFailure;
  const proof = await botProofHeaders(live, request, form, { signIn: parsed.data.email });
  if ("refused" in proof)
    return { ok: false, status: 429, errors: { form: proof.refused }, values } satisfies FormFailure;
  const response = await callTenantAuth(
    live,
    request,
    "/sign-in/email",
    { ...parsed.data, rememberMe: true },
    proof.headers,
  );
  // A banned user (right password, refused by the admin plugin) is told why and until when.
  if (await isBannedRefusal(response)) {
    const suspended = await suspendedAccountMessage(live.db, parsed.data.email);
    return { ok: false, status: 403, errors: { form: suspended }, values } satisfies FormFailure;
  }
  const secondStep = await afterFirstFactor(live, request, response);
  if (secondStep) return secondStep;
  return finish(response, values, minPasswordLength);
}

/** Sign-in with a username and password (better-auth's username plugin). */
async function signInWithUsername(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<FormSuccess | FormFailure> {
  const username = String(form.get("email") ?? "")
    .trim()
    .slice(0, 254);
  const password = String(form.get("password") ?? "").slice(0, 256);
  const values = { email: username };
  if (!password) return { ok: false, status: 400, errors: { password: message("errors.passwordRequired") }, values };
  const proof = await botProofHeaders(live, request, form, { signIn: username });
  if ("refused" in proof) return { ok: false, status: 429, errors: { form: proof.refused }, values };
  const response = await callTenantAuth(
    live,
    request,
    "/sign-in/username",
    { username, password, rememberMe: true },
    proof.headers,
  );
  if (await isBannedRefusal(response)) {
    const user = await live.db.user.findUnique({
      where: { username: username.toLowerCase() },
      select: { email: true },
    });
    const suspended = await suspendedAccountMessage(live.db, user?.email ?? "");
    return { ok: false, status: 403, errors: { form: suspended }, values };
  }
  const secondStep = await afterFirstFactor(live, request, response);
  if (secondStep) return secondStep;
  // A malformed username (422) and a wrong one read the same: which usernames exist stays private.
  if (response.status === 401 || response.status === 422)
    return { ok: false, status: 400, errors: { password: message("username.error.invalidCredentials") }, values };
  return finish(response, values, live.tenant.config.authMethods.emailPassword.minPasswordLength);
}

export async function signUpWithPassword(live: TenantRequestContext, request: Request, form: FormData) {
  const { minPasswordLength, maxPasswordLength } = live.tenant.config.authMethods.emailPassword;
  const usernames = usernameSettings(live.tenant.config);
  const schema = signUpSchema(minPasswordLength, maxPasswordLength);
  const parsed = (usernames ? schema.extend({ username: usernameField(usernames) }) : schema).safeParse(
    formValues(form),
  );
  const values = {
    name: String(form.get("name") ?? "").slice(0, 100),
    email: String(form.get("email") ?? "").slice(0, 254),
    ...(usernames ? { username: String(form.get("username") ?? "").slice(0, 100) } : {}),
  };
  if (!parsed.success)
    return { ok: false, status: 400, errors: fieldMessages<FieldName>(parsed.error), values } satisfies FormFailure;
  const proof = await botProofHeaders(live, request, form, "sign-up");
  if ("refused" in proof)
    return { ok: false, status: 429, errors: { form: proof.refused }, values } satisfies FormFailure;
  const response = await callTenantAuth(live, request, "/sign-up/email", parsed.data, proof.headers);
  if (!response.ok && usernames) {
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as AuthErrorBody;
    const refused = usernameError(body.code ?? "", usernames);
    if (refused)
      return { ok: false, status: 400, errors: { [refused.field]: refused.message }, values } satisfies FormFailure;
  }
  return finish(response, values, minPasswordLength);
}

export async function signOut(live: TenantRequestContext, request: Request): Promise<string[]> {
  const response = await callTenantAuth(live, request, "/sign-out", {});
  return response.headers.getSetCookie();
}

export async function getSignedInUser(live: TenantRequestContext, request: Request) {
  const session = await live.auth.api.getSession({ headers: request.headers });
  return session ? { user: session.user, session: session.session } : null;
}
