import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getPortico } from "~/context.server";
import type { TenantDb } from "~/db/clients.server";
import {
  Cursor,
  decodeCursor,
  encodeCursor,
  Id,
  Metadata,
  PageLimit,
  pageOf,
  parseMetadata,
  Timestamp,
} from "./common.server";
import { ApiError, conflict, notFound } from "./errors.server";
import { defineOperation, type ApiContext } from "./operation.server";

/**
 * Organizations and their members, in the tenant's organization tables (the ones the
 * organization plugin uses). They are written directly rather than through the plugin's
 * endpoints, which act on behalf of a signed-in member and exist only while the tenant has
 * organizations switched on; the API manages them either way.
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

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const Role = z
  .string({ error: "role must be a string." })
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, "role is a lower-case name such as owner, admin or member.")
  .meta({ description: "owner, admin, member, or one of the organization's custom roles." });

const OrgParams = z.strictObject({ organizationId: Id });
const MemberParams = z.strictObject({ organizationId: Id, memberId: Id });

type OrgRow = { id: string; name: string; slug: string; logo: string | null; metadata: string | null; createdAt: Date };
const toApiOrg = (row: OrgRow) => ({ ...row, metadata: parseMetadata(row.metadata) });

const MEMBER_SELECT = {
  id: true,
  organizationId: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

async function requireOrg(db: TenantDb, id: string) {
  const org = await db.organization.findUnique({ where: { id } });
  if (!org) throw notFound("organization");
  return org;
}

async function record(ctx: ApiContext, type: string, org: OrgRow, data?: Record<string, unknown>) {
  await getPortico().audit.record({
    ...ctx.audit,
    type,
    target: { type: "organization", id: org.id, label: org.slug },
    data: { organizationId: org.id, slug: org.slug, ...data },
  });
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
    body: z
      .strictObject({
        name: z
          .string({ error: "Enter a name." })
          .trim()
          .min(1, "Enter a name.")
          .max(100, "Use at most 100 characters."),
        slug: z
          .string({ error: "Enter a slug." })
          .max(64, "Use at most 64 characters.")
          .regex(SLUG, "A slug is lower-case letters, digits and single hyphens, like acme-inc."),
        logo: z
          .url({ protocol: /^https?$/, error: "logo must be an http(s) URL." })
          .max(2000)
          .optional(),
        metadata: Metadata.optional(),
        ownerUserId: Id.optional().meta({ description: "A user of the tenant who becomes the owner." }),
      })
      .meta({ id: "CreateOrganization" }),
    idempotent: true,
    errors: [409, 413, 415, 422],
    requestExample: { name: "Acme Inc", slug: "acme-inc", ownerUserId: "usr_123" },
    success: { status: 201, description: "The new organization.", schema: OrganizationSchema },
    run: async (ctx, { body }) => {
      const { db } = ctx.live;
      if (await db.organization.findUnique({ where: { slug: body.slug }, select: { id: true } }))
        throw conflict("slug_taken", "Another organization already uses this slug.", "slug");
      if (body.ownerUserId && !(await db.user.findUnique({ where: { id: body.ownerUserId }, select: { id: true } })))
        throw new ApiError(422, "validation_failed", "ownerUserId: There is no such user in this tenant.", [
          { field: "ownerUserId", message: "There is no such user in this tenant." },
        ]);
      const id = randomUUID();
      const now = new Date();
      const [org] = await db.$transaction([
        db.organization.create({
          data: {
            id,
            name: body.name,
            slug: body.slug,
            logo: body.logo ?? null,
            metadata: body.metadata ? JSON.stringify(body.metadata) : null,
            createdAt: now,
          },
        }),
        ...(body.ownerUserId
          ? [
              db.member.create({
                data: { id: randomUUID(), organizationId: id, userId: body.ownerUserId, role: "owner", createdAt: now },
              }),
            ]
          : []),
      ]);
      await record(ctx, "admin.organization.created", org, { name: org.name, ownerUserId: body.ownerUserId ?? null });
      return toApiOrg(org);
    },
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
    run: async (ctx, { params }) => toApiOrg(await requireOrg(ctx.live.db, params.organizationId)),
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
      const org = await requireOrg(ctx.live.db, params.organizationId);
      await ctx.live.db.organization.delete({ where: { id: org.id } });
      await getPortico().scim.forgetOrganization(ctx.live.tenant.id, org.id);
      await getPortico().sso.forgetOrganization(ctx.live.tenant.id, org.id);
      await record(ctx, "admin.organization.deleted", org);
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
      const org = await requireOrg(ctx.live.db, params.organizationId);
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
    run: async (ctx, { params, body }) => {
      const { db } = ctx.live;
      const org = await requireOrg(db, params.organizationId);
      const user = await db.user.findUnique({ where: { id: body.userId }, select: { id: true, email: true } });
      if (!user)
        throw new ApiError(422, "validation_failed", "userId: There is no such user in this tenant.", [
          { field: "userId", message: "There is no such user in this tenant." },
        ]);
      if (await db.member.findFirst({ where: { organizationId: org.id, userId: user.id }, select: { id: true } }))
        throw conflict("already_member", "This user is already a member of the organization.", "userId");
      // better-auth's organization plugin refuses the same (its addMember checks this count).
      const limit = ctx.live.tenant.config.authMethods.organizations.membershipLimit;
      if ((await db.member.count({ where: { organizationId: org.id } })) >= limit)
        throw new ApiError(
          403,
          "membership_limit_reached",
          `This organization already has ${limit} members, the most this tenant allows (Members per organization).`,
        );
      const member = await db.member.create({
        data: { id: randomUUID(), organizationId: org.id, userId: user.id, role: body.role, createdAt: new Date() },
        select: MEMBER_SELECT,
      });
      await record(ctx, "admin.organization.member_added", org, {
        userId: user.id,
        email: user.email,
        role: body.role,
        memberId: member.id,
      });
      return member;
    },
  }),
  defineOperation({
    operationId: "updateOrganizationMember",
    method: "PATCH",
    path: "/organizations/{organizationId}/members/{memberId}",
    tag: TAG,
    summary: "Change a member's role",
    scope: "organizations:write",
    params: MemberParams,
    body: z.strictObject({ role: Role }).meta({ id: "UpdateOrganizationMember" }),
    errors: [404, 413, 415, 422],
    requestExample: { role: "admin" },
    success: { status: 200, description: "The membership.", schema: MemberSchema },
    run: async (ctx, { params, body }) => {
      const { db } = ctx.live;
      const org = await requireOrg(db, params.organizationId);
      const existing = await db.member.findFirst({
        where: { id: params.memberId, organizationId: org.id },
        select: { id: true, role: true },
      });
      if (!existing) throw notFound("organization member");
      const member = await db.member.update({
        where: { id: existing.id },
        data: { role: body.role },
        select: MEMBER_SELECT,
      });
      await record(ctx, "admin.organization.member_role_changed", org, {
        memberId: member.id,
        from: existing.role,
        to: body.role,
      });
      return member;
    },
  }),
  defineOperation({
    operationId: "removeOrganizationMember",
    method: "DELETE",
    path: "/organizations/{organizationId}/members/{memberId}",
    tag: TAG,
    summary: "Remove a member",
    description: "Fires `organization.member_removed`.",
    scope: "organizations:write",
    params: MemberParams,
    errors: [404],
    success: { status: 204, description: "Removed." },
    run: async (ctx, { params }) => {
      const { db } = ctx.live;
      const org = await requireOrg(db, params.organizationId);
      const member = await db.member.findFirst({
        where: { id: params.memberId, organizationId: org.id },
        select: MEMBER_SELECT,
      });
      if (!member) throw notFound("organization member");
      await db.member.delete({ where: { id: member.id } });
      await record(ctx, "admin.organization.member_removed", org, {
        userId: member.userId,
        email: member.user.email,
        memberId: member.id,
      });
      return null;
    },
  }),
];
