import type { ConsoleAccess } from "~/admin/access.server";
import { redirectWithToast } from "~/http/toast.server";
import { addTeamMember, createTeam, deleteTeam, removeTeamMember, renameTeam } from "./admin-teams.server";
import { asConsoleForm, organizationForm, requireConsoleOrganization } from "./console.server";

/** The Teams tab of an organization in the console: its teams and their members, and every change to them. */
export async function organizationTeamsPage(access: ConsoleAccess, organizationId: string | undefined) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const [teams, members] = await Promise.all([
    live.db.team.findMany({
      where: { organizationId: organization.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        teamMembers: { select: { userId: true, user: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    live.db.member.findMany({
      where: { organizationId: organization.id },
      select: { userId: true, user: { select: { email: true } } },
      orderBy: { createdAt: "asc" },
      take: 1000,
    }),
  ]);
  const { teams: settings } = live.tenant.config.authMethods;
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    teamsOn: live.tenant.config.authMethods.organizations.enabled && settings.enabled,
    limits: { teams: settings.maximumTeams, membersPerTeam: settings.maximumMembersPerTeam },
    teams: teams.map((team) => ({
      id: team.id,
      name: team.name,
      members: team.teamMembers.map((member) => ({ userId: member.userId, email: member.user.email })),
    })),
    members: members.map((member) => ({ userId: member.userId, email: member.user.email })),
  };
}

export async function organizationTeamsAction(
  access: ConsoleAccess,
  request: Request,
  organizationId: string | undefined,
) {
  const { live, organization, form, who, page } = await organizationForm(access, request, organizationId, "teams");
  const field = (name: string) => String(form.get(name) ?? "").slice(0, 100);
  const ref = { organizationId: organization.id, teamId: field("teamId") };
  const done = (message: string) => redirectWithToast(page, { type: "success", message });
  const intent = String(form.get("intent") ?? "");
  // Errors of a team's own forms show on that team's card.
  const teamIntent = (name: string) => `${name}:${ref.teamId}`;
  switch (intent) {
    case "create": {
      const result = await asConsoleForm("create", () =>
        createTeam(live, who, { organizationId: organization.id, name: field("name") }),
      );
      return result.ok ? done(`Team ${result.value.name} was created.`) : result.response;
    }
    case "rename": {
      const result = await asConsoleForm(teamIntent("team"), () =>
        renameTeam(live, who, { ...ref, name: field("name") }),
      );
      return result.ok ? done(`The team is now called ${result.value.name}.`) : result.response;
    }
    case "delete": {
      const result = await asConsoleForm(teamIntent("team"), () => deleteTeam(live, who, ref));
      return result.ok ? done(`Team ${result.value.name} was deleted.`) : result.response;
    }
    case "add-member": {
      const result = await asConsoleForm(teamIntent("team"), () =>
        addTeamMember(live, who, { ...ref, userId: field("userId") }),
      );
      return result.ok ? done(`${result.value.email} joined ${result.value.team.name}.`) : result.response;
    }
    case "remove-member": {
      const result = await asConsoleForm(teamIntent("team"), () =>
        removeTeamMember(live, who, { ...ref, userId: field("userId") }),
      );
      return result.ok ? done(`${result.value.email} left ${result.value.team.name}.`) : result.response;
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}
