import { normalizeIp } from "~/http/client-ip";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { getPortico } from "~/context.server";
import { tenantDbProvider, type TenantDb } from "~/db/clients.server";
import { Prisma } from "~/generated/tenant-sqlite/client";
import { deleteUserAsAdmin } from "~/privacy/delete.server";
import { buildUserExport, UserExportSchema } from "~/privacy/export.server";
import { sessionsChanged } from "~/sessions/session-cache.server";
import { isBanActive } from "~/users/search.server";
import {
  Cursor,
  decodeCursor,
  encodeCursor,
  Id,
  Metadata,
  PageLimit,
  pageOf,
  parseMetadata,
  Timestamp,
} from "./common.server";
import { ApiError, conflict, notFound } from "./errors.server";
import { defineOperation, type ApiContext } from "./operation.server";

/**
 * Users through the API: the same better-auth calls and audit entries as the console, with
 * the API key as the actor, so webhooks hear about API changes exactly as about console ones.
 */
export const EmailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const NameField = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");

export const ExternalIdField = z
  .string({ error: "externalId must be a string." })
  .trim()
  .min(1, "externalId cannot be empty.")
  .max(255, "Use at most 255 characters.")
  .meta({ description: "Your own id for this user; unique in the tenant." });

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

export const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  emailVerified: true,
  image: true,
  username: true,
  externalId: true,
  publicMetadata: true,
  privateMetadata: true,
  banned: true,
  banReason: true,
  banExpires: true,
  createdAt: true,
  updatedAt: true,
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  image: string | null;
  username: string | null;
  externalId: string | null;
  publicMetadata: string | null;
  privateMetadata: string | null;
  banned: boolean | null;
  banReason: string | null;
  banExpires: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toApiUser(row: UserRow) {
  return {
    ...row,
    banned: isBanActive(row),
    publicMetadata: parseMetadata(row.publicMetadata),
    privateMetadata: parseMetadata(row.privateMetadata),
  };
}

export async function requireUser(db: TenantDb, userId: string) {
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_SELECT });
  if (!row) throw notFound("user");
  return row;
}

const UserParams = z.strictObject({ userId: Id });

/** Prisma's unique-constraint violation, naming the column when the driver says which. */
function uniqueViolation(error: unknown): string | null {
  const code = (error as { code?: string })?.code;
  if (code !== "P2002") return null;
  const target = (error as { meta?: { target?: unknown } }).meta?.target;
  return JSON.stringify(target ?? "") + String((error as Error).message);
}

/**
 * SQLite: one pass over the table with LIKE … ESCAPE (ASCII case-insensitive), then the page's
 * rows by id. NOT INDEXED stops SQLite from walking the email index row by row instead, which
 * is several times slower on a large tenant (see app/users/search.server.ts, bench/).
 */
async function sqliteSearch(db: TenantDb, q: string, after: string | undefined, count: number) {
  const pattern = `%${q.replace(/[\\%_]/g, "\\$&")}%`;
  const from = after ? Prisma.sql`AND "email" > ${after}` : Prisma.empty;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "user" NOT INDEXED
    WHERE ("email" LIKE ${pattern} ESCAPE '\\' OR "name" LIKE ${pattern} ESCAPE '\\' OR "username" LIKE ${pattern} ESCAPE '\\') ${from}
    ORDER BY "email" ASC
    LIMIT ${count}`;
  const rows = await db.user.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: USER_SELECT });
  return rows.sort((a, b) => (a.email < b.email ? -1 : 1));
}

/**
 * PostgreSQL: ILIKE through Prisma. Prisma does not escape % and _, so the database returns a
 * superset that is narrowed here, reading on until a page is full.
 */
async function postgresSearch(db: TenantDb, q: string, after: string | undefined, count: number) {
  const contains = { contains: q, mode: "insensitive" } as unknown as { contains: string };
  const needle = q.toLowerCase();
  const found = [];
  let from = after;
  for (;;) {
    const rows = await db.user.findMany({
      where: {
        OR: [{ email: contains }, { name: contains }, { username: contains }],
        ...(from ? { email: { gt: from } } : {}),
      },
      orderBy: { email: "asc" },
      take: count,
      select: USER_SELECT,
    });
    found.push(
      ...rows.filter((row) =>
        [row.email, row.name, row.username ?? ""].some((value) => value.toLowerCase().includes(needle)),
      ),
    );
    if (rows.length < count || found.length >= count) return found.slice(0, count);
    from = rows.at(-1)!.email;
  }
}

/** Searches email, name and username (case-insensitive), in email order from the cursor on. */
async function findUsers(db: TenantDb, q: string | undefined, after: string | undefined, count: number) {
  if (q) return (tenantDbProvider(db) === "sqlite" ? sqliteSearch : postgresSearch)(db, q, after, count);
  return db.user.findMany({
    where: after ? { email: { gt: after } } : {},
    orderBy: { email: "asc" },
    take: count,
    select: USER_SELECT,
  });
}

export async function listUsers(db: TenantDb, query: { q?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, "email");
  if (after === null)
    throw new ApiError(400, "invalid_request", "query.cursor: This cursor is not one this API returned.", [
      { field: "query.cursor", message: "This cursor is not one this API returned." },
    ]);
  const rows = await findUsers(db, query.q, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(toApiUser),
    nextCursor: rows.length > query.limit ? encodeCursor({ email: page.at(-1)!.email }) : null,
  };
}

async function record(
  ctx: ApiContext,
  type: string,
  user: { id: string; email: string },
  data?: Record<string, unknown>,
) {
  await getPortico().audit.record({
    ...ctx.audit,
    type,
    target: { type: "user", id: user.id, label: user.email },
    data,
  });
}

const listUsersOperation = defineOperation({
  operationId: "listUsers",
  method: "GET",
  path: "/users",
  tag: "Users",
  summary: "List users",
  description: "In email order. `q` matches email, name or username (case-insensitive substring).",
  scope: "users:read",
  query: z.strictObject({
    q: z.string().trim().max(100, "q must be at most 100 characters.").optional(),
    limit: PageLimit,
    cursor: Cursor,
  }),
  errors: [400],
  success: { status: 200, description: "A page of users.", schema: pageOf(UserSchema) },
  run: (ctx, { query }) =>
    listUsers(ctx.live.db, { q: query.q || undefined, limit: query.limit, cursor: query.cursor }),
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

export const CreateUserBody = z
  .strictObject({
    email: EmailField,
    name: NameField,
    password: z
      .string({ error: "password must be a string." })
      .max(256, "Use at most 256 characters.")
      .optional()
      .meta({ description: "Omit to create a user without a password (magic link, social sign-in)." }),
    externalId: ExternalIdField.optional(),
    publicMetadata: Metadata.optional(),
    privateMetadata: Metadata.optional(),
    emailVerified: z.boolean({ error: "emailVerified must be true or false." }).optional(),
  })
  .meta({ id: "CreateUser" });

async function assertExternalIdFree(db: TenantDb, externalId: string | undefined | null, exceptUserId?: string) {
  if (!externalId) return;
  const owner = await db.user.findUnique({ where: { externalId }, select: { id: true } });
  if (owner && owner.id !== exceptUserId)
    throw conflict("external_id_taken", "Another user already has this externalId.", "externalId");
}

const createUserOperation = defineOperation({
  operationId: "createUser",
  method: "POST",
  path: "/users",
  tag: "Users",
  summary: "Create a user",
  description: "Runs the tenant's password policy; fires `user.created`.",
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
    const { db, auth, tenant } = ctx.live;
    const { minPasswordLength, maxPasswordLength } = tenant.config.authMethods.emailPassword;
    if (
      body.password !== undefined &&
      (body.password.length < minPasswordLength || body.password.length > maxPasswordLength)
    ) {
      const message = `Use ${minPasswordLength} to ${maxPasswordLength} characters.`;
      throw new ApiError(422, "validation_failed", `password: ${message}`, [{ field: "password", message }]);
    }
    await assertExternalIdFree(db, body.externalId);
    let userId: string;
    try {
      const created = await auth.api.createUser({
        body: {
          email: body.email,
          name: body.name,
          password: body.password,
          data: { emailVerified: body.emailVerified ?? false },
        },
      });
      userId = created.user.id;
    } catch (error) {
      const code = isAPIError(error) ? String(error.body?.code ?? "") : "";
      if (code.startsWith("USER_ALREADY_EXISTS"))
        throw conflict("email_taken", "A user with this email already exists.", "email");
      if (isAPIError(error) && error.statusCode === 400) {
        const message = error.body?.message ?? "This user cannot be created.";
        throw new ApiError(422, "validation_failed", `password: ${message}`, [{ field: "password", message }]);
      }
      throw error;
    }
    try {
      await db.user.update({
        where: { id: userId },
        data: {
          externalId: body.externalId ?? null,
          publicMetadata: body.publicMetadata ? JSON.stringify(body.publicMetadata) : null,
          privateMetadata: body.privateMetadata ? JSON.stringify(body.privateMetadata) : null,
        },
      });
    } catch (error) {
      // Another call took the externalId meanwhile: undo, so nothing half-made remains.
      await db.user.delete({ where: { id: userId } });
      if (uniqueViolation(error))
        throw conflict("external_id_taken", "Another user already has this externalId.", "externalId");
      throw error;
    }
    const user = await requireUser(db, userId);
    await record(ctx, "admin.user.created", user);
    return toApiUser(user);
  },
});

export const UpdateUserBody = z
  .strictObject({
    name: NameField.optional(),
    email: EmailField.optional(),
    externalId: ExternalIdField.nullable().optional(),
    image: z
      .url({ protocol: /^https?$/, error: "image must be an http(s) URL." })
      .max(2000)
      .nullable()
      .optional(),
    emailVerified: z.boolean({ error: "emailVerified must be true or false." }).optional(),
    publicMetadata: Metadata.optional(),
    privateMetadata: Metadata.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.")
  .meta({ id: "UpdateUser" });

const updateUserOperation = defineOperation({
  operationId: "updateUser",
  method: "PATCH",
  path: "/users/{userId}",
  tag: "Users",
  summary: "Update a user",
  description: "Only the fields sent change. Metadata objects replace the stored ones. Fires `user.updated`.",
  scope: "users:write",
  params: UserParams,
  body: UpdateUserBody,
  errors: [404, 409, 413, 415, 422],
  requestExample: { name: "Ada King", publicMetadata: { plan: "pro" } },
  success: { status: 200, description: "The updated user.", schema: UserSchema },
  run: async (ctx, { params, body }) => {
    const { db } = ctx.live;
    const before = await requireUser(db, params.userId);
    if (body.email && body.email !== before.email) {
      if (await db.user.findUnique({ where: { email: body.email }, select: { id: true } }))
        throw conflict("email_taken", "A user with this email already exists.", "email");
    }
    await assertExternalIdFree(db, body.externalId, before.id);
    const { publicMetadata, privateMetadata, ...fields } = body;
    try {
      await db.user.update({
        where: { id: before.id },
        data: {
          ...fields,
          ...(publicMetadata ? { publicMetadata: JSON.stringify(publicMetadata) } : {}),
          ...(privateMetadata ? { privateMetadata: JSON.stringify(privateMetadata) } : {}),
          updatedAt: new Date(),
        },
      });
    } catch (error) {
      const target = uniqueViolation(error);
      if (target?.includes("externalId"))
        throw conflict("external_id_taken", "Another user already has this externalId.", "externalId");
      if (target) throw conflict("email_taken", "A user with this email already exists.", "email");
      throw error;
    }
    // Written with Prisma, not through better-auth: cached get-sessions must show it at once.
    sessionsChanged({ tenantId: ctx.live.tenant.id, userId: before.id });
    const user = await requireUser(db, before.id);
    await record(ctx, "admin.user.updated", user, { fields: Object.keys(body) });
    return toApiUser(user);
  },
});

const BanBody = z
  .strictObject({
    reason: z.string({ error: "reason must be a string." }).trim().max(500, "Use at most 500 characters.").optional(),
    expiresAt: Timestamp.refine((value) => new Date(value).getTime() > Date.now(), "expiresAt must be in the future.")
      .nullable()
      .optional()
      .meta({ description: "When the ban ends; omit or null for a ban until unbanned." }),
  })
  .meta({ id: "BanUser" });

const banUserOperation = defineOperation({
  operationId: "banUser",
  method: "POST",
  path: "/users/{userId}/ban",
  tag: "Users",
  summary: "Ban a user",
  description: "Refuses their sign-ins and ends their sessions at once. Fires `user.banned`.",
  scope: "users:write",
  params: UserParams,
  body: BanBody,
  errors: [404, 413, 415, 422],
  requestExample: { reason: "Chargeback", expiresAt: "2030-01-01T00:00:00Z" },
  success: { status: 200, description: "The banned user.", schema: UserSchema },
  run: async (ctx, { params, body }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    const banExpires = body.expiresAt ? new Date(body.expiresAt) : null;
    const { internalAdapter } = await ctx.live.auth.$context;
    await internalAdapter.updateUser(user.id, { banned: true, banReason: body.reason || null, banExpires });
    await internalAdapter.deleteUserSessions(user.id);
    await record(ctx, "admin.user.banned", user, {
      reason: body.reason || null,
      expiresAt: banExpires?.toISOString() ?? null,
    });
    return toApiUser(await requireUser(ctx.live.db, user.id));
  },
});

const unbanUserOperation = defineOperation({
  operationId: "unbanUser",
  method: "POST",
  path: "/users/{userId}/unban",
  tag: "Users",
  summary: "Unban a user",
  scope: "users:write",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "The user, who can sign in again.", schema: UserSchema },
  run: async (ctx, { params }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    const { internalAdapter } = await ctx.live.auth.$context;
    await internalAdapter.updateUser(user.id, { banned: false, banReason: null, banExpires: null });
    await record(ctx, "admin.user.unbanned", user);
    return toApiUser(await requireUser(ctx.live.db, user.id));
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
    await getPortico().audit.record({
      ...ctx.audit,
      type: "admin.user.exported",
      target: { type: "user", id: data.profile.id, label: data.profile.email },
    });
    return data;
  },
});

const listSessionsOperation = defineOperation({
  operationId: "listUserSessions",
  method: "GET",
  path: "/users/{userId}/sessions",
  tag: "Sessions",
  summary: "List a user's active sessions",
  scope: "users:read",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "Newest first.", schema: z.object({ data: z.array(SessionSchema) }) },
  run: async (ctx, { params }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    const sessions = await ctx.live.db.session.findMany({
      where: { userId: user.id, expiresAt: { gt: new Date() } },
      select: { id: true, createdAt: true, expiresAt: true, ipAddress: true, userAgent: true, impersonatedBy: true },
      orderBy: { createdAt: "desc" },
      take: 100,
    });
    return {
      data: sessions.map(({ impersonatedBy, ...session }) => ({
        ...session,
        ipAddress: normalizeIp(session.ipAddress),
        impersonated: Boolean(impersonatedBy),
      })),
    };
  },
});

const revokeSessionOperation = defineOperation({
  operationId: "revokeUserSession",
  method: "DELETE",
  path: "/users/{userId}/sessions/{sessionId}",
  tag: "Sessions",
  summary: "Revoke one session",
  description: "Fires `session.revoked`.",
  scope: "sessions:write",
  params: z.strictObject({ userId: Id, sessionId: Id }),
  errors: [404],
  success: { status: 204, description: "Revoked." },
  run: async (ctx, { params }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    const session = await ctx.live.db.session.findFirst({
      where: { id: params.sessionId, userId: user.id },
      select: { id: true, token: true },
    });
    if (!session) throw notFound("session");
    const { internalAdapter } = await ctx.live.auth.$context;
    await internalAdapter.deleteSession(session.token);
    await record(ctx, "admin.user.session_revoked", user, { sessionId: session.id });
    return null;
  },
});

const revokeAllSessionsOperation = defineOperation({
  operationId: "revokeUserSessions",
  method: "DELETE",
  path: "/users/{userId}/sessions",
  tag: "Sessions",
  summary: "Revoke all of a user's sessions",
  description: "Signs the user out everywhere. Fires `session.revoked`.",
  scope: "sessions:write",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "How many sessions ended.", schema: z.object({ revoked: z.number().int() }) },
  run: async (ctx, { params }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    const revoked = await ctx.live.db.session.count({ where: { userId: user.id } });
    const { internalAdapter } = await ctx.live.auth.$context;
    await internalAdapter.deleteUserSessions(user.id);
    await record(ctx, "admin.user.sessions_revoked", user, { count: revoked });
    return { revoked };
  },
});

export const USER_OPERATIONS = [
  listUsersOperation,
  createUserOperation,
  getUserOperation,
  updateUserOperation,
  deleteUserOperation,
  exportUserOperation,
  banUserOperation,
  unbanUserOperation,
  listSessionsOperation,
  revokeSessionOperation,
  revokeAllSessionsOperation,
];
