import { fieldErrors, formValues, SignInSchema, signUpSchema } from "~/http/forms";
import { safeRedirectTarget } from "~/auth/redirect.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { getPortico } from "~/context.server";
import { PLATFORM_AUTH_PATH } from "./auth.server";

/**
 * The platform's own sign-up, sign-in and sign-out forms. Like the tenants' hosted forms they
 * go through the platform better-auth HTTP handler (origin checks, rate limits), validate
 * with Zod first, and turn better-auth's error codes into messages on the field concerned.
 */
export type PlatformFieldName = "name" | "email" | "password" | "form";
export type PlatformFieldErrors = Partial<Record<PlatformFieldName, string>>;
export type PlatformFormFailure = {
  ok: false;
  status: number;
  errors: PlatformFieldErrors;
  values: { name?: string; email?: string };
};
export type PlatformFormSuccess = { ok: true; setCookies: string[] };

/** The platform's password rules (app/platform/auth.server.ts configures better-auth alike). */
export const PLATFORM_MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;

const SignUpSchema = signUpSchema(PLATFORM_MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);

/** Calls one of the platform's better-auth endpoints as the browser would, with its cookies. */
async function callPlatformAuth(request: Request, endpoint: string, body: unknown): Promise<Response> {
  const { env } = getPortico();
  const { platformAuth } = await getPortico().platform();
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of ["cookie", "origin", "user-agent", CLIENT_IP_HEADER]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.has("origin")) headers.set("origin", env.publicUrl.origin);
  const url = `${env.publicUrl.origin}${PLATFORM_AUTH_PATH}${endpoint}`;
  return platformAuth.handler(new Request(url, { method: "POST", headers, body: JSON.stringify(body) }));
}

function errorsFromAuth(status: number, code: string): PlatformFieldErrors {
  if (status === 429) return { form: "Too many attempts. Wait a minute, then try again." };
  if (code === "INVALID_EMAIL_OR_PASSWORD") return { password: "Incorrect email or password." };
  if (code.startsWith("USER_ALREADY_EXISTS"))
    return { email: "An account with this email already exists. Sign in instead." };
  if (code === "PASSWORD_TOO_SHORT") return { password: `Use at least ${PLATFORM_MIN_PASSWORD_LENGTH} characters.` };
  if (code === "PASSWORD_TOO_LONG") return { password: "That password is too long." };
  if (code === "INVALID_EMAIL") return { email: "Enter a valid email address, like name@example.com." };
  if (code === "INVALID_ORIGIN" || status === 403)
    return { form: "This form was sent from a page we do not trust. Reload the page and try again." };
  return { form: "We could not complete that. Please try again." };
}

async function failure(response: Response, values: PlatformFormFailure["values"]): Promise<PlatformFormFailure> {
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return {
    ok: false,
    status: response.status === 429 ? 429 : 400,
    errors: errorsFromAuth(response.status, body.code ?? ""),
    values,
  };
}

export async function platformSignIn(
  request: Request,
  form: FormData,
): Promise<PlatformFormSuccess | PlatformFormFailure> {
  const values = { email: String(form.get("email") ?? "").slice(0, 254) };
  const parsed = SignInSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors<PlatformFieldName>(parsed.error), values };
  const response = await callPlatformAuth(request, "/sign-in/email", { ...parsed.data, rememberMe: true });
  if (!response.ok) return failure(response, values);
  return { ok: true, setCookies: response.headers.getSetCookie() };
}

export async function platformSignUp(
  request: Request,
  form: FormData,
): Promise<PlatformFormSuccess | PlatformFormFailure> {
  const values = {
    name: String(form.get("name") ?? "").slice(0, 100),
    email: String(form.get("email") ?? "").slice(0, 254),
  };
  const parsed = SignUpSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors<PlatformFieldName>(parsed.error), values };
  const response = await callPlatformAuth(request, "/sign-up/email", parsed.data);
  if (!response.ok) return failure(response, values);
  return { ok: true, setCookies: response.headers.getSetCookie() };
}

/**
 * Sends the signed-in (unverified) account a new verification link. Rate-limited by
 * better-auth like every platform endpoint.
 */
export async function platformResendVerification(
  request: Request,
  email: string,
): Promise<{ ok: true } | { ok: false; status: number; error: string }> {
  const response = await callPlatformAuth(request, "/send-verification-email", { email });
  if (response.ok) return { ok: true };
  if (response.status === 429)
    return { ok: false, status: 429, error: "Too many attempts. Wait a minute, then try again." };
  return { ok: false, status: 400, error: "We could not send a new link. Please try again." };
}

export async function platformSignOut(request: Request): Promise<string[]> {
  const response = await callPlatformAuth(request, "/sign-out", {});
  return response.headers.getSetCookie();
}

/** The request's `redirectTo` when it is a path on this site; anything else is dropped. */
export function platformRedirectParam(request: Request): string | null {
  const url = new URL(request.url);
  return safeRedirectTarget(url.searchParams.get("redirectTo"), {
    requestOrigin: url.origin,
    basePath: "",
    trustedOrigins: [],
  });
}

/** Where a signed-in platform account goes: a safe `redirectTo`, else the console. */
export function afterPlatformSignIn(request: Request): string {
  return platformRedirectParam(request) ?? "/admin";
}
