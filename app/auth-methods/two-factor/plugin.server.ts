import type { BetterAuthPlugin } from "better-auth";
import { twoFactor } from "better-auth/plugins";
import type { AuthMethodSettings } from "~/auth-methods/catalog";
import type { AuthMethodContext } from "~/auth-methods/catalog.server";
import { CLIENT_IP_HEADER } from "~/auth/tenant-auth.server";

/** The better-auth endpoint that confirms a TOTP code, both at set-up and at sign-in. */
export const VERIFY_TOTP_PATH = "/two-factor/verify-totp";
export const VERIFY_BACKUP_CODE_PATH = "/two-factor/verify-backup-code";

/** How long the half-finished sign-in waits for its second factor. */
export const TWO_FACTOR_CHALLENGE_SECONDS = 10 * 60;

/**
 * better-auth's two-factor plugin for one tenant: TOTP with 10 backup codes (stored encrypted),
 * the tenant's name as issuer unless the admin chose one, and users without a password (passkey,
 * social) may turn it on without one. Enabling it is reported as `two_factor.enabled`.
 */
export function tenantTwoFactorPlugin(
  settings: AuthMethodSettings<"twoFactor">,
  { tenant, onEvent }: Pick<AuthMethodContext, "tenant" | "onEvent">,
): BetterAuthPlugin {
  const plugin = twoFactor({
    issuer: settings.issuer || tenant.name,
    allowPasswordless: true,
    trustDeviceMaxAge: settings.trustDeviceDays * 24 * 60 * 60,
    twoFactorCookieMaxAge: TWO_FACTOR_CHALLENGE_SECONDS,
    backupCodeOptions: { amount: 10, length: 10 },
  });
  return {
    ...plugin,
    // The plugin's own limit (3 per 10 s) trips a person who mistypes twice; guessing stays
    // bounded by its 5 attempts per sign-in and its account lock after 10 failures in a row.
    rateLimit: [{ pathMatcher: (path) => path.startsWith("/two-factor/"), window: 60, max: 10 }],
    init: () => ({
      options: {
        databaseHooks: {
          user: {
            update: {
              // verify-totp turns the flag on only when it confirms a new authenticator.
              after: async (user, ctx) => {
                if (ctx?.path !== VERIFY_TOTP_PATH || !(user as { twoFactorEnabled?: boolean }).twoFactorEnabled)
                  return;
                onEvent({
                  type: "two_factor.enabled",
                  userId: user.id,
                  email: user.email,
                  ipAddress: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null,
                  userAgent: ctx.request?.headers.get("user-agent") ?? null,
                  data: { method: "totp" },
                });
              },
            },
          },
        },
      },
    }),
  };
}
