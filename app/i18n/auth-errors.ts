import type { en } from "./messages/en/auth-errors";

/** A sentence from app/i18n/messages/<locale>/auth-errors.ts. */
export type AuthErrorKey = keyof typeof en;

/**
 * Why a sign-in failed, from the tenant API's error code (better-auth's, or Portico's plugins'),
 * or from the browser's side of it (`passkey_cancelled`, `network_error`). The hosted pages and
 * the widgets both word a failure through this map, so the same refusal reads the same on both.
 * Kept free of imports: the widgets load it too (widgets/src/internal/copy-tools.ts).
 */
const KEY_BY_CODE: Record<string, AuthErrorKey> = {
  INVALID_EMAIL_OR_PASSWORD: "authErrors.invalidCredentials",
  EMAIL_NOT_VERIFIED: "authErrors.emailNotVerified",
  ACCOUNT_THROTTLED: "authErrors.accountThrottled",
  ACCOUNT_LOCKED: "authErrors.accountLocked",
  PASSWORD_HASHING_BUSY: "authErrors.busy",
  passkey_cancelled: "authErrors.passkeyCancelled",
  network_error: "authErrors.networkError",
};

export type AuthErrorMessage = { key: AuthErrorKey; values?: Record<string, number> };

/** The sentence for a refusal, or undefined when its code is not one both surfaces share. */
export function authErrorMessage(code: string, status: number, retryAfter?: unknown): AuthErrorMessage | undefined {
  const key = KEY_BY_CODE[code] ?? (status === 429 ? "authErrors.tooManyAttempts" : undefined);
  if (key !== "authErrors.accountThrottled") return key && { key };
  return { key, values: { seconds: Math.max(1, Number(retryAfter) || 60) } };
}
