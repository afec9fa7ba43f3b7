import { deviceName } from "~/sessions/device-name";
import { normalizeIp } from "~/http/client-ip";
import type { ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { isBanActive } from "./search.server";

/**
 * The console's handle on a tenant's own users: its live better-auth instance and database,
 * resolved by the tenant id the membership check already established.
 */
export async function requireLiveTenant(access: ConsoleAccess): Promise<LiveTenant> {
  const resolved = await getPortico().registry.resolve({ id: access.tenant.id });
  if (resolved.status === "ok") return resolved;
  if (resolved.status === "unavailable")
    throw new Response(`This tenant's database cannot be reached right now: ${resolved.message}`, {
      status: 503,
      headers: { "Retry-After": "5" },
    });
  throw new Response("This tenant is disabled. Enable it to manage its users.", { status: 409 });
}

/** A user of this tenant, or 404: an id from another tenant (or none) is simply not here. */
export async function requireTenantUser(live: LiveTenant, userId: string | undefined) {
  const user = userId
    ? await live.db.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          emailVerified: true,
          image: true,
          createdAt: true,
          updatedAt: true,
          banned: true,
          banReason: true,
          banExpires: true,
          twoFactorEnabled: true,
          publicMetadata: true,
          privateMetadata: true,
        },
      })
    : null;
  if (!user) throw new Response("There is no such user in this tenant.", { status: 404 });
  return user;
}

export type TenantUser = Awaited<ReturnType<typeof requireTenantUser>>;

/** Everything the user detail page shows: profile, sign-in methods, live sessions. */
export async function getUserDetail(live: LiveTenant, userId: string | undefined) {
  const user = await requireTenantUser(live, userId);
  const [accounts, sessions, passkeys] = await Promise.all([
    live.db.account.findMany({
      where: { userId: user.id },
      select: { id: true, providerId: true, accountId: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    live.db.session.findMany({
      where: { userId: user.id, expiresAt: { gt: new Date() } },
      select: {
        id: true,
        ipAddress: true,
        userAgent: true,
        createdAt: true,
        expiresAt: true,
        impersonatedBy: true,
      },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
    live.db.passkey.findMany({
      where: { userId: user.id },
      select: { id: true, name: true, deviceType: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
  ]);
  return {
    user: { ...user, banned: isBanActive(user), twoFactorEnabled: Boolean(user.twoFactorEnabled) },
    accounts,
    passkeys,
    sessions: sessions.map(({ impersonatedBy, ...session }) => ({
      ...session,
      ipAddress: normalizeIp(session.ipAddress),
      device: deviceName(session.userAgent),
      impersonated: Boolean(impersonatedBy),
    })),
  };
}
