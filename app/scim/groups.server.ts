import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getPortico } from "~/context.server";
import type { TenantDb } from "~/db/clients.server";
import type { ScimContext } from "./context";
import { GROUP_SCHEMA, LIST_SCHEMA } from "./discovery";
import { invalidValue, notFound, ScimError } from "./errors";
import type { ScimFilter } from "./filter";
import { parsePatch } from "./user-resource";

/**
 * SCIM Groups of one organization are its teams (the organization plugin's `team` and
 * `teamMember` tables, decision 0025): a group's displayName is the team's name, its members
 * the team's members, who must be users of the organization. Roles stay Portico's to grant.
 */
type Team = { id: string; name: string; createdAt: Date; updatedAt: Date | null };
type MemberRef = { userId: string; email: string };

const MAX_MEMBERS_PER_REQUEST = 1000;
const DisplayName = z
  .string({ error: "displayName: Send the group's name." })
  .trim()
  .min(1, "displayName: Send the group's name.")
  .max(100, "displayName: Use at most 100 characters.");
const MemberValues = z
  .array(z.object({ value: z.string({ error: "members: Each member needs a value (the user's id)." }).max(100) }), {
    error: "members: Send a list of { value }.",
  })
  .max(MAX_MEMBERS_PER_REQUEST, `members: Send at most ${MAX_MEMBERS_PER_REQUEST} at a time.`);

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidValue(parsed.error.issues[0]!.message);
  return parsed.data;
}

const lowerKeys = (value: unknown): Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ScimError(400, "The group must be a JSON object.", "invalidSyntax");
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.toLowerCase(), item]));
};

async function membersOf(db: TenantDb, teamIds: string[]): Promise<Map<string, MemberRef[]>> {
  const rows = await db.teamMember.findMany({
    where: { teamId: { in: teamIds } },
    select: { teamId: true, userId: true, user: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byTeam = new Map<string, MemberRef[]>();
  for (const row of rows)
    byTeam.set(row.teamId, [...(byTeam.get(row.teamId) ?? []), { userId: row.userId, email: row.user.email }]);
  return byTeam;
}

function toResource(ctx: ScimContext, team: Team, members: MemberRef[] | null) {
  return {
    schemas: [GROUP_SCHEMA],
    id: team.id,
    displayName: team.name,
    ...(members
      ? {
          members: members.map((member) => ({
            value: member.userId,
            display: member.email,
            $ref: `${ctx.baseUrl}/Users/${member.userId}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: team.createdAt.toISOString(),
      lastModified: (team.updatedAt ?? team.createdAt).toISOString(),
      location: `${ctx.baseUrl}/Groups/${team.id}`,
    },
  };
}

async function requireTeam(ctx: ScimContext, id: string): Promise<Team> {
  const team = await ctx.live.db.team.findFirst({
    where: { id: id.slice(0, 100), organizationId: ctx.organization.id },
  });
  if (!team) throw notFound("Group", id);
  return team;
}

async function assertNameFree(ctx: ScimContext, name: string, exceptId?: string) {
  const taken = await ctx.live.db.team.findFirst({
    where: { organizationId: ctx.organization.id, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken)
    throw new ScimError(409, `displayName: This organization already has a group called "${name}".`, "uniqueness");
}

/** The ids, each a user of the organization, else 400 naming the first stranger. */
async function requireMemberIds(ctx: ScimContext, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await ctx.live.db.member.findMany({
    where: { organizationId: ctx.organization.id, userId: { in: unique } },
    select: { userId: true },
  });
  const known = new Set(found.map((member) => member.userId));
  const stranger = unique.find((id) => !known.has(id));
  if (stranger) throw invalidValue(`members: "${stranger}" is not a user of this organization.`);
  return unique;
}

/** Sets the team's members to `wanted` (or adds/removes some), keeping memberCount right. */
async function changeMembers(
  ctx: ScimContext,
  teamId: string,
  change: { add?: string[]; remove?: string[]; set?: string[] },
) {
  const { db } = ctx.live;
  const current = new Set(
    (await db.teamMember.findMany({ where: { teamId }, select: { userId: true } })).map((m) => m.userId),
  );
  const wanted = new Set(change.set ?? current);
  for (const id of change.add ?? []) wanted.add(id);
  for (const id of change.remove ?? []) wanted.delete(id);
  const added = await requireMemberIds(
    ctx,
    [...wanted].filter((id) => !current.has(id)),
  );
  const removed = [...current].filter((id) => !wanted.has(id));
  if (added.length === 0 && removed.length === 0) return { added, removed };
  const now = new Date();
  await db.$transaction([
    db.teamMember.deleteMany({ where: { teamId, userId: { in: removed } } }),
    db.teamMember.createMany({
      data: added.map((userId) => ({
        id: randomUUID(),
        teamId,
        userId,
        membershipKey: `${teamId}:${userId}`,
        createdAt: now,
      })),
    }),
    db.team.update({ where: { id: teamId }, data: { memberCount: wanted.size, updatedAt: now } }),
  ]);
  return { added, removed };
}

async function audit(
  ctx: ScimContext,
  type: string,
  team: { id: string; name: string },
  data?: Record<string, unknown>,
) {
  await getPortico().audit.record({
    ...ctx.audit,
    type,
    target: { type: "team", id: team.id, label: team.name },
    data: { organizationId: ctx.organization.id, ...data },
  });
}

/** Takes a user out of every team of the organization (they are leaving it). */
export async function removeFromOrganizationTeams(db: TenantDb, organizationId: string, userId: string) {
  const teams = await db.teamMember.findMany({ where: { userId, team: { organizationId } }, select: { teamId: true } });
  for (const { teamId } of teams) {
    await db.teamMember.deleteMany({ where: { teamId, userId } });
    await db.team.update({
      where: { id: teamId },
      data: { memberCount: await db.teamMember.count({ where: { teamId } }) },
    });
  }
}

export async function listGroups(
  ctx: ScimContext,
  filter: ScimFilter | null,
  paging: { startIndex: number; count: number },
  withMembers: boolean,
) {
  const where = { organizationId: ctx.organization.id, ...(filter ? { name: filter.value } : {}) };
  const [total, teams] = await Promise.all([
    ctx.live.db.team.count({ where }),
    ctx.live.db.team.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: paging.startIndex - 1,
      take: paging.count,
    }),
  ]);
  const members = withMembers
    ? await membersOf(
        ctx.live.db,
        teams.map((team) => team.id),
      )
    : null;
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex: paging.startIndex,
    itemsPerPage: teams.length,
    Resources: teams.map((team) => toResource(ctx, team, members ? (members.get(team.id) ?? []) : null)),
  };
}

export async function getGroup(ctx: ScimContext, id: string, withMembers = true) {
  const team = await requireTeam(ctx, id);
  const members = withMembers ? ((await membersOf(ctx.live.db, [team.id])).get(team.id) ?? []) : null;
  return toResource(ctx, team, members);
}

export async function createGroup(ctx: ScimContext, body: unknown) {
  const fields = lowerKeys(body);
  const name = parse(DisplayName, fields.displayname);
  const memberIds = parse(MemberValues, fields.members ?? []).map((member) => member.value);
  await assertNameFree(ctx, name);
  await requireMemberIds(ctx, memberIds);
  const now = new Date();
  const team = await ctx.live.db.team.create({
    data: { id: randomUUID(), name, organizationId: ctx.organization.id, createdAt: now, updatedAt: now },
  });
  await changeMembers(ctx, team.id, { set: memberIds });
  await audit(ctx, "admin.organization.team_created", team, { members: memberIds.length });
  return getGroup(ctx, team.id);
}

async function rename(ctx: ScimContext, team: Team, value: unknown) {
  const name = parse(DisplayName, value);
  if (name === team.name) return;
  await assertNameFree(ctx, name, team.id);
  await ctx.live.db.team.update({ where: { id: team.id }, data: { name, updatedAt: new Date() } });
  await audit(ctx, "admin.organization.team_renamed", { id: team.id, name }, { from: team.name });
}

async function recordMembers(ctx: ScimContext, team: Team, changed: { added: string[]; removed: string[] }) {
  if (changed.added.length + changed.removed.length > 0)
    await audit(ctx, "admin.organization.team_members_changed", team, changed);
}

export async function replaceGroup(ctx: ScimContext, id: string, body: unknown) {
  const team = await requireTeam(ctx, id);
  const fields = lowerKeys(body);
  await rename(ctx, team, fields.displayname);
  const set = parse(MemberValues, fields.members ?? []).map((member) => member.value);
  await recordMembers(ctx, team, await changeMembers(ctx, team.id, { set }));
  return getGroup(ctx, team.id);
}

const MEMBER_FILTER_PATH = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

/** Entra ID and Okta style PATCH: add/remove members, replace them or the name. */
export async function updateGroup(ctx: ScimContext, id: string, body: unknown) {
  const operations = parsePatch(body);
  const team = await requireTeam(ctx, id);
  const change = { added: [] as string[], removed: [] as string[] };
  const apply = async (members: { add?: string[]; remove?: string[]; set?: string[] }) => {
    const result = await changeMembers(ctx, team.id, members);
    change.added.push(...result.added);
    change.removed.push(...result.removed);
  };
  for (const { op, path, value } of operations) {
    const target = path?.trim() ?? "";
    const memberFilter = MEMBER_FILTER_PATH.exec(target);
    const ids = () => parse(MemberValues, value ?? []).map((member) => member.value);
    if (memberFilter && op === "remove") await apply({ remove: [memberFilter[1]!] });
    else if (/^members$/i.test(target)) {
      if (op === "add") await apply({ add: ids() });
      else if (op === "replace") await apply({ set: ids() });
      else await apply(value === undefined ? { set: [] } : { remove: ids() });
    } else if (/^displayName$/i.test(target)) {
      if (op === "remove") throw new ScimError(400, "path: displayName cannot be removed.", "mutability");
      await rename(ctx, team, value);
    } else if (target === "" && op !== "remove") {
      const fields = lowerKeys(value);
      if (fields.displayname !== undefined) await rename(ctx, team, fields.displayname);
      if (fields.members !== undefined) {
        const listed = parse(MemberValues, fields.members).map((member) => member.value);
        await apply(op === "add" ? { add: listed } : { set: listed });
      }
    } else
      throw new ScimError(
        400,
        `path: "${target.slice(0, 100)}" is not a Group attribute Portico can change.`,
        "invalidPath",
      );
  }
  await recordMembers(ctx, team, change);
  return getGroup(ctx, team.id);
}

export async function deleteGroup(ctx: ScimContext, id: string) {
  const team = await requireTeam(ctx, id);
  await ctx.live.db.team.delete({ where: { id: team.id } });
  await audit(ctx, "admin.organization.team_deleted", team);
}
