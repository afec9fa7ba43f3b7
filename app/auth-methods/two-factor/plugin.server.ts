import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { twoFactor } from "better-auth/plugins";
import type { AuthMethodSettings } from "~/auth-methods/catalog";
import type { AuthMethodContext } from "~/auth-methods/method-context";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { FirstFactor } from "~/tenancy/config";

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

/** The endpoints that complete each first factor with a new session. */
const FIRST_FACTOR_PATHS: Readonly<Record<FirstFactor, readonly string[]>> = {
  password: ["/sign-in/email", "/sign-in/username", "/sign-in/phone-number"],
  magicLink: ["/magic-link/verify"],
  emailOtp: ["/sign-in/email-otp"],
  social: ["/callback/:id", "/oauth2/callback/:providerId", "/sign-in/social", "/sign-in/oauth2"],
  phone: ["/phone-number/verify"],
  passkey: ["/passkey/verify-authentication"],
};

/** Endpoints a browser reaches by following a link or a provider's redirect: they answer with a redirect. */
const REDIRECTING_PATHS = new Set(["/magic-link/verify", "/callback/:id", "/oauth2/callback/:providerId"]);

function isChallenge(returned: unknown): boolean {
  if (!returned || typeof returned !== "object") return false;
  const body = "_flag" in returned && "body" in returned ? returned.body : returned;
  return Boolean(body && typeof body === "object" && "twoFactorRedirect" in body && body.twoFactorRedirect);
}

/**
 * better-auth's two-factor plugin only challenges password sign-ins; a magic link, an email or
 * text code or a provider callback would sign a user with two-factor on straight in. Its
 * challenge hook (drop the new session, set the short-lived two-factor cookie, answer
 * `twoFactorRedirect`) is reused for every first factor the tenant lists in `secondFactorFor`;
 * where the browser expected a redirect, it is sent to the hosted `/two-factor` step, which
 * goes on to the original target after the code. `challengePageUrl` is asked per request: the
 * step is on the host the sign-in came to (a custom domain's, decision 0030).
 */
export function requireSecondFactorAfter(
  plugins: BetterAuthPlugin[],
  factors: readonly FirstFactor[],
  challengePageUrl: () => string,
): BetterAuthPlugin[] {
  const gated = new Set(factors.flatMap((factor) => FIRST_FACTOR_PATHS[factor]));
  return plugins.map((plugin) => {
    const [challenge, ...others] = plugin.id === "two-factor" ? (plugin.hooks?.after ?? []) : [];
    if (!challenge) return plugin;
    const toHostedStep = createAuthMiddleware(async (ctx) => {
      if (!isChallenge(ctx.context.returned)) return;
      const url = new URL(challengePageUrl());
      // Where the endpoint was about to send the user (better-auth checked it against trusted origins).
      const target = ctx.context.responseHeaders?.get("location");
      if (target) url.searchParams.set("redirectTo", target);
      throw ctx.redirect(url.toString());
    });
    return {
      ...plugin,
      hooks: {
        ...plugin.hooks,
        after: [
          { matcher: (ctx) => gated.has(ctx.path ?? ""), handler: challenge.handler },
          {
            matcher: (ctx) => gated.has(ctx.path ?? "") && REDIRECTING_PATHS.has(ctx.path ?? ""),
            handler: toHostedStep,
          },
          ...others,
        ],
      },
    };
  });
}
