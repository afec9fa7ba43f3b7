import { z } from "zod";
import {
  InvitationBody,
  inviteToOrganization,
  resendInvitation,
  revokeInvitation,
} from "~/organizations/admin-invitations.server";
import { requireOrganizationRow } from "~/organizations/admin-members.server";
import { Id, Timestamp } from "./common.server";
import { defineOperation } from "./operation.server";
import { asApi } from "./organizations.server";

/**
 * An organization's invitations, on the same capabilities as the console's Invitations tab
 * (decision 0031): the invitation email goes out through the tenant's mail, in the name of
 * the organization's longest-standing owner, and is accepted on the hosted invitation page.
 */
const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.string(),
    status: z.string(),
    expiresAt: Timestamp,
  })
  .meta({ id: "OrganizationInvitation" });

const OrgParams = z.strictObject({ organizationId: Id });
const InvitationParams = z.strictObject({ organizationId: Id, invitationId: Id });
const TAG = "Organizations";
const view = (row: { id: string; email: string; role: string | null; status: string; expiresAt: Date }) => ({
  id: row.id,
  email: row.email,
  role: row.role ?? "member",
  status: row.status,
  expiresAt: row.expiresAt,
});

const REQUIRES =
  "Needs Organizations on for the tenant (409 `organizations_off`), since invitations are accepted on the hosted pages.";

export const ORGANIZATION_INVITATION_OPERATIONS = [
  defineOperation({
    operationId: "listOrganizationInvitations",
    method: "GET",
    path: "/organizations/{organizationId}/invitations",
    tag: TAG,
    summary: "List pending invitations",
    description: "Newest first, at most 500; an expired one stays pending until resent or revoked.",
    scope: "organizations:read",
    params: OrgParams,
    errors: [404],
    success: { status: 200, description: "The invitations.", schema: z.object({ data: z.array(InvitationSchema) }) },
    run: async (ctx, { params }) => {
      const org = await asApi(() => requireOrganizationRow(ctx.live.db, params.organizationId));
      const rows = await ctx.live.db.invitation.findMany({
        where: { organizationId: org.id, status: "pending" },
        orderBy: { createdAt: "desc" },
        take: 500,
      });
      return { data: rows.map(view) };
    },
  }),
  defineOperation({
    operationId: "createOrganizationInvitation",
    method: "POST",
    path: "/organizations/{organizationId}/invitations",
    tag: TAG,
    summary: "Invite by email",
    description: `Emails an invitation link with the role. Refused with 409 when the address is a member (\`already_member\`) or has a pending invitation (\`already_invited\`), or the organization has no owner (\`no_owner\`). ${REQUIRES}`,
    scope: "organizations:write",
    params: OrgParams,
    body: InvitationBody.meta({ id: "CreateOrganizationInvitation" }),
    idempotent: true,
    errors: [404, 409, 413, 415, 422],
    requestExample: { email: "ada@example.com", role: "admin" },
    success: { status: 201, description: "The invitation.", schema: InvitationSchema },
    run: async (ctx, { params, body }) =>
      view(
        await asApi(() =>
          inviteToOrganization(ctx.live, ctx.audit, { ...body, organizationId: params.organizationId }),
        ),
      ),
  }),
  defineOperation({
    operationId: "resendOrganizationInvitation",
    method: "POST",
    path: "/organizations/{organizationId}/invitations/{invitationId}/resend",
    tag: TAG,
    summary: "Resend an invitation",
    description: `Emails it again with a fresh lifetime. ${REQUIRES}`,
    scope: "organizations:write",
    params: InvitationParams,
    errors: [404, 409],
    success: { status: 200, description: "The invitation.", schema: InvitationSchema },
    run: async (ctx, { params }) => view(await asApi(() => resendInvitation(ctx.live, ctx.audit, params))),
  }),
  defineOperation({
    operationId: "revokeOrganizationInvitation",
    method: "DELETE",
    path: "/organizations/{organizationId}/invitations/{invitationId}",
    tag: TAG,
    summary: "Revoke an invitation",
    description: "Its link then says it was canceled.",
    scope: "organizations:write",
    params: InvitationParams,
    errors: [404],
    success: { status: 204, description: "Revoked." },
    run: async (ctx, { params }) => {
      await asApi(() => revokeInvitation(ctx.live, ctx.audit, params));
      return null;
    },
  }),
];
