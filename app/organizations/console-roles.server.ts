import type { ConsoleAccess } from "~/admin/access.server";
import { BUILT_IN_ROLE_NAMES, builtInPermissions, permissionNames } from "./access.server";
import { requireConsoleOrganization } from "./console.server";

/**
 * The Roles tab: every role a member of the organization can hold (the built-in owner, admin
 * and member, and the organization's own roles from the plugin's dynamic access control),
 * what each may do, and how many members hold it. Custom roles are defined by the
 * organization's owners on its hosted page, so the console reads them.
 */
export async function organizationRolesPage(access: ConsoleAccess, organizationId: string | undefined) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const [custom, members] = await Promise.all([
    live.db.organizationRole.findMany({
      where: { organizationId: organization.id },
      select: { role: true, permission: true },
      orderBy: { role: "asc" },
    }),
    live.db.member.findMany({ where: { organizationId: organization.id }, select: { role: true } }),
  ]);
  const holders = new Map<string, number>();
  for (const { role } of members)
    for (const name of role.split(",")) holders.set(name.trim(), (holders.get(name.trim()) ?? 0) + 1);
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    roles: [
      ...BUILT_IN_ROLE_NAMES.map((role) => ({
        role,
        builtIn: true,
        permissions: builtInPermissions(role),
        members: holders.get(role) ?? 0,
      })),
      ...custom.map(({ role, permission }) => ({
        role,
        builtIn: false,
        permissions: permissionNames(permission),
        members: holders.get(role) ?? 0,
      })),
    ],
  };
}
