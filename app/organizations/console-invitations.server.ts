import type { ConsoleAccess } from "~/admin/access.server";
import { redirectWithToast } from "~/http/toast.server";
import { inviteToOrganization, resendInvitation, revokeInvitation } from "./admin-invitations.server";
import { asConsoleForm, organizationForm, requireConsoleOrganization, roleNamesOf } from "./console.server";

/** The Invitations tab of an organization in the console: pending invitations, invite, resend, revoke. */
export async function organizationInvitationsPage(access: ConsoleAccess, organizationId: string | undefined) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const [invitations, roles] = await Promise.all([
    live.db.invitation.findMany({
      where: { organizationId: organization.id, status: "pending" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
    roleNamesOf(access, organization.id),
  ]);
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    invitations: invitations.map((invitation) => ({ ...invitation, role: invitation.role ?? "member" })),
    roles,
    organizationsOn: live.tenant.config.authMethods.organizations.enabled,
  };
}

export async function organizationInvitationsAction(
  access: ConsoleAccess,
  request: Request,
  organizationId: string | undefined,
) {
  const { live, organization, form, who, page } = await organizationForm(
    access,
    request,
    organizationId,
    "invitations",
  );
  const invitationId = String(form.get("invitationId") ?? "").slice(0, 100);
  switch (form.get("intent")) {
    case "invite": {
      const email = String(form.get("email") ?? "").slice(0, 254);
      const role = String(form.get("role") ?? "").slice(0, 64);
      const result = await asConsoleForm(
        "invite",
        () => inviteToOrganization(live, who, { organizationId: organization.id, email, role }),
        (field) => (field === "role" ? "role" : field ? "email" : "form"),
        { email },
      );
      if (!result.ok) return result.response;
      return redirectWithToast(page, { type: "success", message: `Invitation sent to ${result.value.email}.` });
    }
    case "resend": {
      const result = await asConsoleForm("invitations", () =>
        resendInvitation(live, who, { organizationId: organization.id, invitationId }),
      );
      if (!result.ok) return result.response;
      return redirectWithToast(page, { type: "success", message: `Invitation sent to ${result.value.email} again.` });
    }
    case "revoke": {
      const result = await asConsoleForm("invitations", () =>
        revokeInvitation(live, who, { organizationId: organization.id, invitationId }),
      );
      if (!result.ok) return result.response;
      return redirectWithToast(page, {
        type: "success",
        message: `The invitation for ${result.value.email} was revoked.`,
      });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}
