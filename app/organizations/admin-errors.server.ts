import type { z } from "zod";
import type { AuditEventInput } from "~/audit/audit.server";

/**
 * What the administrators' organization capabilities share: who acts (for the audit log) and
 * the refusals every surface maps the same way (a field error in the console, a 4xx JSON
 * error in /api/v1).
 */
export type OrgActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

export type OrganizationErrorCode =
  | "invalid_input"
  | "not_found"
  | "slug_taken"
  | "already_member"
  | "already_invited"
  | "membership_limit_reached"
  | "last_owner"
  | "no_owner"
  | "organizations_off"
  | "teams_off"
  | "team_limit_reached";

/** The HTTP status of each refusal (the console answers 400 for invalid input, as its other forms do). */
export const ORGANIZATION_ERROR_STATUS: Record<OrganizationErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  slug_taken: 409,
  already_member: 409,
  already_invited: 409,
  membership_limit_reached: 403,
  last_owner: 409,
  no_owner: 409,
  organizations_off: 409,
  teams_off: 409,
  team_limit_reached: 403,
};

export class OrganizationError extends Error {
  constructor(
    readonly code: OrganizationErrorCode,
    message: string,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const orgNotFound = (what = "organization") =>
  new OrganizationError("not_found", `This tenant has no such ${what}.`);

/** Parses a capability's input; the first problem names its field. */
export function parseOrgInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.map(String).join(".");
  const text = issue.code === "unrecognized_keys" ? "This field is not accepted here." : issue.message;
  throw new OrganizationError("invalid_input", text, field || undefined);
}
