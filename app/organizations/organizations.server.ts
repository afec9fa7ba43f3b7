import { slugFromName } from "~/tenancy/slug";
import { z } from "zod";
import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { formValues } from "~/http/forms";
import { fieldMessages, message, type Message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { orgFailure, type OrgFailure } from "./auth-errors.server";

/**
 * Organizations on the hosted account page: the signed-in user's organizations with their
 * role, the active one, invitations waiting for them, and creating and switching. Reads come
 * from the tenant's database; every change goes through the tenant's better-auth handler
 * (decision 0003), so its permission checks and limits apply exactly as for the API.
 */

export type OrgSuccess = { ok: true; setCookies: string[]; organizationId?: string };

export function organizationsEnabled(live: TenantRequestContext): boolean {
  return live.tenant.config.authMethods.organizations.enabled;
}

export type AccountOrganizations = {
  canCreate: boolean;
  activeOrganizationId: string | null;
  memberships: { id: string; name: string; slug: string; role: string }[];
  invitations: { id: string; organization: string; role: string }[];
};

/** What the account page shows about organizations, or null when the tenant has them off. */
export async function accountOrganizations(
  live: TenantRequestContext,
  signedIn: { user: { id: string; email: string }; session: object },
): Promise<AccountOrganizations | null> {
  if (!organizationsEnabled(live)) return null;
  const { user, session } = signedIn;
  const [members, invitations] = await Promise.all([
    live.db.member.findMany({
      where: { userId: user.id },
      select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
      orderBy: { createdAt: "asc" },
    }),
    live.db.invitation.findMany({
      where: { email: user.email.toLowerCase(), status: "pending", expiresAt: { gt: new Date() } },
      select: { id: true, role: true, organization: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
  ]);
  return {
    canCreate: live.tenant.config.authMethods.organizations.allowUserToCreateOrganization,
    activeOrganizationId: activeOrganizationIdOf(session),
    memberships: members.map(({ role, organization }) => ({ ...organization, role })),
    invitations: invitations.map(({ id, role, organization }) => ({
      id,
      organization: organization.name,
      role: role ?? "member",
    })),
  };
}

const CreateOrganizationSchema = z.object({
  name: z.string().trim().min(1, "organizations.error.nameRequired").max(100),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(50)
    .regex(/^[a-z0-9](-?[a-z0-9])*$/, "organizations.error.slugInvalid"),
});

export type CreateOrganizationFailure = OrgFailure & { values: { name: string; slug: string } };

export async function createOrganization(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<OrgSuccess | CreateOrganizationFailure> {
  const values = {
    name: String(form.get("name") ?? "").slice(0, 100),
    slug: String(form.get("slug") ?? "").slice(0, 50),
  };
  const input = formValues(form);
  // Left empty (no JavaScript to fill it as the name is typed), the slug comes from the name.
  if (!String(input.slug ?? "").trim()) input.slug = values.slug = slugFromName(String(input.name ?? ""), 50);
  const parsed = CreateOrganizationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldMessages(parsed.error), values };
  const response = await callTenantAuth(live, request, "/organization/create", parsed.data);
  if (!response.ok) return { ...(await orgFailure(response)), values };
  const created = (await response.json()) as { id: string };
  return { ok: true, setCookies: response.headers.getSetCookie(), organizationId: created.id };
}

/** Makes one of the user's organizations the session's active one (the organization switcher). */
export async function switchOrganization(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<OrgSuccess | OrgFailure> {
  const organizationId = String(form.get("organizationId") ?? "").slice(0, 100);
  if (!organizationId)
    return { ok: false, status: 400, errors: { organizationId: message("organizations.error.chooseOrganization") } };
  const response = await callTenantAuth(live, request, "/organization/set-active", { organizationId });
  if (!response.ok) return orgFailure(response);
  return { ok: true, setCookies: response.headers.getSetCookie(), organizationId };
}

/**
 * The organization a session acts in. The field comes from the organization plugin, which a
 * tenant switches on at runtime, so it is not part of the session's static type.
 */
export function activeOrganizationIdOf(session: object): string | null {
  const { activeOrganizationId } = session as { activeOrganizationId?: string | null };
  return activeOrganizationId ?? null;
}

/** The first message of a failure, for pages that show one message at the top. */
export function firstMessage(errors: Partial<Record<string, Message>>): Message | undefined {
  return Object.values(errors).find(Boolean);
}
