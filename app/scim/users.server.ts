import { randomUUID } from "node:crypto";
import { isAPIError } from "better-auth/api";
import { getPortico } from "~/context.server";
import { deleteUserAsAdmin } from "~/privacy/delete.server";
import { sessionsChanged } from "~/sessions/session-cache.server";
import { isBanActive } from "~/users/search.server";
import type { ScimContext } from "./context";
import { LIST_SCHEMA, USER_SCHEMA } from "./discovery";
import { notFound, ScimError } from "./errors";
import type { ScimFilter } from "./filter";
import { removeFromOrganizationTeams } from "./groups.server";
import { joinName, parsePatch, parseUserResource, patchUser, porticoName, type ScimUserState } from "./user-resource";

/**
 * SCIM Users of one organization: the tenant's users who are members of it. Creating one
 * creates the tenant user and the membership (role `member`); `active: false` bans the user in
 * the tenant and ends their sessions at once; deleting removes the membership, and the user
 * too when SCIM created them and they belong to no other organization. Every change is audited
 * as the console's and the API's are (`admin.user.*`, `admin.organization.member_*`), so
 * webhooks hear about it the same way.
 */
const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  banned: true,
  banExpires: true,
  createdAt: true,
  updatedAt: true,
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  banned: boolean | null;
  banExpires: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
type Identity = {
  userName: string | null;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  createdUser: boolean;
};

const DEACTIVATED_REASON = "Deactivated by SCIM provisioning";

const control = () => getPortico().storage.control();
const scope = (ctx: ScimContext) => ({ tenantId: ctx.live.tenant.id, organizationId: ctx.organization.id });

async function identitiesOf(ctx: ScimContext, userIds: string[]): Promise<Map<string, Identity>> {
  const rows = await (await control()).scimIdentity.findMany({ where: { ...scope(ctx), userId: { in: userIds } } });
  return new Map(rows.map((row) => [row.userId, row]));
}

function stateOf(user: UserRow, identity: Identity | undefined): ScimUserState {
  const parts = joinName(identity?.givenName ?? null, identity?.familyName ?? null);
  return {
    userName: identity?.userName ?? user.email,
    email: user.email,
    displayName: parts && user.name === parts ? null : user.name,
    givenName: identity?.givenName ?? null,
    familyName: identity?.familyName ?? null,
    externalId: identity?.externalId ?? null,
    active: !isBanActive(user),
  };
}

function toResource(ctx: ScimContext, user: UserRow, identity: Identity | undefined) {
  const state = stateOf(user, identity);
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    ...(state.externalId ? { externalId: state.externalId } : {}),
    userName: state.userName,
    name: {
      formatted: user.name,
      ...(state.givenName ? { givenName: state.givenName } : {}),
      ...(state.familyName ? { familyName: state.familyName } : {}),
    },
    displayName: user.name,
    active: state.active,
    emails: [{ value: user.email, type: "work", primary: true }],
    meta: {
      resourceType: "User",
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${ctx.baseUrl}/Users/${user.id}`,
    },
  };
}

async function requireMemberUser(ctx: ScimContext, id: string): Promise<UserRow> {
  const member = await ctx.live.db.member.findFirst({
    where: { organizationId: ctx.organization.id, userId: id.slice(0, 100) },
    select: { user: { select: USER_SELECT } },
  });
  if (!member) throw notFound("User", id);
  return member.user;
}

/** The users a filter picks, as ids (null: no filter, every member). */
async function filteredUserIds(ctx: ScimContext, filter: ScimFilter | null): Promise<string[] | null> {
  if (!filter) return null;
  if (filter.attribute === "externalId") {
    const identity = await findIdentity(ctx, { externalId: filter.value });
    return identity ? [identity.userId] : [];
  }
  const userName = filter.value.toLowerCase();
  const identity = await findIdentity(ctx, { userName });
  if (identity) return [identity.userId];
  // A member no client has named yet answers to their email.
  const user = await ctx.live.db.user.findUnique({ where: { email: userName }, select: { id: true } });
  if (!user) return [];
  const named = await findIdentity(ctx, { userId: user.id, NOT: { userName: null } });
  return named ? [] : [user.id];
}

/**
 * The organization's identity that matches, if its user is still a member. An identity whose
 * user left (removed or deleted in the console or the API) is forgotten here, so its userName
 * and externalId are free again.
 */
async function findIdentity(
  ctx: ScimContext,
  where: { userName?: string; externalId?: string; userId?: string; NOT?: object },
  exceptUserId?: string,
) {
  const db = await control();
  const identity = await db.scimIdentity.findFirst({
    where: { ...scope(ctx), ...where, ...(exceptUserId ? { userId: { not: exceptUserId } } : {}) },
  });
  if (!identity) return null;
  const member = await ctx.live.db.member.findFirst({
    where: { organizationId: ctx.organization.id, userId: identity.userId },
    select: { id: true },
  });
  if (member) return identity;
  await db.scimIdentity.delete({ where: { id: identity.id } });
  return null;
}

export async function listUsers(
  ctx: ScimContext,
  filter: ScimFilter | null,
  paging: { startIndex: number; count: number },
) {
  const ids = await filteredUserIds(ctx, filter);
  const where = { organizationId: ctx.organization.id, ...(ids ? { userId: { in: ids } } : {}) };
  const [total, members] = await Promise.all([
    ctx.live.db.member.count({ where }),
    ctx.live.db.member.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: paging.startIndex - 1,
      take: paging.count,
      select: { user: { select: USER_SELECT } },
    }),
  ]);
  const identities = await identitiesOf(
    ctx,
    members.map((member) => member.user.id),
  );
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex: paging.startIndex,
    itemsPerPage: members.length,
    Resources: members.map(({ user }) => toResource(ctx, user, identities.get(user.id))),
  };
}

export async function getUser(ctx: ScimContext, id: string) {
  const user = await requireMemberUser(ctx, id);
  return toResource(ctx, user, (await identitiesOf(ctx, [user.id])).get(user.id));
}

const uniqueness = (detail: string) => new ScimError(409, detail, "uniqueness");

/** userName and externalId are unique in the organization. */
async function assertIdentityFree(ctx: ScimContext, state: ScimUserState, userId: string | null) {
  const except = userId ?? undefined;
  if (await findIdentity(ctx, { userName: state.userName }, except))
    throw uniqueness(`userName: Another user of this organization is "${state.userName}".`);
  if (state.externalId && (await findIdentity(ctx, { externalId: state.externalId }, except)))
    throw uniqueness(`externalId: Another user of this organization has externalId "${state.externalId}".`);
}

async function saveIdentity(ctx: ScimContext, userId: string, state: ScimUserState, createdUser?: boolean) {
  const fields = {
    userName: state.userName,
    externalId: state.externalId,
    givenName: state.givenName,
    familyName: state.familyName,
  };
  try {
    await (
      await control()
    ).scimIdentity.upsert({
      where: { tenantId_organizationId_userId: { ...scope(ctx), userId } },
      create: { id: randomUUID(), ...scope(ctx), userId, ...fields, createdUser: createdUser ?? false },
      update: fields,
    });
  } catch (error) {
    // Another request took the userName or externalId between the check and this write.
    if ((error as { code?: string }).code === "P2002")
      throw uniqueness("userName or externalId is taken in this organization.");
    throw error;
  }
}

async function audit(
  ctx: ScimContext,
  type: string,
  user: { id: string; email: string },
  data?: Record<string, unknown>,
) {
  await getPortico().audit.record({
    ...ctx.audit,
    type,
    target: { type: "user", id: user.id, label: user.email },
    data: { organizationId: ctx.organization.id, ...data },
  });
}

/** A membership change, recorded as the API records one (the organization is the target). */
async function auditMembership(ctx: ScimContext, type: string, data: Record<string, unknown>) {
  await getPortico().audit.record({
    ...ctx.audit,
    type,
    target: { type: "organization", id: ctx.organization.id, label: ctx.organization.slug },
    data: { organizationId: ctx.organization.id, slug: ctx.organization.slug, ...data },
  });
}

/** Bans (or unbans) the user in the tenant; a ban ends every session at once. */
async function setActive(ctx: ScimContext, user: UserRow, active: boolean) {
  const { internalAdapter } = await ctx.live.auth.$context;
  if (active) {
    await internalAdapter.updateUser(user.id, { banned: false, banReason: null, banExpires: null });
    await audit(ctx, "admin.user.unbanned", user);
    return;
  }
  await internalAdapter.updateUser(user.id, { banned: true, banReason: DEACTIVATED_REASON, banExpires: null });
  await internalAdapter.deleteUserSessions(user.id);
  sessionsChanged({ tenantId: ctx.live.tenant.id, userId: user.id });
  await audit(ctx, "admin.user.banned", user, { reason: DEACTIVATED_REASON, expiresAt: null });
}

/** Writes what changed between two states of a member: profile, identity, active. */
async function applyChanges(ctx: ScimContext, user: UserRow, before: ScimUserState, after: ScimUserState) {
  const { db } = ctx.live;
  if (after.email !== user.email && (await db.user.findUnique({ where: { email: after.email }, select: { id: true } })))
    throw uniqueness(`emails: Another user of this tenant has the address ${after.email}.`);
  await assertIdentityFree(ctx, after, user.id);
  const name = porticoName(after);
  const fields = {
    ...(after.email !== user.email ? { email: after.email, emailVerified: false } : {}),
    ...(name !== user.name ? { name } : {}),
  };
  if (Object.keys(fields).length > 0) {
    await db.user.update({ where: { id: user.id }, data: { ...fields, updatedAt: new Date() } });
    // Written with Prisma, not through better-auth: cached get-sessions must show it at once.
    sessionsChanged({ tenantId: ctx.live.tenant.id, userId: user.id });
    await audit(ctx, "admin.user.updated", { id: user.id, email: after.email }, { fields: Object.keys(fields) });
  }
  await saveIdentity(ctx, user.id, after);
  if (before.active !== after.active) await setActive(ctx, user, after.active);
}

async function reload(ctx: ScimContext, userId: string) {
  return getUser(ctx, userId);
}

export async function createUser(ctx: ScimContext, body: unknown) {
  const state = parseUserResource(body);
  const { db, auth, tenant } = ctx.live;
  await assertIdentityFree(ctx, state, null);
  const existing = await db.user.findUnique({ where: { email: state.email }, select: { id: true } });
  if (existing) {
    const member = await db.member.findFirst({ where: { organizationId: ctx.organization.id, userId: existing.id } });
    throw uniqueness(
      member
        ? `userName: ${state.email} is already a user of this organization (id ${existing.id}).`
        : `userName: ${state.email} already has an account in this tenant; an admin must add them to the organization first.`,
    );
  }
  const limit = tenant.config.authMethods.organizations.membershipLimit;
  if ((await db.member.count({ where: { organizationId: ctx.organization.id } })) >= limit)
    throw new ScimError(403, `This organization already has ${limit} members, the most this tenant allows.`);
  let userId: string;
  try {
    const created = await auth.api.createUser({
      body: { email: state.email, name: porticoName(state), data: { emailVerified: false } },
    });
    userId = created.user.id;
  } catch (error) {
    if (isAPIError(error) && String(error.body?.code ?? "").startsWith("USER_ALREADY_EXISTS"))
      throw uniqueness(`userName: ${state.email} already has an account in this tenant.`);
    throw error;
  }
  try {
    await saveIdentity(ctx, userId, state, true);
  } catch (error) {
    await db.user.delete({ where: { id: userId } });
    throw error;
  }
  const member = await db.member.create({
    data: { id: randomUUID(), organizationId: ctx.organization.id, userId, role: "member", createdAt: new Date() },
  });
  const user = await requireMemberUser(ctx, userId);
  await audit(ctx, "admin.user.created", user);
  await auditMembership(ctx, "admin.organization.member_added", {
    userId,
    email: user.email,
    role: "member",
    memberId: member.id,
  });
  if (!state.active) await setActive(ctx, user, false);
  return reload(ctx, userId);
}

export async function replaceUser(ctx: ScimContext, id: string, body: unknown) {
  const user = await requireMemberUser(ctx, id);
  const before = stateOf(user, (await identitiesOf(ctx, [user.id])).get(user.id));
  await applyChanges(ctx, user, before, parseUserResource(body, before.active));
  return reload(ctx, user.id);
}

export async function updateUser(ctx: ScimContext, id: string, body: unknown) {
  const operations = parsePatch(body);
  const user = await requireMemberUser(ctx, id);
  const before = stateOf(user, (await identitiesOf(ctx, [user.id])).get(user.id));
  await applyChanges(ctx, user, before, patchUser(before, operations));
  return reload(ctx, user.id);
}

/**
 * Removes the user from the organization (and its teams); a user SCIM created and who belongs
 * to no other organization is deleted, as the IdP's "delete" means they are gone.
 */
export async function deleteUser(ctx: ScimContext, id: string) {
  const user = await requireMemberUser(ctx, id);
  const { db } = ctx.live;
  const identity = (await identitiesOf(ctx, [user.id])).get(user.id);
  const elsewhere = await db.member.count({ where: { userId: user.id, NOT: { organizationId: ctx.organization.id } } });
  if (identity?.createdUser && elsewhere === 0) await deleteUserAsAdmin(ctx.live, user, ctx.audit);
  else {
    await removeFromOrganizationTeams(db, ctx.organization.id, user.id);
    const member = await db.member.findFirst({ where: { organizationId: ctx.organization.id, userId: user.id } });
    if (member) await db.member.delete({ where: { id: member.id } });
    await auditMembership(ctx, "admin.organization.member_removed", {
      userId: user.id,
      email: user.email,
      memberId: member?.id,
    });
  }
  await (await control()).scimIdentity.deleteMany({ where: { ...scope(ctx), userId: user.id } });
}
