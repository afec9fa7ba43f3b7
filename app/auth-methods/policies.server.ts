import type { TenantDb } from "~/db/clients.server";
import type { SignUpMode, TenantConfig } from "~/tenancy/config";

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
  // Console "create user" goes through the admin plugin's endpoint: the same policy applies.
  "/admin/create-user": "password",
};

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
