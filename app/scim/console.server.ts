import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";
import { requireLiveTenant } from "~/users/tenant-users.server";
import { findOrganization, issueScimToken, revokeScimConnection, scimStatus } from "./connection-actions.server";

/** The tenant's organization a console page names, or a thrown 404 (also used by app/sso's page). */
export async function requireConsoleOrganization(access: ConsoleAccess, organizationId: string | undefined) {
  const live = await requireLiveTenant(access);
  const organization = organizationId ? await findOrganization(live, organizationId) : null;
  if (!organization) throw new Response("There is no such organization in this tenant.", { status: 404 });
  return { live, organization };
}

export async function organizationScimPage(access: ConsoleAccess, organizationId: string | undefined) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  return scimStatus(live, organization);
}

/** Generate/rotate (the token is in this answer only) or revoke, by the form's intent. */
export async function organizationScimAction(
  access: ConsoleAccess,
  request: Request,
  organizationId: string | undefined,
) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const form = await readForm(request);
  const actor = adminActor(access, request);
  switch (form.get("intent")) {
    case "issue-token": {
      const issued = await issueScimToken(live, organization, actor, access.user.id);
      return { token: issued.token, rotated: issued.rotated };
    }
    case "revoke": {
      await revokeScimConnection(live, organization, actor);
      return redirectWithToast(`/admin/${access.tenant.slug}/organizations/${organization.id}`, {
        type: "success",
        message: `${organization.name} is disconnected: its SCIM token is refused from now on.`,
      });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}
