import { z } from "zod";
import type { LiveTenant } from "~/tenancy/registry.server";
import { OrganizationError, orgNotFound, parseOrgInput, type OrgActor } from "./admin-errors.server";
import { recordOrgChange, requireOrganizationRow } from "./admin-members.server";
import { requirePlugin } from "./admin-plugin.server";

/**
 * An administrator's changes to an organization's teams (decision 0031), through the
 * organization plugin's own adapter so its team limits and member counts hold exactly as on
 * the hosted pages. Teams exist only while the tenant has them on (Auth methods → Teams).
 */

const Ref = z.string().min(1).max(100);
export const TeamName = z
  .string({ error: "Enter a team name." })
  .trim()
  .min(1, "Enter a team name.")
  .max(100, "Use at most 100 characters.");
const CreateTeam = z.strictObject({ organizationId: Ref, name: TeamName });
const TeamRef = z.strictObject({ organizationId: Ref, teamId: Ref });
const RenameTeam = TeamRef.extend({ name: TeamName });
const TeamMemberRef = TeamRef.extend({ userId: Ref });

const TEAMS_OFF = "Teams are off for this tenant: switch on Teams in Auth methods first.";

async function requireTeams(live: LiveTenant) {
  const plugin = await requirePlugin(live, TEAMS_OFF);
  if (!plugin.options.teams?.enabled) throw new OrganizationError("teams_off", TEAMS_OFF);
  return plugin;
}

async function requireTeam(live: LiveTenant, organizationId: string, teamId: string) {
  const team = await live.db.team.findFirst({ where: { id: teamId, organizationId } });
  if (!team) throw orgNotFound("team");
  return team;
}

async function assertNameFree(live: LiveTenant, organizationId: string, name: string, exceptId?: string) {
  const taken = await live.db.team.findFirst({
    where: { organizationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new OrganizationError("invalid_input", "Another team of this organization has this name.", "name");
}

export async function createTeam(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(CreateTeam, input);
  const { adapter } = await requireTeams(live);
  const org = await requireOrganizationRow(live.db, body.organizationId);
  const limit = live.tenant.config.authMethods.teams.maximumTeams;
  if ((await live.db.team.count({ where: { organizationId: org.id } })) >= limit)
    throw new OrganizationError(
      "team_limit_reached",
      `This organization has as many teams as the tenant allows (${limit}, Teams per organization).`,
    );
  await assertNameFree(live, org.id, body.name);
  const now = new Date();
  const team = await adapter.createTeam({ name: body.name, organizationId: org.id, createdAt: now, updatedAt: now });
  await recordOrgChange(who, "admin.organization.team_created", org, { teamId: team.id, name: team.name });
  return team;
}

export async function renameTeam(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(RenameTeam, input);
  const { adapter } = await requireTeams(live);
  const org = await requireOrganizationRow(live.db, body.organizationId);
  const team = await requireTeam(live, org.id, body.teamId);
  await assertNameFree(live, org.id, body.name, team.id);
  await adapter.updateTeam(team.id, { name: body.name });
  await recordOrgChange(who, "admin.organization.team_renamed", org, {
    teamId: team.id,
    name: body.name,
    from: team.name,
  });
  return { ...team, name: body.name };
}

export async function deleteTeam(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(TeamRef, input);
  const { adapter } = await requireTeams(live);
  const org = await requireOrganizationRow(live.db, body.organizationId);
  const team = await requireTeam(live, org.id, body.teamId);
  await adapter.deleteTeam(team.id);
  await recordOrgChange(who, "admin.organization.team_deleted", org, { teamId: team.id, name: team.name });
  return team;
}

/** Adds a member of the organization to one of its teams, within the tenant's members-per-team limit. */
export async function addTeamMember(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(TeamMemberRef, input);
  const { adapter } = await requireTeams(live);
  const org = await requireOrganizationRow(live.db, body.organizationId);
  const team = await requireTeam(live, org.id, body.teamId);
  const member = await live.db.member.findFirst({
    where: { organizationId: org.id, userId: body.userId },
    select: { user: { select: { email: true } } },
  });
  if (!member) throw new OrganizationError("invalid_input", "Choose a member of this organization.", "userId");
  const limit = live.tenant.config.authMethods.teams.maximumMembersPerTeam;
  const result = await adapter.addTeamMemberWithLimit({
    teamId: team.id,
    userId: body.userId,
    maximumMembersPerTeam: limit,
  });
  if (result.status === "limitReached")
    throw new OrganizationError(
      "team_limit_reached",
      `This team is full: the tenant allows ${limit} per team (Members per team).`,
    );
  await recordOrgChange(who, "admin.organization.team_members_changed", org, {
    teamId: team.id,
    added: [body.userId],
    removed: [],
  });
  return { team, email: member.user.email };
}

export async function removeTeamMember(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(TeamMemberRef, input);
  const { adapter } = await requireTeams(live);
  const org = await requireOrganizationRow(live.db, body.organizationId);
  const team = await requireTeam(live, org.id, body.teamId);
  const existing = await live.db.teamMember.findFirst({
    where: { teamId: team.id, userId: body.userId },
    select: { user: { select: { email: true } } },
  });
  if (!existing) throw orgNotFound("team member");
  await adapter.removeTeamMember({ teamId: team.id, userId: body.userId });
  await recordOrgChange(who, "admin.organization.team_members_changed", org, {
    teamId: team.id,
    added: [],
    removed: [body.userId],
  });
  return { team, email: existing.user.email };
}
