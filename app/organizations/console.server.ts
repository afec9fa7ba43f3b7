import { data } from "@remix-run/node";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import { tenantDbProvider } from "~/db/clients.server";
import { readForm } from "~/http/read-form.server";
import { redirectWithToast } from "~/http/toast.server";
import { slugFromName } from "~/tenancy/slug";
import { requireLiveTenant } from "~/users/tenant-users.server";
import { BUILT_IN_ROLE_NAMES } from "./access.server";
import { ORGANIZATION_ERROR_STATUS, OrganizationError } from "./admin-errors.server";
import {
  addOrganizationMember,
  changeOrganizationMemberRole,
  createOrganizationAsAdmin,
  MEMBER_SELECT,
  removeOrganizationMember,
  requireOrganizationRow,
} from "./admin-members.server";

/**
 * The console's Organizations section: parse the form, run the capability the API runs too,
 * and answer a field error or a redirect with a toast.
 */

const MAX_LISTED = 500;

export async function listOrganizationsForConsole(access: ConsoleAccess, query: string) {
  const live = await requireLiveTenant(access);
  const q = query.trim().slice(0, 100);
  // Case-insensitive on both providers (SQLite's LIKE is already; PostgreSQL needs the mode,
  // absent from the SQLite client's types, hence the cast).
  const insensitive = tenantDbProvider(live.db) === "postgresql" ? { mode: "insensitive" } : {};
  const contains = { contains: q, ...insensitive } as unknown as { contains: string };
  const [organizations, connections] = await Promise.all([
    live.db.organization.findMany({
      where: q ? { OR: [{ name: contains }, { slug: contains }] } : {},
      orderBy: { slug: "asc" },
      take: MAX_LISTED,
      select: { id: true, name: true, slug: true, createdAt: true, _count: { select: { members: true } } },
    }),
    getPortico().scim.listForTenant(access.tenant.id),
  ]);
  return organizations.map(({ _count, ...organization }) => ({
    ...organization,
    members: _count.members,
    scimConnected: connections.has(organization.id),
  }));
}

export type ConsoleFailure = { intent: string; errors: Record<string, string>; values?: Record<string, string> };

/** Runs a capability for a form; a refusal comes back as that form's error, on its field. */
export async function asConsoleForm<T>(
  intent: string,
  call: () => Promise<T>,
  fieldFor: (field: string | undefined) => string = (field) => field ?? "form",
  values?: Record<string, string>,
) {
  try {
    return { ok: true as const, value: await call() };
  } catch (error) {
    if (!(error instanceof OrganizationError)) throw error;
    const failure: ConsoleFailure = { intent, errors: { [fieldFor(error.field)]: error.message }, values };
    return {
      ok: false as const,
      response: data(failure, { status: error.code === "invalid_input" ? 400 : ORGANIZATION_ERROR_STATUS[error.code] }),
    };
  }
}

const text = (form: FormData, name: string, max = 200) => String(form.get(name) ?? "").slice(0, max);

export async function createOrganizationFromConsole(access: ConsoleAccess, request: Request) {
  const live = await requireLiveTenant(access);
  const form = await readForm(request);
  const name = text(form, "name", 100);
  // Left empty (no JavaScript to fill it as the name is typed), the slug comes from the name.
  const slug = text(form, "slug", 64).trim() || slugFromName(name, 64);
  const result = await asConsoleForm(
    "create",
    () => createOrganizationAsAdmin(live, adminActor(access, request), { name, slug }),
    undefined,
    { name, slug },
  );
  if (!result.ok) return result.response;
  return redirectWithToast(`/admin/${access.tenant.slug}/organizations/${result.value.id}/members`, {
    type: "success",
    message: `${result.value.name} was created. Add its first members.`,
  });
}

export async function requireConsoleOrganization(access: ConsoleAccess, organizationId: string | undefined) {
  const live = await requireLiveTenant(access);
  try {
    return { live, organization: await requireOrganizationRow(live.db, organizationId ?? "") };
  } catch (error) {
    if (error instanceof OrganizationError)
      throw new Response("There is no such organization in this tenant.", { status: 404 });
    throw error;
  }
}

/** What every action of an organization's tab starts with: the organization, the posted form, who acts, where to go back. */
export async function organizationForm(
  access: ConsoleAccess,
  request: Request,
  organizationId: string | undefined,
  tab: string,
) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  return {
    live,
    organization,
    form: await readForm(request),
    who: adminActor(access, request),
    page: `/admin/${access.tenant.slug}/organizations/${organization.id}/${tab}`,
  };
}

/** The built-in roles and the organization's own, as a role picker lists them. */
export async function roleNamesOf(access: ConsoleAccess, organizationId: string) {
  const live = await requireLiveTenant(access);
  const custom = await live.db.organizationRole.findMany({
    where: { organizationId },
    select: { role: true },
    orderBy: { role: "asc" },
  });
  return [...BUILT_IN_ROLE_NAMES, ...new Set(custom.map((row) => row.role))];
}

export async function organizationMembersPage(access: ConsoleAccess, organizationId: string | undefined) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const [members, roles] = await Promise.all([
    live.db.member.findMany({
      where: { organizationId: organization.id },
      select: MEMBER_SELECT,
      orderBy: { createdAt: "asc" },
      take: 1000,
    }),
    roleNamesOf(access, organization.id),
  ]);
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    members,
    roles,
    membershipLimit: live.tenant.config.authMethods.organizations.membershipLimit,
  };
}

export async function organizationMembersAction(
  access: ConsoleAccess,
  request: Request,
  organizationId: string | undefined,
) {
  const { live, organization, form, who, page } = await organizationForm(access, request, organizationId, "members");
  const memberId = text(form, "memberId", 100);
  switch (form.get("intent")) {
    case "add": {
      const email = text(form, "email", 254).trim().toLowerCase();
      const role = text(form, "role", 64);
      const user = email ? await live.db.user.findUnique({ where: { email }, select: { id: true } }) : null;
      if (!user) {
        const message = email ? "No user of this tenant has this email address." : "Enter the email address of a user.";
        return data({ intent: "add", errors: { email: message }, values: { email } }, { status: 400 });
      }
      const result = await asConsoleForm(
        "add",
        () => addOrganizationMember(live, who, { organizationId: organization.id, userId: user.id, role }),
        (field) => (field === "role" ? "role" : field ? "email" : "form"),
        { email },
      );
      if (!result.ok) return result.response;
      return redirectWithToast(page, {
        type: "success",
        message: `${email} is now a ${role} of ${organization.name}.`,
      });
    }
    case "change-role": {
      const role = text(form, "role", 64);
      const result = await asConsoleForm("members", () =>
        changeOrganizationMemberRole(live, who, { organizationId: organization.id, memberId, role }),
      );
      if (!result.ok) return result.response;
      return redirectWithToast(page, { type: "success", message: `${result.value.user.email} is now ${role}.` });
    }
    case "remove": {
      const result = await asConsoleForm("members", () =>
        removeOrganizationMember(live, who, { organizationId: organization.id, memberId }),
      );
      if (!result.ok) return result.response;
      return redirectWithToast(page, {
        type: "success",
        message: `${result.value.user.email} was removed from ${organization.name}.`,
      });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}
