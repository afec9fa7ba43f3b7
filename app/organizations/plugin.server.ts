import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import type { OrganizationOptions } from "better-auth/plugins";
import type { TenantAuthEvent } from "~/auth/auth-events";
import { tenantPagesUrl } from "~/tenancy/tenant-pages-url.server";
import { BUILT_IN_ROLES, organizationAc } from "./access.server";

type Emit = (event: TenantAuthEvent) => void;

type OrgEventSubject = {
  organization: { id: string; name: string; slug: string };
  user: { id: string; email: string };
  member: { id: string; role: string };
};

function eventFrom(type: TenantAuthEvent["type"], { organization, user, member }: OrgEventSubject, extra = {}) {
  return {
    type,
    userId: user.id,
    email: user.email,
    data: {
      // `organizationId` and `slug` are the catalog's names (app/events/catalog.ts); the
      // organization-prefixed names are kept for receivers written against them.
      organizationId: organization.id,
      slug: organization.slug,
      organizationName: organization.name,
      organizationSlug: organization.slug,
      memberId: member.id,
      role: member.role,
      ...extra,
    },
  } satisfies TenantAuthEvent;
}

/**
 * The organization plugin's roles (owner/admin/member plus each organization's custom roles,
 * dynamic access control) and the hooks that report membership changes as auth events, which
 * reach the audit log and webhooks like every other auth event.
 */
export function organizationAccessOptions(onEvent: Emit) {
  return {
    ac: organizationAc,
    roles: BUILT_IN_ROLES,
    dynamicAccessControl: { enabled: true },
    organizationHooks: {
      afterCreateOrganization: async (data) => onEvent(eventFrom("organization.created", data)),
      afterAddMember: async (data) => onEvent(eventFrom("organization.member_added", data)),
      afterAcceptInvitation: async (data) =>
        onEvent(eventFrom("organization.member_added", data, { invitationId: data.invitation.id })),
      afterRemoveMember: async (data) => onEvent(eventFrom("organization.member_removed", data, { reason: "removed" })),
    },
  } satisfies Partial<OrganizationOptions>;
}

type LeaveResult = { id: string; role: string; userId: string; organizationId: string };

/**
 * The plugin has no hook for a member leaving on their own (POST /organization/leave), so this
 * small plugin reports it from the endpoint's answer.
 */
export function organizationLeaveEvents(onEvent: Emit): BetterAuthPlugin {
  return {
    id: "portico-organization-leave-events",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/organization/leave",
          handler: createAuthMiddleware(async (ctx) => {
            const member = ctx.context.returned as LeaveResult | undefined;
            if (!member || typeof member !== "object" || !("organizationId" in member)) return;
            const organization = await ctx.context.adapter.findOne<{ id: string; name: string; slug: string }>({
              model: "organization",
              where: [{ field: "id", value: member.organizationId }],
            });
            const user = await ctx.context.internalAdapter.findUserById(member.userId);
            if (!organization || !user) return;
            onEvent(eventFrom("organization.member_removed", { organization, user, member }, { reason: "left" }));
          }),
        },
      ],
    },
  };
}

/** Where an invitation email sends its recipient: the hosted page that accepts or declines it. */
export function invitationLink(publicUrl: URL, tenantSlug: string, invitationId: string): string {
  return `${tenantPagesUrl(publicUrl, tenantSlug)}/invitations/${encodeURIComponent(invitationId)}`;
}
