import { z } from "zod";
import { getPortico } from "~/context.server";
import { buildUserExport, UserExportSchema } from "~/privacy/export.server";
import { deleteUserAsAdmin } from "~/privacy/delete.server";
import { createUser, createUserSchema } from "~/users/create-user.server";
import { updateUserProfile } from "~/users/profile.server";
import { usersFrom } from "~/users/search.server";
import { UserChangesSchema } from "~/users/user-input";
import type { TenantDb } from "~/db/clients.server";
import { Cursor, decodeCursor, encodeCursor, PageLimit, pageOf, Timestamp } from "./common.server";
import { ApiError, notFound } from "./errors.server";
import { defineOperation, type ApiContext } from "./operation.server";
import { USER_ACCESS_OPERATIONS } from "./user-access.server";
import { asApi, requireUser, toApiUser, UserParams, UserSchema } from "./user-model.server";

/**
 * Users through the API: the same capabilities and audit entries as the console, with the
 * API key as the actor, so webhooks hear about API changes exactly as about console ones.
 * Bans, sessions and second-factor resets are in user-access.server.ts.
 */
const flag = (name: string) =>
  z
    .enum(["true", "false"], { error: `${name} must be true or false.` })
    .transform((value) => value === "true")
    .optional();

/** The list's filters, combinable with each other and with `q`. */
const UserListQuery = z.strictObject({
  q: z.string().trim().max(100, "q must be at most 100 characters.").optional(),
  banned: flag("banned").meta({ description: "Only users with (true) or without (false) a ban in force." }),
  emailVerified: flag("emailVerified"),
  twoFactorEnabled: flag("twoFactorEnabled"),
  signedInSince: z
    .union([Timestamp, z.iso.date()], {
      error: "signedInSince must be a date (2026-12-01) or a date-time (2026-12-01T09:00:00Z).",
    })
    .optional()
    .meta({
      description:
        "Only users with a session started at or after this instant (a date means its start, UTC) that has not ended: sign-outs, revocations and expiry end sessions.",
    }),
  limit: PageLimit,
  cursor: Cursor,
});

export async function listUsers(db: TenantDb, query: z.output<typeof UserListQuery>) {
  const after = decodeCursor(query.cursor, "email");
  if (after === null)
    throw new ApiError(400, "invalid_request", "query.cursor: This cursor is not one this API returned.", [
      { field: "query.cursor", message: "This cursor is not one this API returned." },
    ]);
  const { banned, emailVerified, twoFactorEnabled } = query;
  const since = query.signedInSince;
  const signedInSince = since ? new Date(since.length === 10 ? `${since}T00:00:00Z` : since) : undefined;
  const filters = { banned, emailVerified, twoFactorEnabled, signedInSince };
  const rows = await usersFrom(
    db,
    { q: query.q || undefined, filters, cursor: after, direction: "asc" },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(toApiUser),
    nextCursor: rows.length > query.limit ? encodeCursor({ email: page.at(-1)!.email }) : null,
  };
}

async function record(ctx: ApiContext, type: string, user: { id: string; email: string }) {
  await getPortico().audit.record({ ...ctx.audit, type, target: { type: "user", id: user.id, label: user.email } });
}

const listUsersOperation = defineOperation({
  operationId: "listUsers",
  method: "GET",
  path: "/users",
  tag: "Users",
  summary: "List users",
  description:
    "In email order. `q` matches email, name or username (case-insensitive substring); the filters narrow the list and combine with `q` and each other.",
  scope: "users:read",
  query: UserListQuery,
  errors: [400],
  success: { status: 200, description: "A page of users.", schema: pageOf(UserSchema) },
  run: (ctx, { query }) => listUsers(ctx.live.db, query),
});

const getUserOperation = defineOperation({
  operationId: "getUser",
  method: "GET",
  path: "/users/{userId}",
  tag: "Users",
  summary: "Get a user",
  scope: "users:read",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "The user.", schema: UserSchema },
  run: async (ctx, { params }) => toApiUser(await requireUser(ctx.live.db, params.userId)),
});

/** The document's shape; the tenant's own password length limits are checked by the capability. */
export const CreateUserBody = createUserSchema(0, 256).meta({ id: "CreateUser" });

const createUserOperation = defineOperation({
  operationId: "createUser",
  method: "POST",
  path: "/users",
  tag: "Users",
  summary: "Create a user",
  description:
    "Runs the tenant's password policy (its length limits answer 422 naming `password`); fires `user.created`.",
  scope: "users:write",
  body: CreateUserBody,
  idempotent: true,
  errors: [400, 409, 413, 415, 422],
  requestExample: {
    email: "ada@example.com",
    name: "Ada Lovelace",
    password: "correct-horse-battery",
    externalId: "crm_42",
  },
  success: { status: 201, description: "The new user.", schema: UserSchema },
  run: async (ctx, { body }) => {
    const { userId } = await asApi(() => createUser(ctx.live, ctx.audit, body));
    return toApiUser(await requireUser(ctx.live.db, userId));
  },
});

export const UpdateUserBody = UserChangesSchema.meta({ id: "UpdateUser" });

const updateUserOperation = defineOperation({
  operationId: "updateUser",
  method: "PATCH",
  path: "/users/{userId}",
  tag: "Users",
  summary: "Update a user",
  description:
    "Only the fields sent change. Metadata objects replace the stored ones. A new email is unverified unless " +
    "`emailVerified: true` is sent with it. Fires `user.updated` naming the fields.",
  scope: "users:write",
  params: UserParams,
  body: UpdateUserBody,
  errors: [404, 409, 413, 415, 422],
  requestExample: { name: "Ada King", emailVerified: true, publicMetadata: { plan: "pro" } },
  success: { status: 200, description: "The updated user.", schema: UserSchema },
  run: async (ctx, { params, body }) => {
    await requireUser(ctx.live.db, params.userId);
    await asApi(() => updateUserProfile(ctx.live, ctx.audit, { userId: params.userId, changes: body }));
    return toApiUser(await requireUser(ctx.live.db, params.userId));
  },
});

const deleteUserOperation = defineOperation({
  operationId: "deleteUser",
  method: "DELETE",
  path: "/users/{userId}",
  tag: "Users",
  summary: "Delete a user",
  description: "With their sessions and sign-in methods. Fires `user.deleted`.",
  scope: "users:write",
  params: UserParams,
  errors: [404],
  success: { status: 204, description: "Deleted." },
  run: async (ctx, { params }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    await deleteUserAsAdmin(ctx.live, user, ctx.audit);
    return null;
  },
});

const exportUserOperation = defineOperation({
  operationId: "exportUser",
  method: "GET",
  path: "/users/{userId}/export",
  tag: "Users",
  summary: "Export a user's data",
  description:
    "Everything Portico holds about the user, for a data access request: profile, linked accounts (provider ids only), " +
    "active sessions, organizations, invitations, passkeys, audit entries about them and the emails and text messages " +
    "sent to them (subjects and dates only). Never contains password hashes, tokens or secrets. The same document the " +
    "user downloads from their account page.",
  scope: "users:read",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "The user's data.", schema: UserExportSchema },
  run: async (ctx, { params }) => {
    const { live } = ctx;
    const source = { control: await getPortico().storage.control(), tenant: live.tenant, db: live.db };
    const data = await buildUserExport(source, params.userId);
    if (!data) throw notFound("user");
    await record(ctx, "admin.user.exported", { id: data.profile.id, email: data.profile.email });
    return data;
  },
});

export const USER_OPERATIONS = [
  listUsersOperation,
  createUserOperation,
  getUserOperation,
  updateUserOperation,
  deleteUserOperation,
  exportUserOperation,
  ...USER_ACCESS_OPERATIONS,
];
