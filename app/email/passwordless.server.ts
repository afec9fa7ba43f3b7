import type { BetterAuthPlugin } from "better-auth";
import { emailOTP, magicLink } from "better-auth/plugins";
import type { AuthMethodSettings } from "~/auth-methods/catalog";
import type { SignUpMode } from "~/tenancy/config";
import type { TenantEmail } from "./templates.server";

type PasswordlessContext = { signUpMode: SignUpMode; sendEmail: (email: TenantEmail) => Promise<void> };

/**
 * Sign-in links (better-auth's magic-link plugin). Links are stored hashed and work once. A link
 * for an unknown address creates the account only while the tenant's sign-up is open: the
 * plugin creates users itself, past the sign-up hooks that enforce invite-only and closed.
 */
export function magicLinkPlugin(
  { expiresInMinutes }: AuthMethodSettings<"magicLink">,
  { signUpMode, sendEmail }: PasswordlessContext,
): BetterAuthPlugin {
  return magicLink({
    expiresIn: expiresInMinutes * 60,
    storeToken: "hashed",
    disableSignUp: signUpMode !== "open",
    sendMagicLink: async ({ email, url }, ctx) =>
      sendEmail({ to: email, request: ctx?.request, template: "magicLink", props: { url, email, expiresInMinutes } }),
  });
}

/**
 * Sign-in codes by email (better-auth's email-OTP plugin): stored hashed, `allowedAttempts`
 * wrong guesses before the code is void. Unknown addresses get a code (and an account) only
 * while sign-up is open. The plugin's own rate limit (3 a minute) would refuse the attempts a
 * user is allowed, so it leaves room for them; the tenant's overall limit still applies.
 */
export function emailOtpPlugin(
  { codeLength, expiresInMinutes, allowedAttempts }: AuthMethodSettings<"emailOtp">,
  { signUpMode, sendEmail }: PasswordlessContext,
): BetterAuthPlugin {
  return emailOTP({
    otpLength: codeLength,
    expiresIn: expiresInMinutes * 60,
    allowedAttempts,
    storeOTP: "hashed",
    disableSignUp: signUpMode !== "open",
    rateLimit: { window: 60, max: allowedAttempts + 5 },
    sendVerificationOTP: async ({ email, otp }, ctx) =>
      sendEmail({
        to: email,
        request: ctx?.request,
        template: "oneTimeCode",
        props: { code: otp, email, expiresInMinutes },
      }),
  });
}
