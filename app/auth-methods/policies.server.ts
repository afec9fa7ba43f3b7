import { createHash } from "node:crypto";
import type { TenantDb } from "~/db/clients.server";
import { botProtectionDeployment } from "~/bot-protection/deployment.server";
import type { PasswordPolicyView } from "~/auth-methods/password-hint";
import type { SignUpMode, TenantConfig } from "~/tenancy/config";
import { log } from "~/ops/log.server";

/**
 * The tenant's sign-up and password policies, enforced inside its better-auth instance (see
 * tenant-auth.server.ts) so the API, widgets and hosted pages all obey them. Each refusal is a
 * named code with a message; the hosted forms map the codes to fields.
 */
export const POLICY_ERRORS = {
  PASSWORD_TOO_COMMON: {
    code: "PASSWORD_TOO_COMMON",
    message: "This password is one of the most common passwords. Choose one that is harder to guess.",
  },
  PASSWORD_TOO_WEAK: {
    code: "PASSWORD_TOO_WEAK",
    message: "This password is too easy to guess. Use a longer one, for example a few unrelated words.",
  },
  PASSWORD_BREACHED: {
    code: "PASSWORD_BREACHED",
    message: "This password appears in known data breaches (Have I Been Pwned). Choose a different one.",
  },
  SIGN_UP_CLOSED: {
    code: "SIGN_UP_CLOSED",
    message: "Sign-up is closed. Ask an administrator to create your account.",
  },
  SIGN_UP_INVITE_ONLY: {
    code: "SIGN_UP_INVITE_ONLY",
    message: "Sign-up is by invitation only. Use the email address your invitation was sent to.",
  },
} as const;

/** Upper bounds for profile fields, which better-auth itself does not limit. */
const PROFILE_FIELD_LIMITS: Readonly<Record<string, { max: number; label: string }>> = {
  name: { max: 100, label: "Name" },
  email: { max: 254, label: "Email" },
  image: { max: 2048, label: "Image URL" },
  username: { max: 100, label: "Username" },
  displayUsername: { max: 100, label: "Display name" },
};

/** Endpoints through which a user writes their own profile fields. */
export const PROFILE_WRITE_PATHS = ["/sign-up/email", "/update-user", "/admin/create-user"];

/** The first over-long profile field of a request body, as a message naming it, or null. */
export function overlongProfileField(
  body: Record<string, unknown> | undefined,
): { code: string; message: string } | null {
  for (const [field, { max, label }] of Object.entries(PROFILE_FIELD_LIMITS)) {
    const value = body?.[field];
    if (typeof value === "string" && value.length > max) {
      return { code: "FIELD_TOO_LONG", message: `${label} must be at most ${max} characters (field "${field}").` };
    }
  }
  return null;
}

/**
 * The 49,233 most common passwords of zxcvbn-ts's `passwords-common` dictionary (package
 * @zxcvbn-ts/language-common, MIT, lower-cased entries), loaded on first use and kept in a Set
 * so a check is one hash lookup.
 */
let commonPasswords: Promise<Set<string>> | undefined;

function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"]),
  );
  return commonPasswords;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.toLowerCase());
}

/** Which new-password field an endpoint carries, for the paths where users choose a password. */
export const NEW_PASSWORD_FIELDS: Readonly<Record<string, "password" | "newPassword">> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/email-otp/reset-password": "password",
  "/phone-number/reset-password": "newPassword",
  // Console "create user" goes through the admin plugin's endpoint: the same policy applies.
  "/admin/create-user": "password",
  "/admin/set-user-password": "newPassword",
};

/** zxcvbn-ts with the common dictionaries and keyboard graphs, built on first use. */
let strength: Promise<(password: string, userInputs: string[]) => number> | undefined;

function loadStrength() {
  strength ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([{ ZxcvbnFactory }, { dictionary, adjacencyGraphs }]) => {
      const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
      return (password: string, userInputs: string[]) => zxcvbn.check(password, userInputs).score;
    },
  );
  return strength;
}

/** zxcvbn's score, 0 (guessed at once) to 4 (very hard); the user's own email and name count against it. */
export async function passwordStrength(password: string, userInputs: string[] = []): Promise<number> {
  // zxcvbn's cost grows with length; the length limits already bound it, this is a second guard.
  // zxcvbn matches whole dictionary entries: give it the email's local part and each word too.
  const words = userInputs.flatMap((input) => {
    const value = input.toLowerCase();
    const local = value.split("@")[0] ?? value;
    return [value, local, ...local.split(/[^a-z0-9]+/), ...value.split(/\s+/)].filter((word) => word.length >= 3);
  });
  return (await loadStrength())(password.slice(0, 256), [...new Set(words)]);
}

/**
 * Have I Been Pwned's range API with k-anonymity: only the first five hex digits of the
 * password's SHA-1 leave the server, the answer lists every suffix with that prefix. Our own
 * few lines rather than better-auth's haveIBeenPwned plugin, whose URL is fixed: a deployment
 * can point PORTICO_HIBP_RANGE_URL at a mirror (decision 0010). Unreachable → null (not checked).
 */
export async function isBreachedPassword(password: string, rangeUrl: string): Promise<boolean | null> {
  const sha1 = createHash("sha1").update(password).digest("hex").toUpperCase();
  try {
    const response = await fetch(`${rangeUrl}${sha1.slice(0, 5)}`, {
      headers: { "add-padding": "true", "user-agent": "Portico password check" },
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) return null;
    const suffix = sha1.slice(5);
    for (const line of (await response.text()).split(/\r?\n/)) {
      const [candidate, count] = line.trim().split(":");
      if (candidate?.toUpperCase() === suffix) return Number(count) > 0;
    }
    return false;
  } catch {
    return null;
  }
}

export type PasswordPolicy = TenantConfig["passwordPolicy"];

/** Why the tenant's policy refuses this new password, or null when it is fine. */
export async function passwordRefusal(
  policy: PasswordPolicy,
  password: string,
  userInputs: string[] = [],
): Promise<(typeof POLICY_ERRORS)[keyof typeof POLICY_ERRORS] | null> {
  if (policy.rejectCommonPasswords && (await isCommonPassword(password))) return POLICY_ERRORS.PASSWORD_TOO_COMMON;
  if (policy.minStrength > 0 && (await passwordStrength(password, userInputs)) < policy.minStrength)
    return POLICY_ERRORS.PASSWORD_TOO_WEAK;
  const deployment = botProtectionDeployment();
  if (policy.rejectBreachedPasswords && deployment.allowOutbound) {
    const breached = await isBreachedPassword(password, deployment.hibpRangeUrl);
    // A failed lookup lets the password through: the range API being down must not stop every sign-up.
    if (breached === null) log.warn("Have I Been Pwned range API unreachable; password not checked");
    if (breached) return POLICY_ERRORS.PASSWORD_BREACHED;
  }
  return null;
}

/** The refusal for a request that sets a new password on `path`, or null (also when it sets none). */
export async function newPasswordRefusal(
  policy: PasswordPolicy,
  path: string,
  body: Record<string, unknown> | undefined,
) {
  const field = NEW_PASSWORD_FIELDS[path];
  const password: unknown = field ? body?.[field] : undefined;
  if (typeof password !== "string") return null;
  const userInputs = [body?.email, body?.name, body?.username].filter(
    (value): value is string => typeof value === "string",
  );
  return passwordRefusal(policy, password, userInputs);
}

/** The policy's error codes, for the places that turn them into a field message. */
export const PASSWORD_POLICY_CODES: readonly string[] = [
  "PASSWORD_TOO_COMMON",
  "PASSWORD_TOO_WEAK",
  "PASSWORD_BREACHED",
];

/** An organization invitation that is still pending for this email address. */
async function hasPendingInvitation(db: TenantDb, email: string): Promise<boolean> {
  const invitation = await db.invitation.findFirst({
    where: { email: email.toLowerCase(), status: "pending", expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return invitation !== null;
}

/** Why this email address may not sign up under the tenant's sign-up mode, or null when it may. */
export async function signUpRefusal(
  mode: SignUpMode,
  db: TenantDb,
  email: unknown,
): Promise<(typeof POLICY_ERRORS)[keyof typeof POLICY_ERRORS] | null> {
  if (mode === "open") return null;
  if (mode === "closed") return POLICY_ERRORS.SIGN_UP_CLOSED;
  if (typeof email === "string" && (await hasPendingInvitation(db, email))) return null;
  return POLICY_ERRORS.SIGN_UP_INVITE_ONLY;
}

/** A pending organization invitation by id, for the hosted sign-up page (email prefilled). */
async function findPendingInvitation(db: TenantDb, id: string) {
  return db.invitation.findFirst({
    where: { id, status: "pending", expiresAt: { gt: new Date() } },
    select: { email: true, organization: { select: { name: true } } },
  });
}

/** Whether the hosted sign-up page shows its form, and if not, why. */
export type SignUpAvailability =
  | { open: true; invitation: { id: string; email: string; organization: string } | null }
  | { open: false; reason: "closed" | "invite-only" | "no-password-sign-up" };

export async function hostedSignUpAvailability(
  config: TenantConfig,
  db: TenantDb,
  invitationId: string | null,
): Promise<SignUpAvailability> {
  if (!config.authMethods.emailPassword.enabled) return { open: false, reason: "no-password-sign-up" };
  if (config.signUp.mode === "closed") return { open: false, reason: "closed" };
  let invited: { id: string; email: string; organization: string } | null = null;
  if (invitationId) {
    const id = invitationId.slice(0, 100);
    const invitation = await findPendingInvitation(db, id);
    if (invitation) invited = { id, email: invitation.email, organization: invitation.organization.name };
  }
  if (config.signUp.mode === "invite-only" && !invited) return { open: false, reason: "invite-only" };
  return { open: true, invitation: invited };
}

/** The policy as the hosted forms show it (app/auth-methods/password-hint.ts). */
export function publicPasswordPolicy(config: TenantConfig): PasswordPolicyView {
  const { passwordPolicy } = config;
  return {
    minLength: config.authMethods.emailPassword.minPasswordLength,
    rejectCommon: passwordPolicy.rejectCommonPasswords,
    minStrength: passwordPolicy.minStrength,
    rejectBreached: passwordPolicy.rejectBreachedPasswords && botProtectionDeployment().allowOutbound,
  };
}
