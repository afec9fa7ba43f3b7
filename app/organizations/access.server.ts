import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

/**
 * What members of an organization may do, as better-auth's access control statements
 * (resource → actions). The built-in roles keep better-auth's defaults; an organization adds
 * its own roles from these statements (dynamic access control, stored in `organizationRole`).
 */
export const ORGANIZATION_STATEMENTS = defaultStatements;

export const organizationAc = createAccessControl(ORGANIZATION_STATEMENTS);

export const BUILT_IN_ROLES = {
  owner: organizationAc.newRole(ownerAc.statements),
  admin: organizationAc.newRole(adminAc.statements),
  member: organizationAc.newRole(memberAc.statements),
};

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;
export const BUILT_IN_ROLE_NAMES = Object.keys(BUILT_IN_ROLES) as BuiltInRole[];

export type OrganizationResource = keyof typeof ORGANIZATION_STATEMENTS;

/** A permission as the hosted pages name it, e.g. "invitation:create". */
export type PermissionName = `${OrganizationResource}:${string}`;

/** Every permission a custom role may hold, in the order the role form lists them. */
export const GRANTABLE_PERMISSIONS: PermissionName[] = (
  Object.entries(ORGANIZATION_STATEMENTS) as [OrganizationResource, readonly string[]][]
).flatMap(([resource, actions]) => actions.map((action) => `${resource}:${action}` as PermissionName));

/** "invitation:create" → { invitation: ["create"] }, as better-auth's endpoints take it. */
export function permissionRecord(names: readonly string[]): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const name of names) {
    const [resource, action] = name.split(":");
    if (!resource || !action) continue;
    (record[resource] ??= []).push(action);
  }
  return record;
}

/** A custom role's stored permissions (JSON, resource → actions) as names, e.g. ["invitation:create"]. */
export function permissionNames(stored: string): string[] {
  try {
    const record = JSON.parse(stored) as Record<string, string[]>;
    return Object.entries(record).flatMap(([resource, actions]) => actions.map((action) => `${resource}:${action}`));
  } catch {
    return [];
  }
}

/** What a built-in role may do, as permission names. */
export function builtInPermissions(role: BuiltInRole): string[] {
  const statements = BUILT_IN_ROLES[role].statements as Record<string, readonly string[]>;
  return Object.entries(statements).flatMap(([resource, actions]) => actions.map((action) => `${resource}:${action}`));
}
