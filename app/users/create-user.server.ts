import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { PASSWORD_POLICY_CODES } from "~/auth-methods/policies.server";
import { getPortico } from "~/context.server";
import type { FormErrors } from "~/http/forms";
import type { LiveTenant } from "~/tenancy/registry.server";
import { assertExternalIdFree } from "./profile.server";
import { parseInput, UserError, type UserActor } from "./user-errors.server";
import { EmailField, ExternalIdField, Metadata, NameField } from "./user-input";

/** A new user as an admin describes it; the password follows the tenant's length policy. */
export function createUserSchema(minPasswordLength: number, maxPasswordLength: number) {
  return z.strictObject({
    email: EmailField,
    name: NameField,
    password: z
      .string({ error: "password must be a string." })
      .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
      .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters.`)
      .optional()
      .meta({ description: "Omit to create a user without a password (magic link, social sign-in)." }),
    externalId: ExternalIdField.optional(),
    publicMetadata: Metadata.optional(),
    privateMetadata: Metadata.optional(),
    emailVerified: z.boolean({ error: "emailVerified must be true or false." }).optional(),
  });
}

export type CreateUserInput = z.input<ReturnType<typeof createUserSchema>>;

const emailTaken = () =>
  new UserError("email_taken", "A user with this email already exists.", [
    { field: "email", message: "A user with this email already exists." },
  ]);

/**
 * Creates a user (console and /api/v1) through the admin plugin's create-user endpoint called
 * server-side (no session: only Portico's code reaches it), so better-auth hashes the password
 * and runs its user hooks and password policy exactly as for a sign-up, without signing
 * anyone in. Audited as `admin.user.created`.
 */
export async function createUser(
  live: LiveTenant,
  who: UserActor,
  input: CreateUserInput,
): Promise<{ userId: string; email: string }> {
  const { minPasswordLength, maxPasswordLength } = live.tenant.config.authMethods.emailPassword;
  const user = parseInput(createUserSchema(minPasswordLength, maxPasswordLength), input);
  await assertExternalIdFree(live.db, user.externalId);
  let userId: string;
  try {
    const created = await live.auth.api.createUser({
      body: {
        email: user.email,
        name: user.name,
        password: user.password,
        data: { emailVerified: user.emailVerified ?? false },
      },
    });
    userId = created.user.id;
  } catch (error) {
    const code = isAPIError(error) ? String(error.body?.code ?? "") : "";
    if (code.startsWith("USER_ALREADY_EXISTS")) throw emailTaken();
    if (isAPIError(error) && (PASSWORD_POLICY_CODES.includes(code) || error.statusCode === 400)) {
      const message = error.body?.message ?? "This password cannot be used.";
      throw new UserError("invalid_input", `password: ${message}`, [{ field: "password", message }]);
    }
    throw error;
  }
  try {
    await live.db.user.update({
      where: { id: userId },
      data: {
        externalId: user.externalId ?? null,
        publicMetadata: user.publicMetadata ? JSON.stringify(user.publicMetadata) : null,
        privateMetadata: user.privateMetadata ? JSON.stringify(user.privateMetadata) : null,
      },
    });
  } catch (error) {
    // Another call took the externalId meanwhile: undo, so nothing half-made remains.
    await live.db.user.delete({ where: { id: userId } });
    if ((error as { code?: string })?.code === "P2002")
      throw new UserError("external_id_taken", "Another user already has this externalId.", [
        { field: "externalId", message: "Another user already has this externalId." },
      ]);
    throw error;
  }
  await getPortico().audit.record({
    ...who,
    type: "admin.user.created",
    target: { type: "user", id: userId, label: user.email },
  });
  return { userId, email: user.email };
}

export type CreateUserResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; errors: FormErrors; values: { name: string; email: string } };

/** The console's "New user" form: name, email and a password (required here). */
export async function createTenantUser(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  form: FormData,
): Promise<CreateUserResult> {
  const values = {
    name: String(form.get("name") ?? "").slice(0, 100),
    email: String(form.get("email") ?? "").slice(0, 254),
  };
  const input = { ...values, password: String(form.get("password") ?? "").slice(0, 1000) };
  try {
    return { ok: true, ...(await createUser(live, adminActor(access, request), input)) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const errors: FormErrors = {};
    for (const { field, message } of error.details) errors[field || "form"] ??= message;
    return { ok: false, errors, values };
  }
}
