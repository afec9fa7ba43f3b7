/** auth-errors in English, the source: every other locale has exactly these keys (../auth-errors.ts). */
export const en = {
  "authErrors.invalidCredentials": "Incorrect email or password.",
  "authErrors.emailNotVerified": "Confirm your email address before signing in: open the link we sent you.",
  "authErrors.tooManyAttempts": "Too many attempts. Wait a minute, then try again.",
  "authErrors.accountThrottled":
    "Too many attempts for this account. Try again in {seconds, plural, one {# second} other {# seconds}} or sign in with a link.",
  "authErrors.accountLocked":
    "Too many failed attempts for this account: password sign-in is paused. Sign in with a link or a code, or reset your password.",
  "authErrors.busy": "Many people are signing in right now. Try again in a few seconds.",
  "authErrors.passkeyCancelled": "The passkey request was cancelled or timed out. Try again, or sign in another way.",
  "authErrors.passkeyFailed": "We could not verify this passkey. Try again, or sign in another way.",
  "authErrors.networkError": "We could not reach the sign-in service. Check your connection and try again.",
} as const;
