import { z } from "zod";
import { normalizeIp } from "~/http/client-ip";
import { banTenantUser, unbanTenantUser } from "~/users/bans.server";
import { removePasskeys, resetTwoFactor } from "~/users/security-reset.server";
import { revokeAllSessionsOf, revokeSessionOf } from "~/users/sessions.server";
import { Id, Timestamp } from "./common.server";
import { defineOperation } from "./operation.server";
import { asApi, requireUser, SessionSchema, toApiUser, UserParams, UserSchema } from "./user-model.server";

/**
 * How a user gets in, through the API: bans, sessions, and the admin resets of their second
 * factors. Each calls the same capability as the console, with the API key as the actor.
 */
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
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    await banTenantUser(ctx.live, ctx.audit, { userId: user.id, reason: body.reason, expiresAt });
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
    await unbanTenantUser(ctx.live, ctx.audit, { userId: user.id });
    return toApiUser(await requireUser(ctx.live.db, user.id));
  },
});

const resetTwoFactorOperation = defineOperation({
  operationId: "resetUserTwoFactor",
  method: "POST",
  path: "/users/{userId}/two-factor/reset",
  tag: "Users",
  summary: "Reset a user's two-factor",
  description:
    "Removes their TOTP secret and backup codes and turns two-factor off, for a user who lost their authenticator; " +
    "they sign in with their password alone and may set it up again. Ends all their sessions. Fires `user.updated`.",
  scope: "users:write",
  params: UserParams,
  errors: [404],
  success: {
    status: 200,
    description: "The user, and how many sessions ended.",
    schema: z.object({ user: UserSchema, sessionsRevoked: z.number().int() }).meta({ id: "TwoFactorReset" }),
  },
  run: async (ctx, { params }) => {
    const { sessionsRevoked } = await asApi(() => resetTwoFactor(ctx.live, ctx.audit, { userId: params.userId }));
    return { user: toApiUser(await requireUser(ctx.live.db, params.userId)), sessionsRevoked };
  },
});

const PasskeySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    deviceType: z.string(),
    backedUp: z.boolean(),
    createdAt: Timestamp.nullable(),
  })
  .meta({ id: "Passkey" });

const listPasskeysOperation = defineOperation({
  operationId: "listUserPasskeys",
  method: "GET",
  path: "/users/{userId}/passkeys",
  tag: "Users",
  summary: "List a user's passkeys",
  scope: "users:read",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "Oldest first.", schema: z.object({ data: z.array(PasskeySchema) }) },
  run: async (ctx, { params }) => {
    const user = await requireUser(ctx.live.db, params.userId);
    const passkeys = await ctx.live.db.passkey.findMany({
      where: { userId: user.id },
      select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    });
    return { data: passkeys };
  },
});

const RemovedPasskeys = z
  .object({ removed: z.number().int(), sessionsRevoked: z.number().int() })
  .meta({ id: "PasskeysRemoved" });

const removePasskeysOperation = defineOperation({
  operationId: "removeUserPasskeys",
  method: "DELETE",
  path: "/users/{userId}/passkeys",
  tag: "Users",
  summary: "Remove all of a user's passkeys",
  description: "For a user who lost their security key or device. Ends all their sessions. Fires `user.updated`.",
  scope: "users:write",
  params: UserParams,
  errors: [404],
  success: { status: 200, description: "How many passkeys were removed.", schema: RemovedPasskeys },
  run: async (ctx, { params }) => {
    const { removed, sessionsRevoked } = await asApi(() =>
      removePasskeys(ctx.live, ctx.audit, { userId: params.userId }),
    );
    return { removed, sessionsRevoked };
  },
});

const removePasskeyOperation = defineOperation({
  operationId: "removeUserPasskey",
  method: "DELETE",
  path: "/users/{userId}/passkeys/{passkeyId}",
  tag: "Users",
  summary: "Remove one passkey",
  description: "Ends all the user's sessions. Fires `user.updated`.",
  scope: "users:write",
  params: z.strictObject({ userId: Id, passkeyId: Id }),
  errors: [404],
  success: { status: 200, description: "Removed.", schema: RemovedPasskeys },
  run: async (ctx, { params }) => {
    const { removed, sessionsRevoked } = await asApi(() => removePasskeys(ctx.live, ctx.audit, params));
    return { removed, sessionsRevoked };
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
    await asApi(() => revokeSessionOf(ctx.live, ctx.audit, { userId: user.id, sessionId: params.sessionId }));
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
    const { revoked } = await asApi(() => revokeAllSessionsOf(ctx.live, ctx.audit, { userId: params.userId }));
    return { revoked };
  },
});

export const USER_ACCESS_OPERATIONS = [
  banUserOperation,
  unbanUserOperation,
  resetTwoFactorOperation,
  listPasskeysOperation,
  removePasskeysOperation,
  removePasskeyOperation,
  listSessionsOperation,
  revokeSessionOperation,
  revokeAllSessionsOperation,
];
