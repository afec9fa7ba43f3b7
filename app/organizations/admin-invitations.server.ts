import { z } from "zod";
import type { LiveTenant } from "~/tenancy/registry.server";
import { OrganizationError, orgNotFound, parseOrgInput, type OrgActor } from "./admin-errors.server";
import { requirePlugin } from "./admin-plugin.server";
import {
  isOwner,
  MemberRole,
  recordOrgChange,
  requireOrganizationRow,
  requireRoleExists,
} from "./admin-members.server";

/**
 * An administrator's invitations to an organization (decision 0031). The invitation is written
 * by the organization plugin's own adapter and its email sent by the plugin's own
 * `sendInvitationEmail` (the tenant's mail, theme and language), so the invited person accepts
 * it on the hosted invitation page exactly like one a member sent. The plugin's endpoint itself
 * needs a member's session, so the invitation goes out in the name of the organization's
 * longest-standing owner.
 */

const Ref = z.string().min(1).max(100);
const Invite = z.strictObject({
  organizationId: Ref,
  email: z
    .string({ error: "Enter an email address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@example.com.")),
  role: MemberRole.default("member"),
});
/** An invitation as the API's body takes it (the organization is in the path). */
export const InvitationBody = Invite.omit({ organizationId: true });
const InvitationRef = z.strictObject({ organizationId: Ref, invitationId: Ref });

/** The owner an invitation is sent in the name of. */
async function requireInviter(live: LiveTenant, organizationId: string) {
  // "owner" among the member's roles (better-auth keeps several comma-separated), not a custom role containing it.
  const candidates = await live.db.member.findMany({
    where: { organizationId, role: { contains: "owner" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, organizationId: true, userId: true, createdAt: true, user: true },
  });
  const owner = candidates.find((member) => isOwner(member.role));
  if (!owner)
    throw new OrganizationError(
      "no_owner",
      "Invitations are sent in the name of an owner: make a member owner first.",
      "email",
    );
  return owner;
}

type Sent = { id: string; email: string; role: string; status: string; expiresAt: Date };

async function send(live: LiveTenant, organizationId: string, invitation: Sent & Record<string, unknown>) {
  const { options } = await requirePlugin(live);
  const organization = await requireOrganizationRow(live.db, organizationId);
  const { user, ...member } = await requireInviter(live, organizationId);
  await options.sendInvitationEmail?.({
    id: invitation.id,
    role: invitation.role,
    email: invitation.email,
    organization: { ...organization, metadata: organization.metadata ?? undefined },
    inviter: { ...member, user },
    invitation: invitation as never,
  });
}

export async function inviteToOrganization(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(Invite, input);
  const { db } = live;
  const { adapter } = await requirePlugin(live);
  const org = await requireOrganizationRow(db, body.organizationId);
  await requireRoleExists(db, org.id, body.role);
  if (
    await db.member.findFirst({ where: { organizationId: org.id, user: { email: body.email } }, select: { id: true } })
  )
    throw new OrganizationError("already_member", "This person is already a member of the organization.", "email");
  const pending = await db.invitation.findFirst({
    where: { organizationId: org.id, email: body.email, status: "pending", expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  if (pending)
    throw new OrganizationError("already_invited", "This person has a pending invitation: resend it instead.", "email");
  const inviter = await requireInviter(live, org.id);
  const invitation = (await adapter.createInvitation({
    invitation: { email: body.email, role: body.role, organizationId: org.id, teamIds: [] },
    user: inviter.user,
  })) as Sent;
  await send(live, org.id, invitation);
  await recordOrgChange(who, "admin.organization.invitation_sent", org, {
    invitationId: invitation.id,
    email: invitation.email,
    role: invitation.role,
  });
  return invitation;
}

async function requirePendingInvitation(live: LiveTenant, input: unknown) {
  const { organizationId, invitationId } = parseOrgInput(InvitationRef, input);
  const org = await requireOrganizationRow(live.db, organizationId);
  const invitation = await live.db.invitation.findFirst({
    where: { id: invitationId, organizationId: org.id, status: "pending" },
  });
  if (!invitation) throw orgNotFound("pending invitation");
  return { org, invitation: { ...invitation, role: invitation.role ?? "member" } };
}

/** Sends the invitation again with a fresh lifetime (an expired one comes back to life), as the plugin's resend does. */
export async function resendInvitation(live: LiveTenant, who: OrgActor, input: unknown) {
  const { options } = await requirePlugin(live);
  const { org, invitation } = await requirePendingInvitation(live, input);
  const expiresAt = new Date(Date.now() + (options.invitationExpiresIn ?? 48 * 60 * 60) * 1000);
  await live.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt } });
  await send(live, org.id, { ...invitation, expiresAt });
  await recordOrgChange(who, "admin.organization.invitation_resent", org, {
    invitationId: invitation.id,
    email: invitation.email,
  });
  return { ...invitation, expiresAt };
}

/** Cancels the invitation: its link answers that it was withdrawn. */
export async function revokeInvitation(live: LiveTenant, who: OrgActor, input: unknown) {
  const { org, invitation } = await requirePendingInvitation(live, input);
  await live.db.invitation.update({ where: { id: invitation.id }, data: { status: "canceled" } });
  await recordOrgChange(who, "admin.organization.invitation_revoked", org, {
    invitationId: invitation.id,
    email: invitation.email,
  });
  return invitation;
}
