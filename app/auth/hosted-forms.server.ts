import { fieldErrors, formValues, SignInSchema, signUpSchema } from "~/http/forms";
import { CLIENT_IP_HEADER, tenantAuthPath, tenantTrustedOrigins } from "~/auth/tenant-auth.server";
import { getPortico } from "~/context.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { isBannedRefusal, suspendedAccountMessage } from "~/users/bans.server";

/**
 * The hosted pages' form actions. They go through the tenant's better-auth HTTP handler
 * (not `auth.api` directly) so every hosted sign-in gets the same origin checks and rate
 * limits as a widget or API call, and they turn better-auth's error codes into messages
 * shown next to the field they concern.
 */
export type FieldName = "name" | "email" | "password" | "form";
export type FieldErrors = Partial<Record<FieldName, string>>;
export type FormFailure = { ok: false; status: number; errors: FieldErrors; values: { name?: string; email?: string } };
export type FormSuccess = { ok: true; setCookies: string[] };

/** Only a page of this tenant (or one of its trusted origins) may post its forms. */
export function isTrustedFormPost(request: Request, live: TenantRequestContext): boolean {
  const trusted = [new URL(request.url).origin, ...tenantTrustedOrigins(live.tenant, getPortico().env.publicUrl)];
  const origin = request.headers.get("origin");
  if (origin) return trusted.includes(origin);
  const referer = request.headers.get("referer");
  return referer ? trusted.includes(new URL(referer).origin) : false;
}

/** Calls one of the tenant's better-auth endpoints as the browser would, with its cookies. */
export async function callTenantAuth(live: TenantRequestContext, request: Request, endpoint: string, body: unknown) {
  const { publicUrl } = getPortico().env;
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of ["cookie", "origin", "user-agent", CLIENT_IP_HEADER]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // better-auth judges the Origin against the tenant's trusted origins; a custom domain's own
  // origin is one of them, and the shared host's is the public URL.
  if (!headers.has("origin")) headers.set("origin", publicUrl.origin);
  const url = `${publicUrl.origin}${tenantAuthPath(live.tenant.slug)}${endpoint}`;
  return live.auth.handler(new Request(url, { method: "POST", headers, body: JSON.stringify(body) }));
}

type AuthErrorBody = { code?: string; message?: string };

function errorsFromAuth(status: number, body: AuthErrorBody, minPasswordLength: number): FieldErrors {
  const code = body.code ?? "";
  if (status === 429) return { form: "Too many attempts. Wait a minute, then try again." };
  if (code === "INVALID_EMAIL_OR_PASSWORD") return { password: "Incorrect email or password." };
  if (code.startsWith("USER_ALREADY_EXISTS"))
    return { email: "An account with this email already exists. Sign in instead." };
  if (code === "PASSWORD_TOO_SHORT") return { password: `Use at least ${minPasswordLength} characters.` };
  if (code === "PASSWORD_TOO_LONG") return { password: "That password is too long." };
  if (code === "INVALID_EMAIL") return { email: "Enter a valid email address, like name@example.com." };
  // The tenant's sign-up mode and password policy (app/auth-methods/policies.server.ts).
  if (code === "PASSWORD_TOO_COMMON") return { password: body.message ?? "Choose a less common password." };
  if (code === "SIGN_UP_CLOSED" || code === "SIGN_UP_INVITE_ONLY")
    return { form: body.message ?? "You cannot create an account here." };
  if (code === "INVALID_ORIGIN" || status === 403)
    return { form: "This form was sent from a page we do not trust. Reload the page and try again." };
  return { form: "We could not complete that. Please try again." };
}

async function finish(
  response: Response,
  values: FormFailure["values"],
  minPasswordLength: number,
): Promise<FormSuccess | FormFailure> {
  if (response.ok) return { ok: true, setCookies: response.headers.getSetCookie() };
  const body = (await response.json().catch(() => ({}))) as AuthErrorBody;
  const status = response.status === 429 ? 429 : 400;
  return { ok: false, status, errors: errorsFromAuth(response.status, body, minPasswordLength), values };
}

export async function signInWithPassword(live: TenantRequestContext, request: Request, form: FormData) {
  const { minPasswordLength } = live.tenant.config.authMethods.emailPassword;
  const parsed = SignInSchema.safeParse(formValues(form));
  const values = { email: String(form.get("email") ?? "").slice(0, 254) };
  if (!parsed.success)
    return { ok: false, status: 400, errors: fieldErrors<FieldName>(parsed.error), values } satisfies FormFailure;
  const response = await callTenantAuth(live, request, "/sign-in/email", { ...parsed.data, rememberMe: true });
  // A banned user (right password, refused by the admin plugin) is told why and until when.
  if (await isBannedRefusal(response)) {
    const message = await suspendedAccountMessage(live.db, parsed.data.email);
    return { ok: false, status: 403, errors: { form: message }, values } satisfies FormFailure;
  }
  return finish(response, values, minPasswordLength);
}

export async function signUpWithPassword(live: TenantRequestContext, request: Request, form: FormData) {
  const { minPasswordLength, maxPasswordLength } = live.tenant.config.authMethods.emailPassword;
  const parsed = signUpSchema(minPasswordLength, maxPasswordLength).safeParse(formValues(form));
  const values = {
    name: String(form.get("name") ?? "").slice(0, 100),
    email: String(form.get("email") ?? "").slice(0, 254),
  };
  if (!parsed.success)
    return { ok: false, status: 400, errors: fieldErrors<FieldName>(parsed.error), values } satisfies FormFailure;
  const response = await callTenantAuth(live, request, "/sign-up/email", parsed.data);
  return finish(response, values, minPasswordLength);
}

export async function signOut(live: TenantRequestContext, request: Request): Promise<string[]> {
  const response = await callTenantAuth(live, request, "/sign-out", {});
  return response.headers.getSetCookie();
}

/** On a custom domain the tenant owns the whole host, so its cookies are scoped to "/". */
export function cookiesForHost(setCookies: string[], live: TenantRequestContext): string[] {
  if (!live.hostMode) return setCookies;
  const sharedPath = `Path=/t/${live.tenant.slug}`;
  return setCookies.map((cookie) => cookie.replace(new RegExp(`${sharedPath}(?=;|$)`, "i"), "Path=/"));
}

export async function getSignedInUser(live: TenantRequestContext, request: Request) {
  const session = await live.auth.api.getSession({ headers: request.headers });
  return session ? { user: session.user, session: session.session } : null;
}
