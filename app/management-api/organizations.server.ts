import { z } from "zod";
import { ORGANIZATION_ERROR_STATUS, OrganizationError } from "~/organizations/admin-errors.server";
import {
  addOrganizationMember,
  changeOrganizationMemberRole,
  createOrganizationAsAdmin,
  CreateOrganizationInput,
  deleteOrganizationAsAdmin,
  MEMBER_SELECT,
  MemberRole,
  removeOrganizationMember,
  requireOrganizationRow,
} from "~/organizations/admin-members.server";
import { Cursor, decodeCursor, encodeCursor, Id, PageLimit, pageOf, parseMetadata, Timestamp } from "./common.server";
import { ApiError } from "./errors.server";
import { defineOperation } from "./operation.server";

/**
 * Organizations and their members. Every change runs the same capability as the console
 * (app/organizations/admin-members.server.ts, decision 0031); the API works whether or not the
 * tenant has organizations switched on for its users.
 */
const OrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    logo: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: Timestamp,
  })
  .meta({ id: "Organization" });

const MemberSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    userId: z.string(),
    role: z.string(),
    createdAt: Timestamp,
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  })
  .meta({ id: "OrganizationMember" });

const OrgParams = z.strictObject({ organizationId: Id });
const MemberParams = z.strictObject({ organizationId: Id, memberId: Id });
const Role = MemberRole.meta({ description: "owner, admin, member, or one of the organization's custom roles." });

type OrgRow = { id: string; name: string; slug: string; logo: string | null; metadata: string | null; createdAt: Date };
const toApiOrg = (row: OrgRow) => ({ ...row, metadata: parseMetadata(row.metadata) });

/** Runs an organization capability, answering its refusals as the rest of the API does (fields named). */
export async function asApi<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof OrganizationError)) throw error;
    if (error.code === "not_found") throw new ApiError(404, "not_found", error.message);
    const code = error.code === "invalid_input" ? "validation_failed" : error.code;
    const message = error.field ? `${error.field}: ${error.message}` : error.message;
    const details = error.field ? [{ field: error.field, message: error.message }] : undefined;
    throw new ApiError(ORGANIZATION_ERROR_STATUS[error.code], code, message, details);
  }
}

const TAG = "Organizations";

export const ORGANIZATION_OPERATIONS = [
  defineOperation({
    operationId: "listOrganizations",
    method: "GET",
    path: "/organizations",
    tag: TAG,
    summary: "List organizations",
    description: "In slug order.",
    scope: "organizations:read",
    query: z.strictObject({ limit: PageLimit, cursor: Cursor }),
    errors: [400],
    success: { status: 200, description: "A page of organizations.", schema: pageOf(OrganizationSchema) },
    run: async (ctx, { query }) => {
      const after = decodeCursor(query.cursor, "slug");
      if (after === null)
        throw new ApiError(400, "invalid_request", "query.cursor: This cursor is not one this API returned.", [
          { field: "query.cursor", message: "This cursor is not one this API returned." },
        ]);
      const rows = await ctx.live.db.organization.findMany({
        where: after ? { slug: { gt: after } } : {},
        orderBy: { slug: "asc" },
        take: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        data: page.map(toApiOrg),
        nextCursor: rows.length > query.limit ? encodeCursor({ slug: page.at(-1)!.slug }) : null,
      };
    },
  }),
  defineOperation({
    operationId: "createOrganization",
    method: "POST",
    path: "/organizations",
    tag: TAG,
    summary: "Create an organization",
    description: "Optionally with its first member, as owner. Fires `organization.created`.",
    scope: "organizations:write",
    body: CreateOrganizationInput.extend({
      ownerUserId: Id.optional().meta({ description: "A user of the tenant who becomes the owner." }),
    }).meta({ id: "CreateOrganization" }),
    idempotent: true,
    errors: [409, 413, 415, 422],
    requestExample: { name: "Acme Inc", slug: "acme-inc", ownerUserId: "usr_123" },
    success: { status: 201, description: "The new organization.", schema: OrganizationSchema },
    run: async (ctx, { body }) => toApiOrg(await asApi(() => createOrganizationAsAdmin(ctx.live, ctx.audit, body))),
  }),
  defineOperation({
    operationId: "getOrganization",
    method: "GET",
    path: "/organizations/{organizationId}",
    tag: TAG,
    summary: "Get an organization",
    scope: "organizations:read",
    params: OrgParams,
    errors: [404],
    success: { status: 200, description: "The organization.", schema: OrganizationSchema },
    run: async (ctx, { params }) =>
      toApiOrg(await asApi(() => requireOrganizationRow(ctx.live.db, params.organizationId))),
  }),
  defineOperation({
    operationId: "deleteOrganization",
    method: "DELETE",
    path: "/organizations/{organizationId}",
    tag: TAG,
    summary: "Delete an organization",
    description: "With its memberships, invitations, teams, SCIM and SSO connections and SSO domains.",
    scope: "organizations:write",
    params: OrgParams,
    errors: [404],
    success: { status: 204, description: "Deleted." },
    run: async (ctx, { params }) => {
      await asApi(() => deleteOrganizationAsAdmin(ctx.live, ctx.audit, params.organizationId));
      return null;
    },
  }),
  defineOperation({
    operationId: "listOrganizationMembers",
    method: "GET",
    path: "/organizations/{organizationId}/members",
    tag: TAG,
    summary: "List an organization's members",
    description: "Oldest first, at most 1,000.",
    scope: "organizations:read",
    params: OrgParams,
    errors: [404],
    success: { status: 200, description: "The members.", schema: z.object({ data: z.array(MemberSchema) }) },
    run: async (ctx, { params }) => {
      const org = await asApi(() => requireOrganizationRow(ctx.live.db, params.organizationId));
      const members = await ctx.live.db.member.findMany({
        where: { organizationId: org.id },
        select: MEMBER_SELECT,
        orderBy: { createdAt: "asc" },
        take: 1000,
      });
      return { data: members };
    },
  }),
  defineOperation({
    operationId: "addOrganizationMember",
    method: "POST",
    path: "/organizations/{organizationId}/members",
    tag: TAG,
    summary: "Add a member",
    description:
      "Fires `organization.member_added`. Refused with 403 `membership_limit_reached` when the organization already has the tenant's maximum number of members (Organizations → Members per organization), as the hosted pages and widgets refuse it.",
    scope: "organizations:write",
    params: OrgParams,
    body: z.strictObject({ userId: Id, role: Role.default("member") }).meta({ id: "AddOrganizationMember" }),
    idempotent: true,
    errors: [403, 404, 409, 413, 415, 422],
    requestExample: { userId: "usr_123", role: "admin" },
    success: { status: 201, description: "The membership.", schema: MemberSchema },
    run: async (ctx, { params, body }) =>
      asApi(() => addOrganizationMember(ctx.live, ctx.audit, { ...body, organizationId: params.organizationId })),
  }),
  defineOperation({
    operationId: "updateOrganizationMember",
    method: "PATCH",
    path: "/organizations/{organizationId}/members/{memberId}",
    tag: TAG,
    summary: "Change a member's role",
    description:
      "The role is owner, admin, member or one of the organization's custom roles (422 otherwise). Refused with 409 `last_owner` when it would leave the organization without an owner, as the organization plugin refuses it.",
    scope: "organizations:write",
    params: MemberParams,
    body: z.strictObject({ role: Role }).meta({ id: "UpdateOrganizationMember" }),
    errors: [404, 409, 413, 415, 422],
    requestExample: { role: "admin" },
    success: { status: 200, description: "The membership.", schema: MemberSchema },
    run: async (ctx, { params, body }) =>
      asApi(() => changeOrganizationMemberRole(ctx.live, ctx.audit, { ...params, ...body })),
  }),
  defineOperation({
    operationId: "removeOrganizationMember",
    method: "DELETE",
    path: "/organizations/{organizationId}/members/{memberId}",
    tag: TAG,
    summary: "Remove a member",
    description:
      "Also takes them out of the organization's teams. Fires `organization.member_removed`. Refused with 409 `last_owner` for the organization's only owner.",
    scope: "organizations:write",
    params: MemberParams,
    errors: [404, 409],
    success: { status: 204, description: "Removed." },
    run: async (ctx, { params }) => {
      await asApi(() => removeOrganizationMember(ctx.live, ctx.audit, params));
      return null;
    },
  }),
];
