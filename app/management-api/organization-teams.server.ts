import { z } from "zod";
import { requireOrganizationRow } from "~/organizations/admin-members.server";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  removeTeamMember,
  renameTeam,
  TeamName,
} from "~/organizations/admin-teams.server";
import { Id } from "./common.server";
import { defineOperation } from "./operation.server";
import { asApi } from "./organizations.server";

/**
 * An organization's teams, on the same capabilities as the console's Teams tab (decision
 * 0031), through the organization plugin's adapter and limits. They need Teams on for the
 * tenant (409 `teams_off`).
 */
const TeamSchema = z
  .object({ id: z.string(), name: z.string(), memberUserIds: z.array(z.string()) })
  .meta({ id: "OrganizationTeam" });

const OrgParams = z.strictObject({ organizationId: Id });
const TeamParams = z.strictObject({ organizationId: Id, teamId: Id });
const TeamMemberParams = z.strictObject({ organizationId: Id, teamId: Id, userId: Id });
const TeamBody = z.strictObject({ name: TeamName });
const TAG = "Organizations";
const OFF = "Needs Teams on for the tenant (409 `teams_off`).";

export const ORGANIZATION_TEAM_OPERATIONS = [
  defineOperation({
    operationId: "listOrganizationTeams",
    method: "GET",
    path: "/organizations/{organizationId}/teams",
    tag: TAG,
    summary: "List teams",
    description: "Oldest first, each with its members' user ids.",
    scope: "organizations:read",
    params: OrgParams,
    errors: [404],
    success: { status: 200, description: "The teams.", schema: z.object({ data: z.array(TeamSchema) }) },
    run: async (ctx, { params }) => {
      const org = await asApi(() => requireOrganizationRow(ctx.live.db, params.organizationId));
      const teams = await ctx.live.db.team.findMany({
        where: { organizationId: org.id },
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, teamMembers: { select: { userId: true } } },
      });
      return {
        data: teams.map(({ teamMembers, ...team }) => ({ ...team, memberUserIds: teamMembers.map((m) => m.userId) })),
      };
    },
  }),
  defineOperation({
    operationId: "createOrganizationTeam",
    method: "POST",
    path: "/organizations/{organizationId}/teams",
    tag: TAG,
    summary: "Create a team",
    description: `Names are unique within the organization (422); at most the tenant's Teams per organization (403 \`team_limit_reached\`). ${OFF}`,
    scope: "organizations:write",
    params: OrgParams,
    body: TeamBody.meta({ id: "CreateOrganizationTeam" }),
    idempotent: true,
    errors: [403, 404, 409, 413, 415, 422],
    requestExample: { name: "Platform" },
    success: { status: 201, description: "The team.", schema: TeamSchema },
    run: async (ctx, { params, body }) => {
      const team = await asApi(() => createTeam(ctx.live, ctx.audit, { ...body, ...params }));
      return { id: team.id, name: team.name, memberUserIds: [] };
    },
  }),
  defineOperation({
    operationId: "renameOrganizationTeam",
    method: "PATCH",
    path: "/organizations/{organizationId}/teams/{teamId}",
    tag: TAG,
    summary: "Rename a team",
    description: OFF,
    scope: "organizations:write",
    params: TeamParams,
    body: TeamBody.meta({ id: "RenameOrganizationTeam" }),
    errors: [404, 409, 413, 415, 422],
    requestExample: { name: "Infrastructure" },
    success: { status: 204, description: "Renamed." },
    run: async (ctx, { params, body }) => {
      await asApi(() => renameTeam(ctx.live, ctx.audit, { ...params, ...body }));
      return null;
    },
  }),
  defineOperation({
    operationId: "deleteOrganizationTeam",
    method: "DELETE",
    path: "/organizations/{organizationId}/teams/{teamId}",
    tag: TAG,
    summary: "Delete a team",
    description: OFF,
    scope: "organizations:write",
    params: TeamParams,
    errors: [404, 409],
    success: { status: 204, description: "Deleted." },
    run: async (ctx, { params }) => {
      await asApi(() => deleteTeam(ctx.live, ctx.audit, params));
      return null;
    },
  }),
  defineOperation({
    operationId: "addOrganizationTeamMember",
    method: "PUT",
    path: "/organizations/{organizationId}/teams/{teamId}/members/{userId}",
    tag: TAG,
    summary: "Add a member to a team",
    description: `The user must be a member of the organization (422); at most the tenant's Members per team (403 \`team_limit_reached\`). Adding someone already in the team changes nothing. ${OFF}`,
    scope: "organizations:write",
    params: TeamMemberParams,
    errors: [403, 404, 409, 422],
    success: { status: 204, description: "In the team." },
    run: async (ctx, { params }) => {
      await asApi(() => addTeamMember(ctx.live, ctx.audit, params));
      return null;
    },
  }),
  defineOperation({
    operationId: "removeOrganizationTeamMember",
    method: "DELETE",
    path: "/organizations/{organizationId}/teams/{teamId}/members/{userId}",
    tag: TAG,
    summary: "Remove a member from a team",
    description: OFF,
    scope: "organizations:write",
    params: TeamMemberParams,
    errors: [404, 409],
    success: { status: 204, description: "Out of the team." },
    run: async (ctx, { params }) => {
      await asApi(() => removeTeamMember(ctx.live, ctx.audit, params));
      return null;
    },
  }),
];
