import { randomBytes } from "node:crypto";
import type { GenericEndpointContext } from "better-auth";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { admin } from "better-auth/plugins";
import { authMethodsOptions } from "~/auth-methods/catalog.server";
import { failedOAuthCallback } from "~/auth-methods/social/callback-events.server";
import { requireSecondFactorAfter } from "~/auth-methods/two-factor/plugin.server";
import {
  newPasswordRefusal,
  overlongProfileField,
  PROFILE_WRITE_PATHS,
  signUpRefusal,
} from "~/auth-methods/policies.server";
import { deferredPasswordReset, runAfterResponse, type ResetRequest } from "~/auth/account-enumeration.server";
import { countSignInAttempt, countSignUp } from "~/auth/auth-metrics.server";
import { baseUrlFollowsCustomDomain } from "~/auth/custom-domain-base-url.server";
import { accountThrottlePlugin } from "~/auth/account-throttle-plugin.server";
import type { TenantAuthEvent } from "~/auth/auth-events";
import { tenantAuthPath, tenantBasePath, tenantCookiePrefix, tenantTrustedOrigins } from "~/auth/tenant-urls";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { tenantPagesUrl } from "~/tenancy/tenant-pages-url.server";
import { keepExactSessionAddress } from "~/sessions/session-address.server";
import { defaultThrottleCounters, type ThrottleCounters } from "~/auth/account-throttle.server";
import type { RateLimitStore } from "~/auth/rate-limit.server";
import { botProtectionPlugins } from "~/bot-protection/plugin.server";
import { userUpdateEvent } from "~/auth/user-events.server";
import type { TenantDb } from "~/db/clients.server";
import { TenantEventOutbox } from "~/events/tenant-outbox.server";
import { errorField, log } from "~/ops/log.server";
import { listsAsJsonText } from "~/db/json-lists.server";
import type { Provider } from "~/db/paths.server";
import {
  afterEmailAuthEndpoint,
  emailVerificationOptions,
  noticeNewSignIn,
  redirectAlreadyVerified,
  sendPasswordChangedEmail,
  sendResetPasswordEmail,
  sendSignUpAttemptEmail,
  sendWelcomeEmail,
  type AuthEmailContext,
  type SignInHistory,
} from "~/email/auth-emails.server";
import { rememberSignUpLocale, withRecipientLocale, type PageLocale } from "~/email/recipient-locale.server";
import type { TenantEmail } from "~/email/templates.server";
import { tenantPasswordHashing } from "~/management-api/imported-passwords.server";
import { privacyPlugin, selfDeletionOptions } from "~/privacy/plugin.server";
import { cachingSessionLookups } from "~/sessions/session-cache.server";
import type { Tenant, TenantSecrets } from "~/tenancy/tenants.server";
import { authLogger, logServerErrorsOnly } from "~/http/auth-errors.server";

/** The header the HTTP server sets from the socket or a trusted proxy; clients cannot forge it. */
export type TenantAuthOptions = {
  tenant: Tenant;
  secrets: TenantSecrets;
  db: TenantDb;
  provider: Provider;
  publicUrl: URL;
  /** The tenant's own rate-limit counters (see rate-limit.server.ts). */
  rateLimitStore: RateLimitStore;
  /** Per-account throttle counters (account-throttle.server.ts); the process's in-memory ones by default. */
  throttleCounters?: ThrottleCounters;
  /** Told about every auth event (the audit log and webhooks subscribe). */
  onEvent?: (event: TenantAuthEvent) => void;
  /**
   * Where events of changes in the tenant's database (a new user) are written first and
   * published from, so a crash loses none (app/events/tenant-outbox.server.ts). Without one,
   * they are published through `onEvent` once the change is made.
   */
  events?: TenantEventOutbox;
  /** Sends the tenant's auth emails (password reset, …) through the outbox; templates in emails/. */
  sendEmail?: (email: TenantEmail) => Promise<void>;
  /** Sends the tenant's text messages (phone number codes) through the SMS outbox. */
  sendSms?: (sms: { to: string; body: string }) => Promise<void>;
  /** Earlier sign-ins' devices, for the new-device email (the audit log's, in the server). */
  signInHistory?: SignInHistory;
  /** The language the tenant's hosted pages show for a request, stored for new users' emails. */
  pageLocale?: PageLocale;
};

const SIGN_IN_PATHS = [
  "/sign-in/email",
  "/sign-in/username",
  // The second factor and passkeys (app/auth-methods/two-factor, app/auth-methods/passkeys).
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/passkey/verify-authentication",
  "/phone-number/verify",
  // Email one-time codes (app/email/passwordless.server.ts); magic links are reported by afterEmailAuthEndpoint.
  "/sign-in/email-otp",
];

/** better-auth's own id for a new user; random base62 of the same length outside an endpoint. */
function newUserId(ctx: GenericEndpointContext | null): string {
  if (ctx) return ctx.context.generateId({ model: "user" }) || randomId();
  return randomId();
}

function randomId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(32), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** One better-auth instance per tenant, talking only to that tenant's database. */
export function createTenantAuth({
  tenant,
  secrets,
  db,
  provider,
  publicUrl,
  rateLimitStore,
  throttleCounters = defaultThrottleCounters(),
  onEvent = () => undefined,
  sendEmail: sendTenantEmail = async () => undefined,
  sendSms = async () => undefined,
  signInHistory,
  pageLocale,
  events = new TenantEventOutbox(db, async (event) => onEvent(event)),
}: TenantAuthOptions) {
  const { config } = tenant;
  // Emails to someone with an account are in the language they signed up in unless their page chose one.
  const sendEmail = withRecipientLocale(db, sendTenantEmail);
  const emails: AuthEmailContext = { tenant, publicUrl, db, sendEmail, onEvent, signInHistory };
  const methods = authMethodsOptions(config.authMethods, {
    tenant,
    publicUrl,
    sendEmail,
    onEvent,
    secrets,
    sendSms,
    signUpMode: config.signUp.mode,
    db,
    rateLimit: config.rateLimit,
  });
  // Wrong passwords and codes per account, whatever client IPs they come from (account-throttle.server.ts).
  const throttle = accountThrottlePlugin({
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    settings: config.signInProtection.accountThrottle,
    counters: throttleCounters,
    onEvent,
    sendEmail,
    resetUrl: () => `${tenantPagesUrl(publicUrl, tenant.slug)}/forgot-password`,
  });
  // Account-enumeration protection (account-enumeration.server.ts): the deferred reset request
  // runs the real endpoint of this instance once it exists.
  const protectEnumeration = config.signInProtection.enumerationProtection;
  let requestPasswordReset = async (_body: ResetRequest, _headers: Headers): Promise<unknown> => undefined;
  const auth = betterAuth({
    appName: tenant.name,
    baseURL: publicUrl.origin,
    basePath: tenantAuthPath(tenant.slug),
    secret: secrets.authSecret,
    // Session lookups cached for a second in this process, forgotten on every session or user
    // write (app/sessions/session-cache.server.ts, decision 0017). Plugins' list fields are JSON
    // text on either provider (app/db/json-lists.server.ts).
    database: cachingSessionLookups(listsAsJsonText(prismaAdapter(db, { provider }), provider), tenant.id),
    emailAndPassword: {
      ...methods.emailAndPassword,
      // Also accepts password hashes imported through the management API (bcrypt, scrypt, argon2).
      password: tenantPasswordHashing(db),
      // Signing a new user in would tell them apart from an existing address: with enumeration
      // protection both get better-auth's generic answer, and the owner of the address an email.
      autoSignIn: !protectEnumeration,
      onExistingUserSignUp: protectEnumeration
        ? async ({ user }, request) => sendSignUpAttemptEmail(emails, user, request)
        : undefined,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async (data, request) => sendResetPasswordEmail(emails, data, request),
      onPasswordReset: async ({ user }, request) => {
        await throttle.lift(user.id);
        onEvent({ type: "password.reset", userId: user.id, email: user.email });
        await sendPasswordChangedEmail(emails, user, request);
      },
    },
    // Verification links and their hosted landing page (app/email/auth-emails.server.ts).
    emailVerification: emailVerificationOptions(emails),
    // Reset, verification and magic-link tokens are stored as SHA-256 hashes (better-auth falls
    // back to the plain identifier, so links sent before this setting still work).
    verification: { storeIdentifier: "hashed" },
    session: { expiresIn: config.session.expiresIn, updateAge: config.session.updateAge },
    // Users delete their own accounts with POST /delete-user (app/privacy/plugin.server.ts).
    user: { deleteUser: selfDeletionOptions(onEvent) },
    trustedOrigins: tenantTrustedOrigins(tenant, publicUrl),
    // Social and OpenID Connect providers (app/auth-methods/social). A provider's account joins
    // an existing user with the same email only when the provider says the email is verified
    // and the existing user verified it too (better-auth's requireLocalEmailVerified default).
    socialProviders: methods.socialProviders,
    account: { accountLinking: { enabled: true, trustedProviders: [] } },
    // Failed provider callbacks (forged state, access denied, …) land on a hosted page that explains them.
    onAPIError: {
      errorURL: `${publicUrl.origin}${tenantBasePath(tenant.slug)}/sign-in/error`,
      onError: logServerErrorsOnly,
    },
    rateLimit: {
      enabled: true,
      customStorage: rateLimitStore,
      window: config.rateLimit.window,
      max: config.rateLimit.max,
    },
    plugins: [
      // Bans and impersonation from the console; console actions call auth.api directly,
      // so no end user ever gets the admin role through this plugin.
      admin({ defaultRole: "user", adminRoles: [], impersonationSessionDuration: 60 * 60 }),
      throttle,
      // The auth methods the tenant switched on in the console (app/auth-methods/catalog.ts);
      // two-factor also challenges the other first factors the tenant lists.
      ...requireSecondFactorAfter(
        methods.plugins,
        config.signInProtection.secondFactorFor,
        () => `${tenantPagesUrl(publicUrl, tenant.slug)}/two-factor`,
      ),
      ...(protectEnumeration ? [deferredPasswordReset((body, headers) => requestPasswordReset(body, headers))] : []),
      // GET /privacy/export: the signed-in user's data (app/privacy).
      privacyPlugin({ tenant, db }),
      // Proof of work or a third-party CAPTCHA on sign-up, reset and repeated sign-in (app/bot-protection).
      ...botProtectionPlugins({
        tenantId: tenant.id,
        config: config.botProtection,
        secrets,
        clientIpHeader: CLIENT_IP_HEADER,
      }),
    ],
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => {
            const id = typeof user.id === "string" && user.id ? user.id : newUserId(ctx);
            await events.announce({ type: "user.created", userId: id, email: user.email }, id);
            return { data: { ...user, id } };
          },
          after: async (user, ctx) => {
            events
              .confirmed(user.id)
              .catch((error: unknown) =>
                log.error({ tenant: tenant.slug, err: errorField(error) }, "Could not publish user.created"),
              );
            countSignUp(tenant.slug, ctx?.path);
            await rememberSignUpLocale(db, pageLocale, user.id, ctx);
            sendWelcomeEmail(emails, user, ctx?.request);
          },
        },
        update: {
          after: async (user, ctx) => {
            const event = userUpdateEvent(user, ctx);
            if (event) onEvent(event);
          },
        },
      },
      session: {
        create: {
          before: keepExactSessionAddress,
          after: async (session, ctx) => {
            // Any sign-in (a link, a code, a passkey, a provider, the right password) lifts the
            // account's failed-attempt count; an administrator's impersonation does not.
            if (!session.impersonatedBy) await throttle.lift(session.userId);
            onEvent({
              type: "session.created",
              userId: session.userId,
              email: (await db.user.findUnique({ where: { id: session.userId }, select: { email: true } }))?.email,
              ipAddress: session.ipAddress,
              userAgent: session.userAgent,
              data: session.impersonatedBy ? { impersonatedBy: session.impersonatedBy } : undefined,
            });
            noticeNewSignIn(emails, session, ctx?.request);
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Field limits, the tenant's sign-up mode and password policy, whichever client is calling.
        if (PROFILE_WRITE_PATHS.includes(ctx.path)) {
          const overlong = overlongProfileField(ctx.body);
          if (overlong) throw new APIError("BAD_REQUEST", overlong);
        }
        await redirectAlreadyVerified(emails, ctx);
        if (ctx.path === "/sign-up/email") {
          const refusal = await signUpRefusal(config.signUp.mode, db, ctx.body?.email);
          if (refusal) throw new APIError("FORBIDDEN", refusal);
        }
        const weak = await newPasswordRefusal(config.passwordPolicy, ctx.path, ctx.body);
        if (weak) throw new APIError("BAD_REQUEST", weak);
        // Sign-out forgets the session, so who is signing out is read before it runs.
        if (ctx.path !== "/sign-out") return;
        const session = await getSessionFromCtx(ctx).catch(() => null);
        if (!session) return;
        onEvent({
          type: "session.revoked",
          userId: session.user.id,
          ipAddress: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null,
          userAgent: ctx.request?.headers.get("user-agent") ?? null,
          data: { reason: "sign_out" },
        });
      }),
      after: createAuthMiddleware(async (ctx) => {
        const ipAddress = ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null;
        const userAgent = ctx.request?.headers.get("user-agent") ?? null;
        countSignInAttempt(tenant.slug, ctx.path, ctx.context.returned);
        if (SIGN_IN_PATHS.includes(ctx.path) && isAPIError(ctx.context.returned)) {
          const email = typeof ctx.body?.email === "string" ? ctx.body.email.toLowerCase() : undefined;
          const error = ctx.context.returned;
          onEvent({
            type: "sign_in.failed",
            email,
            ipAddress,
            userAgent,
            data: { code: error.body?.code ?? error.status },
          });
        }
        await afterEmailAuthEndpoint(emails, ctx);
        const oauthFailure = failedOAuthCallback(ctx.path, ctx.params, ctx.context.returned);
        if (oauthFailure) onEvent({ type: "sign_in.failed", ipAddress, userAgent, data: oauthFailure });
      }),
    },
    telemetry: { enabled: false },
    logger: authLogger,
    advanced: {
      cookiePrefix: tenantCookiePrefix(tenant),
      useSecureCookies: publicUrl.protocol === "https:",
      // On the shared host the cookies stay under /t/<slug>: the browser never sends one
      // tenant's session to another tenant's routes. (Custom domains rewrite this to "/".)
      defaultCookieAttributes: { path: tenantBasePath(tenant.slug), httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Emails (reset, codes, the sign-up notice) go out after the response, whatever the address.
      ...(protectEnumeration ? { backgroundTasks: { handler: runAfterResponse } } : {}),
    },
  });
  requestPasswordReset = (body, headers) => auth.api.requestPasswordReset({ body, headers });
  baseUrlFollowsCustomDomain(auth, tenant.slug);
  return auth;
}

export type TenantAuth = ReturnType<typeof createTenantAuth>;
