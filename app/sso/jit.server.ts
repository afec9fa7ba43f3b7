import { randomUUID } from "node:crypto";
import type { AuditActor } from "~/audit/audit.server";
import { sessionCookies } from "~/auth/session-cookies.server";
import { getPortico } from "~/context.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { isBanActive } from "~/users/search.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import type { SsoConnection } from "./connections.server";
import { emailDomain, roleFor, type IdpIdentity } from "./identity";

/**
 * Just-in-time provisioning and the session of an SSO sign-in. The IdP's user is found by the
 * account linked to this connection (provider `sso:<connection id>`, account id = NameID or
 * `sub`), else by email; created when new; made a member of the organization with the mapped
 * role; then signed in with a session better-auth created (its hooks report `session.created`).
 *
 * An existing account is linked only when it is already a member of the organization or its
 * email is at a domain the organization verified: otherwise any organization's IdP could sign
 * in as any user of the tenant by asserting their address.
 */
export type SsoSignInRefusal = "sso_no_email" | "sso_account_exists" | "sso_banned" | "sso_unavailable";

export type SsoSignInResult =
  { ok: true; userId: string; setCookies: string[] } | { ok: false; code: SsoSignInRefusal };

const ssoActor = (connection: SsoConnection, slug: string): AuditActor => ({
  type: "sso",
  id: connection.id,
  label: `sso:${slug}`,
});

export async function signInWithIdentity(
  live: TenantRequestContext,
  request: Request,
  connection: SsoConnection,
  identity: IdpIdentity,
): Promise<SsoSignInResult> {
  const domain = emailDomain(identity.email);
  if (!domain || !identity.subject) return { ok: false, code: "sso_no_email" };
  const { db, auth, tenant } = live;
  const organization = await db.organization.findUnique({
    where: { id: connection.organizationId },
    select: { id: true, slug: true },
  });
  if (!organization) return { ok: false, code: "sso_unavailable" };
  const providerId = `sso:${connection.id}`;
  const { internalAdapter, sessionConfig } = await auth.$context;
  const linked = await db.account.findFirst({
    where: { providerId, accountId: identity.subject },
    select: { userId: true },
  });
  let userId = linked?.userId ?? null;
  const domainVerified = (await getPortico().ssoDomains.organizationFor(tenant.id, domain)) === organization.id;
  if (!userId) {
    const existing = await db.user.findUnique({ where: { email: identity.email }, select: { id: true } });
    if (existing) {
      const member = await db.member.findFirst({ where: { organizationId: organization.id, userId: existing.id } });
      if (!member && !domainVerified) return { ok: false, code: "sso_account_exists" };
      userId = existing.id;
    } else {
      const created = await internalAdapter.createUser(
        { email: identity.email, name: identity.name ?? identity.email.split("@")[0]!, emailVerified: domainVerified },
        { method: connection.protocol === "oidc" ? "sso-oidc" : "sso-saml", sso: { providerId } },
      );
      userId = created.id;
    }
    await internalAdapter.linkAccount({ userId, providerId, accountId: identity.subject });
  }
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return { ok: false, code: "sso_unavailable" };
  if (isBanActive(user)) return { ok: false, code: "sso_banned" };
  if (identity.name && identity.name !== user.name) await internalAdapter.updateUser(user.id, { name: identity.name });
  await syncMembership(live, request, connection, organization, user, identity.groups);
  const session = await internalAdapter.createSession(user.id, false, {
    activeOrganizationId: organization.id,
    ipAddress: request.headers.get(CLIENT_IP_HEADER) ?? "",
    userAgent: request.headers.get("user-agent") ?? "",
  });
  return {
    ok: true,
    userId: user.id,
    setCookies: await sessionCookies(auth, session.token, { maxAge: sessionConfig.expiresIn, dontRemember: false }),
  };
}

/**
 * Makes the user a member with the role their groups map to. An existing member's role follows
 * their groups only when the connection maps groups; an owner is never changed by an IdP.
 */
async function syncMembership(
  live: TenantRequestContext,
  request: Request,
  connection: SsoConnection,
  organization: { id: string; slug: string },
  user: { id: string; email: string },
  groups: string[],
) {
  const { db, tenant } = live;
  const { role, fromGroup } = roleFor(groups, connection.attributeMapping, connection.defaultRole);
  const member = await db.member.findFirst({ where: { organizationId: organization.id, userId: user.id } });
  const audit = (type: string, data: Record<string, unknown>) =>
    getPortico().audit.record({
      tenantId: tenant.id,
      actor: ssoActor(connection, organization.slug),
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
      userAgent: request.headers.get("user-agent"),
      type,
      target: { type: "organization", id: organization.id, label: organization.slug },
      data: { organizationId: organization.id, slug: organization.slug, userId: user.id, email: user.email, ...data },
    });
  if (!member) {
    const created = await db.member.create({
      data: { id: randomUUID(), organizationId: organization.id, userId: user.id, role, createdAt: new Date() },
    });
    await audit("admin.organization.member_added", { role, memberId: created.id });
    return;
  }
  const mapsGroups = Object.keys(connection.attributeMapping.groupRoles).length > 0;
  if (
    !mapsGroups ||
    member.role === "owner" ||
    member.role === role ||
    (!fromGroup && member.role === connection.defaultRole)
  )
    return;
  await db.member.update({ where: { id: member.id }, data: { role } });
  await audit("admin.organization.member_role_changed", { memberId: member.id, from: member.role, role });
}
