import type { z } from "zod";
import type { AuditEventInput } from "~/audit/audit.server";
import type { TenantDb } from "~/db/clients.server";

/**
 * What the user capabilities share: who acts (for the audit log), the refusals every surface
 * maps the same way (a form error in the console, a 4xx JSON error in /api/v1), and the one
 * lookup that makes a user of another tenant simply absent.
 */
export type UserActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

export type UserErrorCode = "invalid_input" | "not_found" | "email_taken" | "external_id_taken" | "too_many";

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export const userNotFound = () => new UserError("not_found", "This tenant has no such user.");

/** Parses a capability's input; every problem names its field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: key, message: "This field is not accepted here." }))
      : [{ field: issue.path.map(String).join("."), message: issue.message }],
  );
  const first = details[0]!;
  throw new UserError("invalid_input", first.field ? `${first.field}: ${first.message}` : first.message, details);
}

/** The user, or not_found: an id of another tenant (or none) is not in this tenant's database. */
export async function requireUserRow(db: TenantDb, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, emailVerified: true, twoFactorEnabled: true },
  });
  if (!user) throw userNotFound();
  return user;
}
