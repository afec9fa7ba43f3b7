import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { PASSWORD_POLICY_CODES } from "~/auth-methods/policies.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { fieldErrors, formValues, type FormErrors } from "./forms.server";

function createUserSchema(minPasswordLength: number, maxPasswordLength: number) {
  return z.object({
    name: z.string().trim().min(1, "Enter the user's name.").max(100, "Use at most 100 characters."),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter an email address.")
      .max(254, "That email address is too long.")
      .pipe(z.email("Enter a valid email address, like name@example.com.")),
    password: z
      .string()
      .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
      .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters.`),
  });
}

export type CreateUserResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; errors: FormErrors; values: { name: string; email: string } };

/**
 * Creates a user with an email and password, through the admin plugin's create-user endpoint
 * called server-side (no session: only console code can reach it), so better-auth hashes the
 * password and runs its user hooks exactly as for a sign-up, without signing anyone in.
 */
export async function createTenantUser(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  form: FormData,
): Promise<CreateUserResult> {
  const { minPasswordLength, maxPasswordLength } = live.tenant.config.authMethods.emailPassword;
  const values = {
    name: String(form.get("name") ?? "").slice(0, 100),
    email: String(form.get("email") ?? "").slice(0, 254),
  };
  const parsed = createUserSchema(minPasswordLength, maxPasswordLength).safeParse(formValues(form));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values };
  const { name, email, password } = parsed.data;
  let userId: string;
  try {
    const created = await live.auth.api.createUser({ body: { name, email, password } });
    userId = created.user.id;
  } catch (error) {
    const code = isAPIError(error) ? String(error.body?.code ?? "") : "";
    if (code.startsWith("USER_ALREADY_EXISTS"))
      return { ok: false, errors: { email: "A user with this email already exists." }, values };
    if (PASSWORD_POLICY_CODES.includes(code) && isAPIError(error))
      return { ok: false, errors: { password: error.body?.message ?? "That password is too common." }, values };
    throw error;
  }
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.user.created",
    target: { type: "user", id: userId, label: email },
  });
  return { ok: true, userId, email };
}
