import { z } from "zod";
import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { EmailField, formValues } from "~/http/forms";
import { fieldMessages, message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { BUILT_IN_ROLE_NAMES, GRANTABLE_PERMISSIONS, permissionNames, permissionRecord } from "./access.server";
import { orgFailure, type OrgFailure } from "./auth-errors.server";
import { activeOrganizationIdOf } from "./organizations.server";

/**
 * One organization's hosted page: members and their roles, pending invitations, custom roles
 * and teams, with what the signed-in member may change. The page hides what the member's role
 * does not allow; better-auth refuses it anyway when called directly (403).
 */

/** What the page asks better-auth about the member's role, by the control it shows or hides. */
const PERMISSION_CHECKS = {
  invite: { invitation: ["create"] },
  cancelInvitation: { invitation: ["cancel"] },
  updateMember: { member: ["update"] },
  removeMember: { member: ["delete"] },
  createRole: { ac: ["create"] },
  deleteRole: { ac: ["delete"] },
  createTeam: { team: ["create"] },
  deleteTeam: { team: ["delete"] },
} as const;

export type OrganizationPermissions = Record<keyof typeof PERMISSION_CHECKS, boolean>;

type HasPermissionApi = {
  hasPermission(input: {
    headers: Headers;
    body: { organizationId: string; permissions: Record<string, readonly string[]> };
  }): Promise<{ success: boolean }>;
};

/** Asks better-auth (which knows the organization's custom roles) what the member's role allows. */
async function permissionsOf(live: TenantRequestContext, request: Request, organizationId: string) {
  // The endpoint exists only when the tenant has organizations on, so it is not in the static type.
  const api = live.auth.api as unknown as HasPermissionApi;
  const entries = await Promise.all(
    Object.entries(PERMISSION_CHECKS).map(async ([name, permissions]) => {
      const result = await api
        .hasPermission({ headers: request.headers, body: { organizationId, permissions } })
        .catch(() => ({ success: false }));
      return [name, result.success] as const;
    }),
  );
  return Object.fromEntries(entries) as OrganizationPermissions;
}

/** The organization's page data, or a thrown 404 when it does not exist or the user is not a member. */
export async function loadOrganizationPage(
  live: TenantRequestContext,
  request: Request,
  signedIn: { user: { id: string }; session: object },
  organizationId: string,
) {
  const me = await live.db.member.findFirst({
    where: { organizationId, userId: signedIn.user.id },
    select: { id: true, role: true },
  });
  if (!me) throw new Response("Organization not found.", { status: 404 });
  const teamsEnabled = live.tenant.config.authMethods.teams.enabled;
  const permissions = await permissionsOf(live, request, organizationId);
  const [organization, members, invitations, roles, teams] = await Promise.all([
    live.db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, slug: true },
    }),
    live.db.member.findMany({
      where: { organizationId },
      select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    // Invitation ids are the links sent by email: only those who may invite see them.
    permissions.invite
      ? live.db.invitation.findMany({
          where: { organizationId, status: "pending", expiresAt: { gt: new Date() } },
          select: { id: true, email: true, role: true, expiresAt: true },
          orderBy: { createdAt: "desc" },
        })
      : [],
    live.db.organizationRole.findMany({
      where: { organizationId },
      select: { id: true, role: true, permission: true },
      orderBy: { role: "asc" },
    }),
    teamsEnabled
      ? live.db.team.findMany({
          where: { organizationId },
          select: { id: true, name: true, _count: { select: { teamMembers: true } } },
          orderBy: { createdAt: "asc" },
        })
      : null,
  ]);
  return {
    organization,
    isActive: activeOrganizationIdOf(signedIn.session) === organizationId,
    me: { memberId: me.id, role: me.role },
    // better-auth refuses to let the last owner leave; the page does not offer it.
    canLeave: !isOwner(me.role) || members.filter((member) => isOwner(member.role)).length > 1,
    permissions,
    members: members.map(({ id, role, userId, user }) => ({
      id,
      role,
      name: user.name,
      email: user.email,
      isMe: userId === signedIn.user.id,
    })),
    invitations: invitations.map(({ expiresAt, role, ...rest }) => ({
      ...rest,
      role: role ?? "member",
      expiresAt: expiresAt.toISOString(),
    })),
    roleNames: [...BUILT_IN_ROLE_NAMES, ...roles.map(({ role }) => role)],
    customRoles: roles.map(({ id, role, permission }) => ({ id, role, permissions: permissionNames(permission) })),
    grantablePermissions: GRANTABLE_PERMISSIONS,
    teams: teams?.map(({ id, name, _count }) => ({ id, name, memberCount: _count.teamMembers })) ?? null,
  };
}

function isOwner(role: string): boolean {
  return role.split(",").some((name) => name.trim() === "owner");
}

const RoleField = z.string().trim().min(1, "organizations.error.chooseRole").max(50);
const IdField = z.string().trim().min(1).max(100);

const InviteSchema = z.object({ email: EmailField, role: RoleField });
const MemberRoleSchema = z.object({ memberId: IdField, role: RoleField });
const CustomRoleSchema = z.object({
  roleName: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/, "organizations.error.roleNameInvalid")
    .refine((name) => !(BUILT_IN_ROLE_NAMES as string[]).includes(name), "organizations.error.roleTaken"),
  permissions: z
    .array(z.enum(GRANTABLE_PERMISSIONS as [string, ...string[]]))
    .min(1, "organizations.error.choosePermission"),
});
const TeamSchema = z.object({ teamName: z.string().trim().min(1, "organizations.error.teamNameRequired").max(100) });

export type OrganizationActionResult =
  | { ok: true; intent: string; notice: Message; setCookies: string[]; leftOrganization?: boolean }
  | (OrgFailure & { intent: string; values?: Record<string, string> });

type Call = { endpoint: string; body: Record<string, unknown>; notice: Message; leftOrganization?: boolean };

/** What one of the page's forms asks better-auth to do, or the form's own validation errors. */
function planAction(intent: string, organizationId: string, form: FormData): Call | OrgFailure {
  const values = formValues(form);
  const invalid = (error: z.ZodError): OrgFailure => ({ ok: false, status: 400, errors: fieldMessages(error) });
  switch (intent) {
    case "invite": {
      const parsed = InviteSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/invite-member",
        body: { organizationId, email: parsed.data.email, role: parsed.data.role },
        notice: message("organizations.notice.invited", { email: parsed.data.email }),
      };
    }
    case "cancel-invitation": {
      const parsed = z.object({ invitationId: IdField }).safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/cancel-invitation",
        body: parsed.data,
        notice: message("organizations.notice.invitationCanceled"),
      };
    }
    case "update-role": {
      const parsed = MemberRoleSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/update-member-role",
        body: { organizationId, memberId: parsed.data.memberId, role: parsed.data.role },
        notice: message("organizations.notice.roleChanged"),
      };
    }
    case "remove-member": {
      const parsed = z.object({ memberId: IdField }).safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/remove-member",
        body: { organizationId, memberIdOrEmail: parsed.data.memberId },
        notice: message("organizations.notice.memberRemoved"),
      };
    }
    case "leave":
      return {
        endpoint: "/organization/leave",
        body: { organizationId },
        notice: message("organizations.notice.left"),
        leftOrganization: true,
      };
    case "create-role": {
      const parsed = CustomRoleSchema.safeParse({
        roleName: values.roleName ?? "",
        permissions: form.getAll("permission"),
      });
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/create-role",
        body: { organizationId, role: parsed.data.roleName, permission: permissionRecord(parsed.data.permissions) },
        notice: message("organizations.notice.roleCreated", { role: parsed.data.roleName }),
      };
    }
    case "delete-role": {
      const parsed = z.object({ roleId: IdField }).safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/delete-role",
        body: { organizationId, roleId: parsed.data.roleId },
        notice: message("organizations.notice.roleDeleted"),
      };
    }
    case "create-team": {
      const parsed = TeamSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/create-team",
        body: { organizationId, name: parsed.data.teamName },
        notice: message("organizations.notice.teamCreated", { name: parsed.data.teamName }),
      };
    }
    case "remove-team": {
      const parsed = z.object({ teamId: IdField }).safeParse(values);
      if (!parsed.success) return invalid(parsed.error);
      return {
        endpoint: "/organization/remove-team",
        body: { organizationId, teamId: parsed.data.teamId },
        notice: message("organizations.notice.teamRemoved"),
      };
    }
    default:
      return { ok: false, status: 400, errors: { form: message("errors.generic") } };
  }
}

/** Runs one of the organization page's forms (its hidden `intent` says which). */
export async function organizationAction(
  live: TenantRequestContext,
  request: Request,
  organizationId: string,
  form: FormData,
): Promise<OrganizationActionResult> {
  const intent = String(form.get("intent") ?? "");
  const values = {
    email: String(form.get("email") ?? "").slice(0, 254),
    roleName: String(form.get("roleName") ?? "").slice(0, 40),
    teamName: String(form.get("teamName") ?? "").slice(0, 100),
  };
  const plan = planAction(intent, organizationId, form);
  if ("ok" in plan) return { ...plan, intent, values };
  const response = await callTenantAuth(live, request, plan.endpoint, plan.body);
  if (!response.ok) return { ...(await orgFailure(response)), intent, values };
  return {
    ok: true,
    intent,
    notice: plan.notice,
    setCookies: response.headers.getSetCookie(),
    leftOrganization: plan.leftOrganization,
  };
}
