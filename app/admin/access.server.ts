import { getPortico } from "~/context.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { oncePerRequest } from "~/http/request-scope.server";
import { requirePlatformUser, type PlatformUser } from "~/platform/session.server";
import type { Tenant } from "~/tenancy/tenants.server";

import { roleAtLeast, type Role } from "./roles";

export type ConsoleAccess = { user: PlatformUser; tenant: Tenant; role: Role };

/**
 * Every console loader and action starts here. A platform account that is not a member of
 * the tenant gets 404, exactly as for a tenant that does not exist (no enumeration); a member
 * whose role is too low gets 403, and the attempt is written to the tenant's audit log.
 */
export async function requireTenantRole(
  request: Request,
  slug: string | undefined,
  minimum: Role,
): Promise<ConsoleAccess> {
  const user = await requirePlatformUser(request);
  const { audit } = getPortico();
  const { tenant, membership } = await tenantMembership(slug, user.id);
  if (!tenant || !membership)
    throw new Response("There is no tenant here, or you do not have access to it.", { status: 404 });
  const role = membership.role as Role;
  if (!roleAtLeast(role, minimum)) {
    await audit.record({
      tenantId: tenant.id,
      type: "admin.denied",
      actor: { type: "platform_user", id: user.id, label: user.email },
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
      userAgent: request.headers.get("user-agent"),
      data: { method: request.method, path: new URL(request.url).pathname, role, required: minimum },
    });
    throw new Response(`Your role (${role}) cannot do this; it needs ${minimum} or higher.`, { status: 403 });
  }
  return { user, tenant, role };
}

/** The tenant and the account's membership in it, looked up once per page view (its layouts all ask). */
function tenantMembership(slug: string | undefined, userId: string) {
  return oncePerRequest(`tenant-membership:${slug ?? ""}:${userId}`, async () => {
    const { tenants, storage } = getPortico();
    const tenant = slug ? await tenants.getBySlug(slug) : null;
    const membership = tenant
      ? await (
          await storage.control()
        ).membership.findUnique({
          where: { tenantId_userId: { tenantId: tenant.id, userId } },
          select: { role: true },
        })
      : null;
    return { tenant, membership };
  });
}

/** The audit fields of a console action: who did it, from where. */
export function adminActor(access: ConsoleAccess, request: Request) {
  return {
    tenantId: access.tenant.id,
    actor: { type: "platform_user" as const, id: access.user.id, label: access.user.email },
    ipAddress: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
  };
}
