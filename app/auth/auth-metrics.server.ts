import { isAPIError } from "better-auth/api";
import { authAttempts, signUps } from "~/ops/metrics.server";
import { tenantLabel } from "~/ops/tenant-labels.server";

/**
 * Sign-in and sign-up counts for /metrics (portico_auth_attempts_total, portico_sign_ups_total),
 * read from better-auth's endpoint paths so every surface (hosted pages, widgets, the auth API)
 * is counted the same way.
 */
const METHOD_BY_PATH: Record<string, string> = {
  "/sign-in/email": "password",
  "/sign-in/username": "password",
  "/sign-up/email": "password",
  "/two-factor/verify-totp": "totp",
  "/two-factor/verify-otp": "two_factor_code",
  "/two-factor/verify-backup-code": "backup_code",
  "/passkey/verify-authentication": "passkey",
  "/passkey/verify-registration": "passkey",
  "/phone-number/verify": "phone",
  "/sign-in/email-otp": "email_code",
  "/magic-link/verify": "magic_link",
  "/callback/:id": "social",
  "/oauth2/callback/:providerId": "social",
};

export type AuthOutcome = "success" | "failure" | "blocked" | "second_factor";

/** What an endpoint's result means for the person signing in. */
export function authOutcome(returned: unknown): AuthOutcome {
  if (isAPIError(returned)) {
    const status = returned.statusCode;
    if (status >= 300 && status < 400) {
      // Links and provider callbacks answer with a redirect, to an error page when they failed.
      const location = (returned.headers as Headers | undefined)?.get?.("location") ?? "";
      return /[?&]error=/.test(location) ? "failure" : "success";
    }
    return status === 429 || status === 403 ? "blocked" : "failure";
  }
  const body = returned as { twoFactorRedirect?: unknown } | null;
  return body && typeof body === "object" && body.twoFactorRedirect ? "second_factor" : "success";
}

/**
 * Counts a sign-in attempt when `path` is one of the sign-in endpoints: by what the endpoint
 * returned, or as "blocked" when a throttle refused it before it ran.
 */
export function countSignInAttempt(tenantSlug: string, path: string, result: unknown) {
  const method = METHOD_BY_PATH[path];
  if (!method || path === "/sign-up/email" || path === "/passkey/verify-registration") return;
  const outcome = result === "blocked" ? "blocked" : authOutcome(result);
  authAttempts.inc({ tenant: tenantLabel(tenantSlug), method, outcome });
}

/** Counts an account the person created themselves (not an administrator's or an import). */
export function countSignUp(tenantSlug: string, path: string | undefined) {
  if (!path || path.startsWith("/admin/")) return;
  signUps.inc({ tenant: tenantLabel(tenantSlug), method: METHOD_BY_PATH[path] ?? "other" });
}
