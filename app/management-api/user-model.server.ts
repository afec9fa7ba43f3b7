import { z } from "zod";
import type { TenantDb } from "~/db/clients.server";
import { isBanActive, USER_SELECT, type StoredUser } from "~/users/search.server";
import { UserError } from "~/users/user-errors.server";
import { Id, parseMetadata, Timestamp } from "./common.server";
import { ApiError, notFound } from "./errors.server";

/**
 * The User and Session of /api/v1 and the mapping of the user capabilities' refusals to API
 * errors, shared by the users, user-access and import/export operations.
 */
export { EmailField, ExternalIdField, NameField } from "~/users/user-input";
export { USER_SELECT };

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    username: z.string().nullable(),
    externalId: z.string().nullable(),
    publicMetadata: z.record(z.string(), z.unknown()),
    privateMetadata: z.record(z.string(), z.unknown()),
    banned: z.boolean(),
    banReason: z.string().nullable(),
    banExpires: Timestamp.nullable(),
    twoFactorEnabled: z.boolean().meta({ description: "Whether the user has confirmed a TOTP authenticator." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "User" });

export const SessionSchema = z
  .object({
    id: z.string(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    impersonated: z.boolean(),
  })
  .meta({ id: "Session" });

export function toApiUser(row: StoredUser) {
  return {
    ...row,
    banned: isBanActive(row),
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    publicMetadata: parseMetadata(row.publicMetadata),
    privateMetadata: parseMetadata(row.privateMetadata),
  };
}

export async function requireUser(db: TenantDb, userId: string) {
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_SELECT });
  if (!row) throw notFound("user");
  return row;
}

export const UserParams = z.strictObject({ userId: Id });

const STATUS = { invalid_input: 422, not_found: 404, email_taken: 409, external_id_taken: 409, too_many: 422 };

/** Runs a user capability, answering its refusals as the rest of the API does (fields named). */
export async function asApi<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const code = error.code === "invalid_input" || error.code === "too_many" ? "validation_failed" : error.code;
    throw new ApiError(STATUS[error.code], code, error.message, error.details.length > 0 ? error.details : undefined);
  }
}
