import type { BetterAuthPlugin, GenericEndpointContext } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { countSignInAttempt } from "~/auth/auth-metrics.server";
import { accountThrottle, type AccountThrottle, type ThrottleCounters } from "~/auth/account-throttle.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { TenantEmail } from "~/email/templates.server";
import type { TenantConfig } from "~/tenancy/config";

/**
 * The per-account throttle (account-throttle.server.ts) inside the tenant's better-auth, so the
 * hosted pages, the widgets and the raw API are throttled alike: before a password or code is
 * checked, an account waiting out its delay or locked is refused with 429 and `Retry-After`
 * (the password is not evaluated, so the right one does not help a guesser either); after it,
 * a wrong one is counted and a right one lifts the account's count.
 */
export const ACCOUNT_THROTTLE_ERRORS = {
  ACCOUNT_THROTTLED: "Too many attempts for this account. Try again in {seconds} seconds or sign in with a link.",
  ACCOUNT_LOCKED:
    "Too many failed attempts for this account. Sign in with a link or a code, or reset your password, to lift the pause.",
} as const;

/** Answers that mean the password or code was wrong (the attempts being guessed). */
const WRONG_SECRET_CODES = new Set([
  "INVALID_EMAIL_OR_PASSWORD",
  "INVALID_USERNAME_OR_PASSWORD",
  "INVALID_PHONE_NUMBER_OR_PASSWORD",
  "INVALID_OTP",
  "TOO_MANY_ATTEMPTS",
]);

type Identifier = { field: "email" | "username" | "phoneNumber"; value: string; method: string };

function text(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase().slice(0, 320) : "";
}

/** Which account an attempt is against, by the endpoint's identifier field, normalised. */
export function attemptIdentifier(path: string, body: unknown): Identifier | null {
  const fields: Record<string, unknown> = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const phone = text(fields.phoneNumber).replace(/[\s().-]/g, "");
  const found = (field: Identifier["field"], value: string, method: string) =>
    value ? { field, value, method } : null;
  switch (path) {
    case "/sign-in/email":
      return found("email", text(fields.email), "password");
    case "/sign-in/username":
      return found("username", text(fields.username), "password");
    case "/sign-in/phone-number":
      return found("phoneNumber", phone, "password");
    case "/sign-in/email-otp":
      return found("email", text(fields.email), "email-otp");
    case "/phone-number/verify":
      // Adding a number to a signed-in account is not a sign-in.
      return fields.updatePhoneNumber === true ? null : found("phoneNumber", phone, "phone-otp");
    default:
      return null;
  }
}

type AccountUser = { id: string; email: string; name: string };

/**
 * Passwords and one-time codes are counted apart, so a stranger's wrong passwords never hold up
 * the code the real user asks for (each code allows only a few guesses anyway).
 */
function counterOf(method: string, account: string): string {
  return `${method === "password" ? "password" : "code"}:${account}`;
}

/** The account's key: the user's id when the identifier belongs to one (so email and username share it). */
async function accountOf(ctx: GenericEndpointContext, identifier: Identifier) {
  const user = await ctx.context.adapter
    .findOne<AccountUser>({ model: "user", where: [{ field: identifier.field, value: identifier.value }] })
    .catch(() => null);
  const account = user ? `user:${user.id}` : `${identifier.field}:${identifier.value}`;
  return { key: counterOf(identifier.method, account), user };
}

export type AccountThrottleOptions = {
  tenantId: string;
  /** For the sign-in metrics' tenant label. */
  tenantSlug: string;
  settings: TenantConfig["signInProtection"]["accountThrottle"];
  counters: ThrottleCounters;
  onEvent: (event: TenantAuthEvent) => void;
  sendEmail: (email: TenantEmail) => Promise<void>;
  /** The tenant's forgot-password page, linked from the notice (on the host the attempt came to). */
  resetUrl: () => string;
};

export function accountThrottlePlugin(options: AccountThrottleOptions) {
  const throttle: AccountThrottle = accountThrottle(options.counters, options.tenantId, options.settings);
  const clientOf = (ctx: GenericEndpointContext) => ({
    ipAddress: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null,
    userAgent: ctx.request?.headers.get("user-agent") ?? null,
  });

  return {
    id: "portico-account-throttle",
    /** Lifts an account's count: after a sign-in by any method, or a password reset. */
    lift: async (userId: string) => {
      await Promise.all(["password", "code"].map((method) => throttle.lift(counterOf(method, `user:${userId}`))));
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => attemptIdentifier(ctx.path ?? "", ctx.body) !== null,
          handler: createAuthMiddleware(async (ctx) => {
            const identifier = attemptIdentifier(ctx.path, ctx.body)!;
            const { key, user } = await accountOf(ctx, identifier);
            // Only password sign-in locks: the other ways in stay open to the real user.
            const refusal = await throttle.begin(key, { lockable: identifier.method === "password" });
            if (!refusal) return;
            countSignInAttempt(options.tenantSlug, ctx.path, "blocked");
            options.onEvent({
              type: "sign_in.throttled",
              userId: user?.id,
              email: user?.email ?? (identifier.field === "email" ? identifier.value : undefined),
              ...clientOf(ctx),
              data: { reason: refusal.reason, method: identifier.method, failures: refusal.failures },
            });
            const code = refusal.reason === "locked" ? "ACCOUNT_LOCKED" : "ACCOUNT_THROTTLED";
            const message = ACCOUNT_THROTTLE_ERRORS[code].replace("{seconds}", String(refusal.retryAfterSeconds));
            throw new APIError(
              "TOO_MANY_REQUESTS",
              { code, message, retryAfter: refusal.retryAfterSeconds },
              { "Retry-After": String(refusal.retryAfterSeconds) },
            );
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => attemptIdentifier(ctx.path ?? "", ctx.body) !== null,
          handler: createAuthMiddleware(async (ctx) => {
            const identifier = attemptIdentifier(ctx.path, ctx.body)!;
            const { key, user } = await accountOf(ctx, identifier);
            const returned: unknown = ctx.context.returned;
            if (!isAPIError(returned)) return throttle.lift(key);
            const code = String(returned.body?.code ?? "");
            if (!WRONG_SECRET_CODES.has(code)) return throttle.released(key);
            const { failures, notify } = await throttle.failed(key);
            if (!notify || !user) return;
            await options.sendEmail({
              to: user.email,
              request: ctx.request,
              template: "accountThrottled",
              props: { url: options.resetUrl(), name: user.name || null, email: user.email, failures },
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin & { lift: (userId: string) => Promise<void> };
}
