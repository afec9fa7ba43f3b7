import { z } from "zod";

/**
 * The catalog of auth methods a tenant can switch on, shaped after better-auth's plugins:
 * each entry has an id, what the console shows (label, description, category), the methods
 * it depends on, a Zod schema for its settings (every field defaulted), which settings are
 * public (published in /t/<slug>/config.json for widgets) and which are secrets (kept
 * encrypted, never published). The function from settings to better-auth options lives in
 * catalog.server.ts, so this module stays safe to ship to the browser.
 */

export const AUTH_METHOD_CATEGORIES = [
  "Passwords",
  "Passwordless",
  "Social",
  "Organizations",
  "Tokens & sessions",
  "Security",
] as const;
export type AuthMethodCategory = (typeof AUTH_METHOD_CATEGORIES)[number];

/** How the console renders one setting; the method's Zod schema is what validates it. */
export type SettingField<Name extends string> = {
  name: Name;
  label: string;
  hint?: string;
  kind: "number" | "boolean";
};

type SettingsShape = z.ZodRawShape;

export const AUTH_METHOD_IDS = [
  "emailPassword",
  "username",
  "organizations",
  "teams",
  "multiSession",
  "bearer",
] as const;
export type AuthMethodId = (typeof AUTH_METHOD_IDS)[number];

export type AuthMethodDefinition<
  Shape extends SettingsShape = SettingsShape,
  Public extends keyof Shape & string = keyof Shape & string,
> = {
  label: string;
  description: string;
  category: AuthMethodCategory;
  /** Methods that must be on for this one to work (teams need organizations). */
  dependsOn: readonly AuthMethodId[];
  enabledByDefault: boolean;
  settings: z.ZodObject<Shape>;
  /** Checks across fields (a minimum not above its maximum), reported on a field. */
  checkSettings?: (settings: z.infer<z.ZodObject<Shape>>) => { field: keyof Shape & string; message: string } | null;
  fields: readonly SettingField<keyof Shape & string>[];
  /** Settings a widget needs to render the method; published in config.json. */
  publicSettings: readonly Public[];
  /** Settings stored encrypted in the tenant's secrets, write-only in the console. */
  secretSettings: readonly (keyof Shape & string)[];
};

function defineAuthMethod<Shape extends SettingsShape, const Public extends keyof Shape & string>(
  definition: AuthMethodDefinition<Shape, Public>,
) {
  return definition;
}

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

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
    }),
    checkSettings: ({ minPasswordLength, maxPasswordLength }) =>
      minPasswordLength > maxPasswordLength
        ? { field: "maxPasswordLength", message: "Maximum length must not be below the minimum length." }
        : null,
    fields: [
      { name: "minPasswordLength", label: "Minimum password length", kind: "number", hint: "8 to 128 characters." },
      { name: "maxPasswordLength", label: "Maximum password length", kind: "number", hint: "16 to 256 characters." },
    ],
    publicSettings: ["minPasswordLength", "maxPasswordLength"],
    secretSettings: [],
  }),
  username: defineAuthMethod({
    label: "Username",
    description:
      "Users pick a unique username when they sign up and can sign in with it and their password instead of their email (POST /sign-in/username). The hosted sign-in page does not offer it yet.",
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
      "Users create organizations, invite others by email (the invitation lands in the tenant's outbox) and give members roles (owner, admin, member).",
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

/** Methods on the map (DESIGN.md) whose hosted-page flows come in a later release: shown, not toggleable. */
export const UPCOMING_AUTH_METHODS: readonly {
  id: string;
  label: string;
  description: string;
  category: AuthMethodCategory;
}[] = [
  { id: "magicLink", label: "Magic link", description: "Sign in with a link sent by email.", category: "Passwordless" },
  {
    id: "emailOtp",
    label: "Email code",
    description: "Sign in with a one-time code sent by email.",
    category: "Passwordless",
  },
  {
    id: "passkey",
    label: "Passkeys",
    description: "Sign in with a passkey (WebAuthn): Face ID, Touch ID, Windows Hello or a security key.",
    category: "Passwordless",
  },
  {
    id: "phoneNumber",
    label: "Phone number",
    description: "Sign in with a code sent by text message.",
    category: "Passwordless",
  },
  {
    id: "social",
    label: "Social and OIDC providers",
    description: "Google, GitHub, Apple, Microsoft and any OpenID Connect provider.",
    category: "Social",
  },
  {
    id: "twoFactor",
    label: "Two-factor authentication",
    description: "TOTP authenticator apps with backup codes.",
    category: "Security",
  },
  {
    id: "jwt",
    label: "JWT and JWKS",
    description: "Short-lived JWTs your backends verify against the tenant's JWKS.",
    category: "Tokens & sessions",
  },
];
