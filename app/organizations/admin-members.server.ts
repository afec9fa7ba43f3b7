import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getPortico } from "~/context.server";
import type { TenantDb } from "~/db/clients.server";
import { removeFromOrganizationTeams } from "~/scim/groups.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { Metadata } from "~/users/user-input";
import { BUILT_IN_ROLE_NAMES } from "./access.server";
import { OrganizationError, orgNotFound, parseOrgInput, type OrgActor } from "./admin-errors.server";

/**
 * An administrator's changes to a tenant's organizations and their members, the one write path
 * for the console and /api/v1 (decision 0031). Administrators are not members of the
 * organizations they manage, so the organization plugin's endpoints (which act as a signed-in
 * member) cannot serve them; these write the plugin's tables and hold its rules: the membership
 * limit, roles that exist (built-in or the organization's own), and an owner who stays.
 * Each change writes one audit entry, which is also the webhook event.
 */

export const OrganizationName = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");

export const OrganizationSlug = z
  .string({ error: "Enter a slug." })
  .min(1, "Enter a slug.")
  .max(64, "Use at most 64 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A slug is lower-case letters, digits and single hyphens, like acme-inc.");

export const MemberRole = z
  .string({ error: "role must be a string." })
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, "A role is a lower-case name such as owner, admin or member.");

const Ref = z.string().min(1).max(100);

export const CreateOrganizationInput = z.strictObject({
  name: OrganizationName,
  slug: OrganizationSlug,
  logo: z
    .url({ protocol: /^https?$/, error: "logo must be an http(s) URL." })
    .max(2000)
    .optional(),
  metadata: Metadata.optional(),
  ownerUserId: Ref.optional(),
});

const MemberRef = z.strictObject({ organizationId: Ref, memberId: Ref });
const AddMember = z.strictObject({ organizationId: Ref, userId: Ref, role: MemberRole.default("member") });
const ChangeRole = MemberRef.extend({ role: MemberRole });

export const MEMBER_SELECT = {
  id: true,
  organizationId: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

type OrgRow = { id: string; name: string; slug: string };

export async function requireOrganizationRow(db: TenantDb, organizationId: string) {
  const org = await db.organization.findUnique({ where: { id: organizationId.slice(0, 100) } });
  if (!org) throw orgNotFound();
  return org;
}

export async function recordOrgChange(who: OrgActor, type: string, org: OrgRow, data?: Record<string, unknown>) {
  await getPortico().audit.record({
    ...who,
    type,
    target: { type: "organization", id: org.id, label: org.slug },
    data: { organizationId: org.id, slug: org.slug, ...data },
  });
}

/** Built-in roles, and the organization's own (dynamic access control); better-auth stores several comma-separated. */
export async function requireRoleExists(db: TenantDb, organizationId: string, role: string) {
  const roles = role.split(",");
  const custom = roles.filter((name) => !(BUILT_IN_ROLE_NAMES as string[]).includes(name));
  if (custom.length === 0) return;
  const known = await db.organizationRole.count({ where: { organizationId, role: { in: custom } } });
  if (known < custom.length)
    throw new OrganizationError("invalid_input", "This organization has no such role.", "role");
}

export const isOwner = (role: string) => role.split(",").some((name) => name.trim() === "owner");

async function ownerCount(db: TenantDb, organizationId: string) {
  const roles = await db.member.findMany({ where: { organizationId }, select: { role: true } });
  return roles.filter((member) => isOwner(member.role)).length;
}

export async function createOrganizationAsAdmin(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(CreateOrganizationInput, input);
  const { db } = live;
  if (await db.organization.findUnique({ where: { slug: body.slug }, select: { id: true } }))
    throw new OrganizationError("slug_taken", "Another organization already uses this slug.", "slug");
  if (body.ownerUserId && !(await db.user.findUnique({ where: { id: body.ownerUserId }, select: { id: true } })))
    throw new OrganizationError("invalid_input", "There is no such user in this tenant.", "ownerUserId");
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
  await recordOrgChange(who, "admin.organization.created", org, {
    name: org.name,
    ownerUserId: body.ownerUserId ?? null,
  });
  return org;
}

/** Deletes the organization with its memberships, invitations, teams and SCIM connection. */
export async function deleteOrganizationAsAdmin(live: LiveTenant, who: OrgActor, organizationId: string) {
  const org = await requireOrganizationRow(live.db, organizationId);
  await live.db.organization.delete({ where: { id: org.id } });
  await getPortico().scim.forgetOrganization(live.tenant.id, org.id);
  await getPortico().sso.forgetOrganization(live.tenant.id, org.id);
  await recordOrgChange(who, "admin.organization.deleted", org);
}

export async function addOrganizationMember(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(AddMember, input);
  const { db } = live;
  const org = await requireOrganizationRow(db, body.organizationId);
  const user = await db.user.findUnique({ where: { id: body.userId }, select: { id: true, email: true } });
  if (!user) throw new OrganizationError("invalid_input", "There is no such user in this tenant.", "userId");
  if (await db.member.findFirst({ where: { organizationId: org.id, userId: user.id }, select: { id: true } }))
    throw new OrganizationError("already_member", "This user is already a member of the organization.", "userId");
  await requireRoleExists(db, org.id, body.role);
  // better-auth's organization plugin refuses the same (its addMember checks this count).
  const limit = live.tenant.config.authMethods.organizations.membershipLimit;
  if ((await db.member.count({ where: { organizationId: org.id } })) >= limit)
    throw new OrganizationError(
      "membership_limit_reached",
      `This organization already has ${limit} members, the most this tenant allows (Members per organization).`,
    );
  const member = await db.member.create({
    data: { id: randomUUID(), organizationId: org.id, userId: user.id, role: body.role, createdAt: new Date() },
    select: MEMBER_SELECT,
  });
  await recordOrgChange(who, "admin.organization.member_added", org, {
    userId: user.id,
    email: user.email,
    role: body.role,
    memberId: member.id,
  });
  return member;
}

async function requireMember(db: TenantDb, organizationId: string, memberId: string) {
  const member = await db.member.findFirst({ where: { id: memberId, organizationId }, select: MEMBER_SELECT });
  if (!member) throw orgNotFound("organization member");
  return member;
}

export async function changeOrganizationMemberRole(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(ChangeRole, input);
  const { db } = live;
  const org = await requireOrganizationRow(db, body.organizationId);
  const existing = await requireMember(db, org.id, body.memberId);
  await requireRoleExists(db, org.id, body.role);
  // The plugin's update-member-role refuses to leave an organization without an owner.
  if (isOwner(existing.role) && !isOwner(body.role) && (await ownerCount(db, org.id)) <= 1)
    throw new OrganizationError(
      "last_owner",
      "This is the organization's only owner: make another member owner first.",
      "role",
    );
  const member = await db.member.update({
    where: { id: existing.id },
    data: { role: body.role },
    select: MEMBER_SELECT,
  });
  await recordOrgChange(who, "admin.organization.member_role_changed", org, {
    memberId: member.id,
    userId: member.userId,
    email: member.user.email,
    from: existing.role,
    to: body.role,
  });
  return member;
}

export async function removeOrganizationMember(live: LiveTenant, who: OrgActor, input: unknown) {
  const body = parseOrgInput(MemberRef, input);
  const { db } = live;
  const org = await requireOrganizationRow(db, body.organizationId);
  const member = await requireMember(db, org.id, body.memberId);
  // As the plugin's remove-member: the only owner stays.
  if (isOwner(member.role) && (await ownerCount(db, org.id)) <= 1)
    throw new OrganizationError(
      "last_owner",
      "This is the organization's only owner: make another member owner before removing them.",
    );
  await db.member.delete({ where: { id: member.id } });
  // The plugin takes a removed member out of the organization's teams too.
  await removeFromOrganizationTeams(db, org.id, member.userId);
  await recordOrgChange(who, "admin.organization.member_removed", org, {
    userId: member.userId,
    email: member.user.email,
    memberId: member.id,
  });
  return member;
}
