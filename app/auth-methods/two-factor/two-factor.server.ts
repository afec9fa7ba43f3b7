import { redirect } from "@remix-run/node";
import QRCode from "qrcode";
import { z } from "zod";
import { callTenantAuth, cookiesForHost, type FormSuccess } from "~/auth/tenant-auth-calls.server";
import { redirectParam } from "~/auth/hosted-pages.server";
import { tenantCookiePrefix } from "~/auth/tenant-urls";
import { message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { VERIFY_BACKUP_CODE_PATH, VERIFY_TOTP_PATH } from "./plugin.server";

/**
 * The hosted pages' side of two-factor authentication: the second step of a password sign-in,
 * set-up from the account page (QR code rendered here, never by an outside service), backup
 * codes and enforcement. Every change goes through the tenant's better-auth endpoints, so the
 * widget and the API get the same rules.
 */

type AuthBody = { code?: string; message?: string };

/** The plugin's server-only endpoint (auth.api is typed without the tenant's run-time plugins). */
type TwoFactorServerApi = {
  viewBackupCodes(input: { body: { userId: string } }): Promise<{ backupCodes: string[] }>;
};

export type TwoFactorSettings = { enforce: "off" | "everyone" | "admins"; trustDeviceDays: number };

/** The tenant's two-factor settings, or null when the method is off. */
export function twoFactorSettings(live: TenantRequestContext): TwoFactorSettings | null {
  const method = live.tenant.config.authMethods.twoFactor;
  return method.enabled ? { enforce: method.enforce, trustDeviceDays: method.trustDeviceDays } : null;
}

function withRedirect(path: string, redirectTo: string | null): string {
  return redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path;
}

function hasRole(roles: string | null | undefined, wanted: readonly string[]): boolean {
  return (roles ?? "").split(",").some((role) => wanted.includes(role.trim()));
}

/** Whether the tenant requires this user to use two-factor authentication. */
export async function isTwoFactorRequired(live: TenantRequestContext, userId: string): Promise<boolean> {
  const settings = twoFactorSettings(live);
  if (!settings || settings.enforce === "off") return false;
  if (settings.enforce === "everyone") return true;
  const user = await live.db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (hasRole(user?.role, ["admin"])) return true;
  const memberships = await live.db.member.findMany({ where: { userId }, select: { role: true } });
  return memberships.some((membership) => hasRole(membership.role, ["owner", "admin"]));
}

/** The set-up page, keeping where the user was going. */
export function setupPath(live: TenantRequestContext, redirectTo: string | null): string {
  return withRedirect(`${live.basePath}/account/two-factor`, redirectTo);
}

/**
 * Sends a signed-in user the tenant requires to use two-factor to its set-up first (not an
 * administrator impersonating them: that is not theirs to set up).
 */
export async function requireTwoFactorWhenEnforced(
  live: TenantRequestContext,
  request: Request,
  { user, session }: { user: { id: string }; session: { impersonatedBy?: string | null } },
): Promise<void> {
  if (hasTwoFactorOn(user) || session.impersonatedBy) return;
  if (!(await isTwoFactorRequired(live, user.id))) return;
  throw redirect(setupPath(live, redirectParam(request, live) ?? `${live.basePath}/account`));
}

/**
 * After a first factor (password, email or text code): better-auth answers `twoFactorRedirect`
 * (with the short-lived two-factor cookie) when the user must still enter a code, and a user the
 * tenant requires to use two-factor without it goes to set it up. Null when the usual target applies.
 */
export async function afterFirstFactor(
  live: TenantRequestContext,
  request: Request,
  response: Response,
): Promise<FormSuccess | null> {
  if (!response.ok || !twoFactorSettings(live)) return null;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { twoFactorRedirect?: boolean; user?: { id: string; twoFactorEnabled?: boolean } } | null;
  const setCookies = response.headers.getSetCookie();
  const redirectTo = redirectParam(request, live);
  if (body?.twoFactorRedirect) {
    return { ok: true, setCookies, redirectTo: withRedirect(`${live.basePath}/two-factor`, redirectTo) };
  }
  if (body?.user && !body.user.twoFactorEnabled && (await isTwoFactorRequired(live, body.user.id))) {
    return { ok: true, setCookies, redirectTo: setupPath(live, redirectTo ?? `${live.basePath}/account`) };
  }
  return null;
}

/** Whether the browser still holds the half-finished sign-in's two-factor cookie. */
export function hasTwoFactorChallenge(live: TenantRequestContext, request: Request): boolean {
  const name = `${tenantCookiePrefix(live.tenant)}.two_factor`;
  const cookies = (request.headers.get("cookie") ?? "").split(";").map((part) => part.trim().split("=")[0]);
  return cookies.some((cookie) => cookie === name || cookie === `__Secure-${name}`);
}

const ChallengeSchema = z.object({
  method: z.enum(["totp", "backup"]).catch("totp"),
  code: z
    .string()
    .trim()
    .min(1, "twoFactor.errors.codeRequired")
    .max(32, "twoFactor.errors.invalidCode")
    .transform((code) => code.replace(/\s+/g, "")),
  trustDevice: z.literal("on").optional(),
});

export type ChallengeResult =
  { ok: true; setCookies: string[] } | { ok: false; status: number; error: Message; expired: boolean };

function challengeError(status: number, body: AuthBody, method: "totp" | "backup"): ChallengeResult {
  const code = body.code ?? "";
  const fail = (status: number, error: Message, expired = false) => ({ ok: false as const, status, error, expired });
  if (code === "INVALID_TWO_FACTOR_COOKIE") return fail(401, message("twoFactor.challenge.expiredText"), true);
  if (code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE")
    return fail(400, message("twoFactor.errors.tooManyAttempts"), true);
  if (code === "ACCOUNT_TEMPORARILY_LOCKED") return fail(429, message("twoFactor.errors.locked"));
  if (status === 429) return fail(429, message("authErrors.tooManyAttempts"));
  if (code === "INVALID_BACKUP_CODE") return fail(400, message("twoFactor.errors.invalidBackupCode"));
  if (code === "INVALID_CODE")
    return fail(
      400,
      message(method === "backup" ? "twoFactor.errors.invalidBackupCode" : "twoFactor.errors.invalidCode"),
    );
  return fail(400, message("errors.generic"));
}

/** The sign-in's second step: a TOTP or backup code, optionally trusting this device. */
export async function verifySecondFactor(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<ChallengeResult & { method: "totp" | "backup" }> {
  const parsed = ChallengeSchema.safeParse(Object.fromEntries(form));
  const method = form.get("method") === "backup" ? "backup" : "totp";
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message === "twoFactor.errors.codeRequired" ? "codeRequired" : "invalidCode";
    return { ok: false, status: 400, error: message(`twoFactor.errors.${key}`), expired: false, method };
  }
  const path = method === "backup" ? VERIFY_BACKUP_CODE_PATH : VERIFY_TOTP_PATH;
  const response = await callTenantAuth(live, request, path, {
    code: parsed.data.code,
    trustDevice: parsed.data.trustDevice === "on",
  });
  if (response.ok) return { ok: true, setCookies: cookiesForHost(response.headers.getSetCookie(), live), method };
  const body = (await response.json().catch(() => ({}))) as AuthBody;
  return { ...challengeError(response.status, body, method), method };
}

/** The QR code of an otpauth:// URI as an SVG data URL, rendered here. */
export async function qrCodeDataUrl(totpUri: string): Promise<string> {
  const svg = await QRCode.toString(totpUri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The base32 key inside an otpauth:// URI, for typing it in by hand; null when it is not one. */
export function totpSecret(totpUri: string): string | null {
  try {
    const url = new URL(totpUri);
    if (url.protocol !== "otpauth:" || url.host !== "totp") return null;
    return url.searchParams.get("secret");
  } catch {
    return null;
  }
}

type SetupStep =
  | { step: "verify"; totpUri: string; qrCode: string; secret: string; issuer: string | null; error?: Message }
  | { step: "backup-codes"; backupCodes: string[] }
  | { step: "confirmed"; setCookies: string[] }
  | { step: "password"; error: Message; status: number };

function passwordError(status: number, body: AuthBody): SetupStep {
  if (status === 429) return { step: "password", status: 429, error: message("authErrors.tooManyAttempts") };
  if (body.code === "INVALID_PASSWORD")
    return { step: "password", status: 400, error: message("twoFactor.errors.wrongPassword") };
  return { step: "password", status: 400, error: message("errors.generic") };
}

/**
 * better-auth writes the issuer parameter form-encoded ("Acme+Login"); the Key URI format wants
 * "%20", which is what authenticator apps decode. A literal "+" is never left unencoded in it
 * (encodeURIComponent and URLSearchParams both escape it), so every "+" is a space.
 */
export function keyUriWithEncodedSpaces(totpUri: string): string {
  return totpUri.replace(/\+/g, "%20");
}

async function verifyStep(uri: string, error?: Message): Promise<SetupStep> {
  const totpUri = keyUriWithEncodedSpaces(uri);
  const secret = totpSecret(totpUri);
  if (!secret) return { step: "password", status: 400, error: message("twoFactor.errors.setupExpired") };
  const issuer = new URL(totpUri).searchParams.get("issuer");
  return { step: "verify", totpUri, qrCode: await qrCodeDataUrl(totpUri), secret, issuer, error };
}

function passwordFrom(form: FormData): string | undefined {
  const password = form.get("password");
  return typeof password === "string" && password !== "" ? password.slice(0, 256) : undefined;
}

/** Set-up, step 1: the password confirms it is the user; better-auth makes a new secret. */
export async function startSetup(live: TenantRequestContext, request: Request, form: FormData): Promise<SetupStep> {
  const response = await callTenantAuth(live, request, "/two-factor/enable", { password: passwordFrom(form) });
  const body = (await response.json().catch(() => ({}))) as AuthBody & { totpURI?: string };
  if (!response.ok || !body.totpURI) return passwordError(response.status, body);
  return verifyStep(body.totpURI);
}

/** Set-up, step 2: a code from the app proves it works (better-auth then replaces the session). */
export async function confirmSetup(live: TenantRequestContext, request: Request, form: FormData): Promise<SetupStep> {
  const totpUri = String(form.get("totpUri") ?? "").slice(0, 512);
  const code = String(form.get("code") ?? "")
    .replace(/\s+/g, "")
    .slice(0, 32);
  if (!code) return verifyStep(totpUri, message("twoFactor.errors.codeRequired"));
  const response = await callTenantAuth(live, request, VERIFY_TOTP_PATH, { code });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as AuthBody;
    const error = response.status === 429 ? message("authErrors.tooManyAttempts") : message("twoFactor.errors.invalidCode");
    if (body.code === "TOTP_NOT_ENABLED")
      return { step: "password", status: 400, error: message("twoFactor.errors.setupExpired") };
    return verifyStep(totpUri, error);
  }
  return { step: "confirmed", setCookies: cookiesForHost(response.headers.getSetCookie(), live) };
}

/** The user's unused backup codes, for showing once right after set-up. */
export async function backupCodesOf(live: TenantRequestContext, userId: string): Promise<string[]> {
  const api = live.auth.api as unknown as TwoFactorServerApi;
  return (await api.viewBackupCodes({ body: { userId } })).backupCodes;
}

/** New backup codes (the old ones stop working), shown once. */
export async function regenerateBackupCodes(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<SetupStep> {
  const response = await callTenantAuth(live, request, "/two-factor/generate-backup-codes", {
    password: passwordFrom(form),
  });
  const body = (await response.json().catch(() => ({}))) as AuthBody & { backupCodes?: string[] };
  if (!response.ok || !body.backupCodes) return passwordError(response.status, body);
  return { step: "backup-codes", backupCodes: body.backupCodes };
}

/** Turns two-factor off, unless the tenant requires it of this user. */
export async function disableTwoFactor(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
  userId: string,
): Promise<{ ok: true; setCookies: string[] } | { ok: false; status: number; error: Message }> {
  if (await isTwoFactorRequired(live, userId))
    return { ok: false, status: 403, error: message("twoFactor.errors.enforced") };
  const response = await callTenantAuth(live, request, "/two-factor/disable", { password: passwordFrom(form) });
  if (response.ok) return { ok: true, setCookies: cookiesForHost(response.headers.getSetCookie(), live) };
  const failure = passwordError(response.status, (await response.json().catch(() => ({}))) as AuthBody);
  return failure.step === "password"
    ? { ok: false, status: failure.status, error: failure.error }
    : { ok: false, status: 400, error: message("errors.generic") };
}

/** Whether the user signs in with a password (then changes ask for it). */
export async function hasPassword(live: TenantRequestContext, userId: string): Promise<boolean> {
  const account = await live.db.account.findFirst({
    where: { userId, providerId: "credential", password: { not: null } },
    select: { id: true },
  });
  return account !== null;
}

/** What the account page shows about two-factor: null when the tenant has it off. */
export function twoFactorStatus(live: TenantRequestContext, user: object) {
  return twoFactorSettings(live) ? { enabled: hasTwoFactorOn(user) } : null;
}

/** The plugin's `twoFactorEnabled` user field (the session's user type does not know run-time plugins). */
export function hasTwoFactorOn(user: object): boolean {
  return (user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true;
}
