import { z } from "zod";
import { AUTH_METHODS, storedAuthMethodSchema } from "~/auth-methods/catalog";
import { ForwardAuthConfigSchema } from "~/forward-auth/rules";

/**
 * A tenant's configuration as stored in the control plane. It never holds secrets (those
 * live encrypted beside it) so it can be shown to admins and partly published.
 * Every field has a default, so an empty object is a valid configuration and an older
 * stored config gains new fields without a data migration.
 */
export const SIGN_UP_MODES = ["open", "invite-only", "closed"] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];

/** off, the self-hosted proof of work (ALTCHA), or a third-party CAPTCHA through better-auth's captcha plugin. */
export const BOT_PROTECTION_PROVIDERS = ["off", "altcha", "turnstile", "hcaptcha", "recaptcha"] as const;
export type BotProtectionProvider = (typeof BOT_PROTECTION_PROVIDERS)[number];

export const SMTP_SECURITY_MODES = ["starttls", "tls", "none"] as const;

/** A hostname such as smtp.example.com (letters, digits, dots and hyphens). */
const SMTP_HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export const RETENTION_DEFAULT_DAYS = 90;
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;
/** First factors that can sign a user in; `secondFactorFor` lists those that then ask for the second. */
export const FIRST_FACTORS = ["password", "magicLink", "emailOtp", "social", "phone", "passkey"] as const;
export type FirstFactor = (typeof FIRST_FACTORS)[number];

/**
 * Sign-in protections (docs/security.md): per-account throttling of password and code
 * guesses, account-enumeration protection, and which first factors ask for the second.
 */
const SignInProtectionSchema = z
  .object({
    accountThrottle: z
      .object({
        /** Failed attempts for one account before each further one adds a doubling delay. */
        freeAttempts: z.number().int().min(1).max(100).default(5),
        /** The longest delay between two attempts, in seconds. */
        maxDelaySeconds: z.number().int().min(1).max(86_400).default(900),
        /** Failures in 24 hours after which password sign-in stays blocked until another method or a reset. */
        lockAfter: z.number().int().min(5).max(100_000).default(50),
        /** Failures in 24 hours after which the user is told by email (once per 24 hours). */
        noticeAfter: z.number().int().min(1).max(100_000).default(10),
      })
      .prefault({}),
    /** Sign-up and reset answer alike whether or not an account exists (on for new tenants). */
    enumerationProtection: z.boolean().default(false),
    /** With two-factor on, these first factors go on to the second; passkeys are multi-factor already. */
    secondFactorFor: z
      .array(z.enum(FIRST_FACTORS, { error: "Unknown sign-in method." }))
      .default(["password", "magicLink", "emailOtp", "social", "phone"]),
  })
  .prefault({});

export const TenantConfigSchema = z.object({
  /** One entry per method in the catalog (app/auth-methods/catalog.ts): `enabled` and its settings. */
  authMethods: z
    .object({
      emailPassword: storedAuthMethodSchema(AUTH_METHODS.emailPassword).prefault({}),
      username: storedAuthMethodSchema(AUTH_METHODS.username).prefault({}),
      organizations: storedAuthMethodSchema(AUTH_METHODS.organizations).prefault({}),
      teams: storedAuthMethodSchema(AUTH_METHODS.teams).prefault({}),
      multiSession: storedAuthMethodSchema(AUTH_METHODS.multiSession).prefault({}),
      bearer: storedAuthMethodSchema(AUTH_METHODS.bearer).prefault({}),
      jwt: storedAuthMethodSchema(AUTH_METHODS.jwt).prefault({}),
      oauthProvider: storedAuthMethodSchema(AUTH_METHODS.oauthProvider).prefault({}),
      magicLink: storedAuthMethodSchema(AUTH_METHODS.magicLink).prefault({}),
      emailOtp: storedAuthMethodSchema(AUTH_METHODS.emailOtp).prefault({}),
      passkey: storedAuthMethodSchema(AUTH_METHODS.passkey).prefault({}),
      twoFactor: storedAuthMethodSchema(AUTH_METHODS.twoFactor).prefault({}),
      phoneNumber: storedAuthMethodSchema(AUTH_METHODS.phoneNumber).prefault({}),
      google: storedAuthMethodSchema(AUTH_METHODS.google).prefault({}),
      github: storedAuthMethodSchema(AUTH_METHODS.github).prefault({}),
      microsoft: storedAuthMethodSchema(AUTH_METHODS.microsoft).prefault({}),
      apple: storedAuthMethodSchema(AUTH_METHODS.apple).prefault({}),
      discord: storedAuthMethodSchema(AUTH_METHODS.discord).prefault({}),
      gitlab: storedAuthMethodSchema(AUTH_METHODS.gitlab).prefault({}),
      oidc: storedAuthMethodSchema(AUTH_METHODS.oidc).prefault({}),
    })
    .prefault({}),
  /** Who may create an account: anyone, only people with a pending invitation, or nobody. */
  signUp: z
    .object({
      mode: z.enum(SIGN_UP_MODES, { error: "Sign-up must be open, invite-only or closed." }).default("open"),
    })
    .prefault({}),
  /** Beside the length limits of email+password (app/auth-methods/policies.server.ts). */
  passwordPolicy: z
    .object({
      /** Refuse passwords from a bundled list of common ones. */
      rejectCommonPasswords: z.boolean().default(true),
      /** The lowest zxcvbn score (0 = anything, 4 = very hard to guess) a new password must reach. */
      minStrength: z
        .number()
        .int()
        .min(0, "Strength goes from 0 to 4.")
        .max(4, "Strength goes from 0 to 4.")
        .default(2),
      /** Ask Have I Been Pwned's range API (k-anonymity) when the deployment allows outbound calls. */
      rejectBreachedPasswords: z.boolean().default(false),
    })
    .prefault({}),
  /** Bot protection on sign-up, password reset and sign-in after failures (app/bot-protection). */
  botProtection: z
    .object({
      provider: z
        .enum(BOT_PROTECTION_PROVIDERS, { error: "Choose off, ALTCHA, Turnstile, hCaptcha or reCAPTCHA." })
        .default("off"),
      /** The third-party provider's public site key; its secret key is the tenant secret `botProtection.secretKey`. */
      siteKey: z.string().trim().max(200, "Use at most 200 characters.").default(""),
      /** Failed sign-ins from one IP or for one account before sign-in needs the check too (0: always). */
      signInAfterFailures: z.number().int().min(0).max(100).default(3),
    })
    .prefault({}),
  /** Origins (scheme://host[:port]) allowed to call the tenant's auth API and be redirected to. */
  trustedOrigins: z
    .array(
      z
        .url({
          protocol: /^https?$/,
          message: "Trusted origins must be http(s) origins such as https://app.example.com",
        })
        .refine((value) => new URL(value).origin === value.replace(/\/$/, ""), {
          message: "A trusted origin is scheme, host and port only, with no path.",
        }),
    )
    .max(50)
    .default([]),
  session: z
    .object({
      /** Seconds until an unused session expires. */
      expiresIn: z
        .number()
        .int()
        .min(300)
        .max(60 * 60 * 24 * 365)
        .default(60 * 60 * 24 * 7),
      /** A session is extended when it is used after this many seconds. */
      updateAge: z
        .number()
        .int()
        .min(60)
        .max(60 * 60 * 24 * 30)
        .default(60 * 60 * 24),
    })
    .prefault({}),
  /** The tenant's own mail server; its password is a secret (`smtpPassword`), never stored here. */
  smtp: z
    .object({
      host: z
        .string()
        .trim()
        .max(253, "Use at most 253 characters.")
        .refine((host) => host === "" || SMTP_HOST.test(host), "Enter a hostname such as smtp.example.com.")
        .default(""),
      port: z
        .number({ error: "Port must be a number." })
        .int("Port must be a whole number.")
        .min(1, "Port must be between 1 and 65535.")
        .max(65535, "Port must be between 1 and 65535.")
        .default(587),
      user: z.string().trim().max(254, "Use at most 254 characters.").default(""),
      fromAddress: z
        .union([z.literal(""), z.email("Enter an email address such as no-reply@example.com.")])
        .default(""),
      security: z.enum(SMTP_SECURITY_MODES, { error: "Security must be STARTTLS, TLS or none." }).default("starttls"),
    })
    .prefault({}),
  /** How long history is kept before the retention job deletes it (app/privacy/retention.server.ts). */
  retention: z
    .object({
      /** Days of audit log entries. */
      auditLogDays: z
        .number({ error: "Audit log retention must be a number of days." })
        .int("Audit log retention must be a whole number of days.")
        .min(RETENTION_MIN_DAYS, `Keep the audit log at least ${RETENTION_MIN_DAYS} day.`)
        .max(RETENTION_MAX_DAYS, `Keep the audit log at most ${RETENTION_MAX_DAYS} days.`)
        .default(RETENTION_DEFAULT_DAYS),
      /** Days of finished emails, text messages and webhook deliveries (sent, failed or captured). */
      deliveredMessagesDays: z
        .number({ error: "Message retention must be a number of days." })
        .int("Message retention must be a whole number of days.")
        .min(RETENTION_MIN_DAYS, `Keep messages at least ${RETENTION_MIN_DAYS} day.`)
        .max(RETENTION_MAX_DAYS, `Keep messages at most ${RETENTION_MAX_DAYS} days.`)
        .default(RETENTION_DEFAULT_DAYS),
    })
    .prefault({}),
  rateLimit: z
    .object({
      /** Requests per window per client IP across the tenant's auth API. */
      max: z.number().int().min(1).max(100_000).default(100),
      window: z.number().int().min(1).max(3600).default(60),
    })
    .prefault({}),
  signInProtection: SignInProtectionSchema,
  /** What gateways in front of the tenant's apps may pass (app/forward-auth, docs/gateways.md). */
  forwardAuth: ForwardAuthConfigSchema,
});

export type TenantConfig = z.infer<typeof TenantConfigSchema>;
export type TenantConfigInput = z.input<typeof TenantConfigSchema>;

export const TENANT_STATUSES = ["active", "disabled"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const TENANT_ENVIRONMENTS = ["development", "staging", "production"] as const;
export type TenantEnvironment = (typeof TENANT_ENVIRONMENTS)[number];

/** The tenant secret holding the third-party bot-protection provider's secret key. */
export const BOT_PROTECTION_SECRET = "botProtection.secretKey";

/** The tenant secret (TenantService.setSecret) holding its SMTP password. */
export const SMTP_PASSWORD_SECRET = "smtpPassword";

/**
 * The config of a tenant someone creates now (console, CLI): enumeration protection starts on.
 * The schema's default stays off so configs stored before the setting existed keep answering as
 * they did until an admin opts in, and so do tenants made in code (tests, the demo tenant).
 */
export function withNewTenantDefaults(config: TenantConfigInput): TenantConfigInput {
  const given: unknown = config.signInProtection;
  // Anything but an object is left for the schema to refuse with its own message.
  if (typeof config !== "object" || config === null || (given !== undefined && (typeof given !== "object" || !given)))
    return config;
  return { ...config, signInProtection: { enumerationProtection: true, ...given } };
}
