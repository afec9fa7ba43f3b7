import { z } from "zod";
import { SOCIAL_AUTH_METHODS } from "~/auth-methods/social/catalog";
import { JWT_AUTH_METHOD } from "~/jwt/catalog";
import { OAUTH_PROVIDER_AUTH_METHOD } from "~/oauth-provider/catalog";
import type { AuthMethodDefinition, AuthMethodId, SettingsShape } from "./definition";

export { AUTH_METHOD_CATEGORIES, AUTH_METHOD_IDS } from "./definition";
export type { AuthMethodCategory, AuthMethodDefinition, AuthMethodId, SettingField } from "./definition";

/**
 * The catalog of auth methods a tenant can switch on, shaped after better-auth's plugins:
 * each entry has an id, what the console shows (label, description, category), the methods
 * it depends on, a Zod schema for its settings (every field defaulted), which settings are
 * public (published in /t/<slug>/config.json for widgets) and which are secrets (kept
 * encrypted, never published). The function from settings to better-auth options lives in
 * catalog.server.ts, so this module stays safe to ship to the browser.
 */

function defineAuthMethod<
  Shape extends SettingsShape,
  const Public extends keyof Shape & string,
  const Secret extends string = never,
>(definition: AuthMethodDefinition<Shape, Public, Secret>) {
  return definition;
}

/** The tenant secret holding one of a method's secret settings, e.g. `google.clientSecret`. */
export function authMethodSecretName(id: string, setting: string): string {
  return `${id}.${setting}`;
}

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** Who must use two-factor authentication: nobody, everyone, or admins (see app/auth-methods/two-factor). */
export const TWO_FACTOR_ENFORCEMENT = ["off", "everyone", "admins"] as const;

export const AUTH_METHODS = {
  emailPassword: defineAuthMethod({
    label: "Email and password",
    description:
      "Users sign up and sign in with their email address and a password, and can reset a forgotten password by email. Turning it off leaves the hosted pages without a way to sign up until another method is on.",
    category: "Passwords",
    dependsOn: [],
    enabledByDefault: true,
    settings: z.object({
      minPasswordLength: int("Minimum length", 8, 128).default(8),
      maxPasswordLength: int("Maximum length", 16, 256).default(128),
      // Verification, reset and notification emails (app/email/auth-emails.server.ts).
      requireEmailVerification: z.boolean({ error: "Choose on or off." }).default(false),
      sendVerificationOnSignUp: z.boolean({ error: "Choose on or off." }).default(false),
      revokeSessionsOnPasswordReset: z.boolean({ error: "Choose on or off." }).default(false),
      passwordChangedEmail: z.boolean({ error: "Choose on or off." }).default(false),
      welcomeEmail: z.boolean({ error: "Choose on or off." }).default(false),
      newSignInEmail: z.boolean({ error: "Choose on or off." }).default(false),
    }),
    checkSettings: ({ minPasswordLength, maxPasswordLength }) =>
      minPasswordLength > maxPasswordLength
        ? { field: "maxPasswordLength", message: "Maximum length must not be below the minimum length." }
        : null,
    fields: [
      { name: "minPasswordLength", label: "Minimum password length", kind: "number", hint: "8 to 128 characters." },
      { name: "maxPasswordLength", label: "Maximum password length", kind: "number", hint: "16 to 256 characters." },
      {
        name: "requireEmailVerification",
        label: "Require a verified email to sign in",
        kind: "boolean",
        hint: "Signing in with a password is refused until the user follows the link in the verification email.",
      },
      {
        name: "sendVerificationOnSignUp",
        label: "Send a verification email on sign-up",
        kind: "boolean",
        hint: "Always on when verification is required.",
      },
      {
        name: "revokeSessionsOnPasswordReset",
        label: "Sign out every device when the password is reset",
        kind: "boolean",
      },
      { name: "passwordChangedEmail", label: "Email users when their password changes", kind: "boolean" },
      { name: "welcomeEmail", label: "Send a welcome email after sign-up", kind: "boolean" },
      {
        name: "newSignInEmail",
        label: "Email users about sign-ins from a new device",
        kind: "boolean",
        hint: "A browser and network (IP /24) not seen in the user's earlier sessions.",
      },
    ],
    publicSettings: ["minPasswordLength", "maxPasswordLength", "requireEmailVerification"],
    secretSettings: [],
  }),
  username: defineAuthMethod({
    label: "Username",
    description:
      "Users pick a unique username when they sign up and can sign in with it and their password instead of their email (POST /sign-in/username). The hosted sign-in field then takes an email or a username.",
    category: "Passwords",
    dependsOn: ["emailPassword"],
    enabledByDefault: false,
    settings: z.object({
      minUsernameLength: int("Minimum length", 1, 64).default(3),
      maxUsernameLength: int("Maximum length", 3, 100).default(30),
    }),
    checkSettings: ({ minUsernameLength, maxUsernameLength }) =>
      minUsernameLength > maxUsernameLength
        ? { field: "maxUsernameLength", message: "Maximum length must not be below the minimum length." }
        : null,
    fields: [
      { name: "minUsernameLength", label: "Minimum username length", kind: "number" },
      { name: "maxUsernameLength", label: "Maximum username length", kind: "number" },
    ],
    publicSettings: ["minUsernameLength", "maxUsernameLength"],
    secretSettings: [],
  }),
  organizations: defineAuthMethod({
    label: "Organizations",
    description:
      "Users create organizations on their account page, invite others by email and give members roles: owner, admin, member, or custom roles each organization defines from a set of permissions.",
    category: "Organizations",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      allowUserToCreateOrganization: z.boolean({ error: "Choose on or off." }).default(true),
      organizationLimit: int("Organizations per user", 1, 1000).default(5),
      membershipLimit: int("Members per organization", 2, 100_000).default(100),
      invitationExpiresInHours: int("Invitation lifetime", 1, 24 * 30).default(48),
    }),
    fields: [
      { name: "allowUserToCreateOrganization", label: "Users may create organizations", kind: "boolean" },
      { name: "organizationLimit", label: "Organizations per user", kind: "number" },
      { name: "membershipLimit", label: "Members per organization", kind: "number" },
      { name: "invitationExpiresInHours", label: "Invitation lifetime (hours)", kind: "number" },
    ],
    publicSettings: ["allowUserToCreateOrganization"],
    secretSettings: [],
  }),
  teams: defineAuthMethod({
    label: "Teams",
    description: "Organizations split their members into teams.",
    category: "Organizations",
    dependsOn: ["organizations"],
    enabledByDefault: false,
    settings: z.object({
      maximumTeams: int("Teams per organization", 1, 1000).default(10),
      maximumMembersPerTeam: int("Members per team", 1, 100_000).default(100),
    }),
    fields: [
      { name: "maximumTeams", label: "Teams per organization", kind: "number" },
      { name: "maximumMembersPerTeam", label: "Members per team", kind: "number" },
    ],
    publicSettings: [],
    secretSettings: [],
  }),
  multiSession: defineAuthMethod({
    label: "Multiple sessions",
    description: "One browser keeps several signed-in accounts at once and switches between them.",
    category: "Tokens & sessions",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      maximumSessions: int("Accounts per browser", 1, 20).default(5),
    }),
    fields: [{ name: "maximumSessions", label: "Accounts per browser", kind: "number" }],
    publicSettings: ["maximumSessions"],
    secretSettings: [],
  }),
  bearer: defineAuthMethod({
    label: "Bearer tokens",
    description:
      "Apps that cannot use cookies (mobile apps, widgets where third-party cookies are blocked) send the session token in an Authorization: Bearer header; sign-in answers carry it in set-auth-token.",
    category: "Tokens & sessions",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      requireSignature: z.boolean({ error: "Choose on or off." }).default(false),
    }),
    fields: [
      {
        name: "requireSignature",
        label: "Accept only signed tokens",
        kind: "boolean",
        hint: "Refuse bare session tokens; accept only the signed token from set-auth-token.",
      },
    ],
    publicSettings: [],
    secretSettings: [],
  }),
  magicLink: defineAuthMethod({
    label: "Magic link",
    description:
      "Users ask for a sign-in link on the hosted sign-in page (“Email me a sign-in link”) and follow it from their inbox. The link works once. While sign-up is open, a link to an unknown address creates the account.",
    category: "Passwordless",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      expiresInMinutes: int("Link lifetime", 1, 60).default(10),
    }),
    fields: [{ name: "expiresInMinutes", label: "Link lifetime (minutes)", kind: "number", hint: "1 to 60." }],
    publicSettings: [],
    secretSettings: [],
  }),
  emailOtp: defineAuthMethod({
    label: "Email code",
    description:
      "Users ask for a one-time code on the hosted sign-in page (“Email me a code”) and type it in. While sign-up is open, a code for an unknown address creates the account.",
    category: "Passwordless",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      codeLength: int("Code length", 4, 10).default(6),
      expiresInMinutes: int("Code lifetime", 1, 60).default(5),
      allowedAttempts: int("Attempts per code", 1, 10).default(3),
    }),
    fields: [
      { name: "codeLength", label: "Code length (digits)", kind: "number", hint: "4 to 10." },
      { name: "expiresInMinutes", label: "Code lifetime (minutes)", kind: "number", hint: "1 to 60." },
      { name: "allowedAttempts", label: "Wrong codes allowed before a new one is needed", kind: "number" },
    ],
    publicSettings: ["codeLength"],
    secretSettings: [],
  }),
  passkey: defineAuthMethod({
    label: "Passkeys",
    description:
      "Users register passkeys (Face ID, Touch ID, Windows Hello, a security key) on their account page and sign in with them, also from the email field's autofill. A passkey works on the host it was registered on: the shared host or one of the tenant's custom domains.",
    category: "Passwordless",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({}),
    fields: [],
    publicSettings: [],
    secretSettings: [],
  }),
  twoFactor: defineAuthMethod({
    label: "Two-factor authentication",
    description:
      "Users protect their account with an authenticator app (TOTP) and 10 single-use backup codes; signing in with a password then asks for a code.",
    category: "Security",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      issuer: z
        .string({ error: "Issuer must be text." })
        .trim()
        .max(64, "Issuer must be at most 64 characters.")
        .default(""),
      enforce: z.enum(TWO_FACTOR_ENFORCEMENT, { error: "Choose off, everyone or admins." }).default("off"),
      trustDeviceDays: int("Trusted-device lifetime", 1, 365).default(30),
    }),
    fields: [
      {
        name: "issuer",
        label: "Issuer shown in authenticator apps",
        kind: "text",
        hint: "Empty: the tenant's name.",
      },
      {
        name: "enforce",
        label: "Require two-factor authentication",
        kind: "select",
        options: [
          { value: "off", label: "No, users choose" },
          { value: "everyone", label: "For everyone" },
          { value: "admins", label: "For admins (organization owners and admins)" },
        ],
        hint: "Users in the group who have not set it up are sent to set it up after signing in.",
      },
      {
        name: "trustDeviceDays",
        label: "Trusted-device lifetime (days)",
        kind: "number",
        hint: "How long a device the user trusts skips the code. 1 to 365.",
      },
    ],
    publicSettings: ["enforce"],
    secretSettings: [],
  }),
  phoneNumber: defineAuthMethod({
    label: "Phone number",
    description:
      "Users sign in with a code sent by text message (“Use your phone number” on the sign-in page) and add a verified number on their account page. Texts go through the deployment's Twilio-compatible SMS sender, or stay in the console's SMS outbox when none is configured.",
    category: "Passwordless",
    dependsOn: [],
    enabledByDefault: false,
    settings: z.object({
      allowSignUp: z.boolean({ error: "Choose on or off." }).default(false),
      codeLength: int("Code length", 4, 10).default(6),
      codeExpiresInMinutes: int("Code lifetime", 1, 60).default(5),
      allowedAttempts: int("Attempts per code", 1, 10).default(3),
    }),
    fields: [
      {
        name: "allowSignUp",
        label: "New users may sign up with a phone number",
        kind: "boolean",
        hint: "Only while sign-up is open; their email is a placeholder until they add one.",
      },
      { name: "codeLength", label: "Code length (digits)", kind: "number", hint: "4 to 10." },
      { name: "codeExpiresInMinutes", label: "Code lifetime (minutes)", kind: "number" },
      { name: "allowedAttempts", label: "Wrong codes allowed before a new one is needed", kind: "number" },
    ],
    publicSettings: ["allowSignUp", "codeLength"],
    secretSettings: [],
  }),
  // Short-lived JWTs and the tenant's JWKS (app/jwt).
  jwt: JWT_AUTH_METHOD,
  // The tenant as an OAuth 2.1 / OpenID Connect provider (app/oauth-provider).
  oauthProvider: OAUTH_PROVIDER_AUTH_METHOD,
  ...SOCIAL_AUTH_METHODS,
};

export type AuthMethodSettings<Id extends AuthMethodId> = z.infer<(typeof AUTH_METHODS)[Id]["settings"]>;
export type PublicAuthMethodSettings<Id extends AuthMethodId> = Pick<
  AuthMethodSettings<Id>,
  Extract<(typeof AUTH_METHODS)[Id]["publicSettings"][number], keyof AuthMethodSettings<Id>>
>;

export function isAuthMethodId(value: unknown): value is AuthMethodId {
  return typeof value === "string" && Object.hasOwn(AUTH_METHODS, value);
}

function checkAcrossFields<Shape extends SettingsShape>(method: AuthMethodDefinition<Shape>) {
  return (settings: z.infer<z.ZodObject<Shape>>, ctx: z.RefinementCtx) => {
    const problem = method.checkSettings?.(settings);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  };
}

/** A method's settings as the console's form submits them, with its cross-field check. */
export function authMethodSettingsSchema<Shape extends SettingsShape>(method: AuthMethodDefinition<Shape>) {
  return method.settings.superRefine(checkAcrossFields(method));
}

/**
 * How a method is stored in the tenant's config: `enabled` beside its settings, all defaulted
 * (the caller adds `.prefault({})`, which needs the concrete shape).
 */
export function storedAuthMethodSchema<Shape extends SettingsShape>(method: AuthMethodDefinition<Shape>) {
  return method.settings
    .extend({ enabled: z.boolean().default(method.enabledByDefault) })
    .superRefine((settings, ctx) => checkAcrossFields(method)(settings as z.infer<z.ZodObject<Shape>>, ctx));
}
