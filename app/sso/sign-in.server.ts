import { redirect } from "@remix-run/node";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { getPortico } from "~/context.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantRequestContext } from "~/tenancy/request.server";
import type { LoginPurpose, SsoConnection } from "./connections.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { emailDomain, roleFor, type IdpAnswer } from "./identity";
import { signInWithIdentity } from "./jit.server";
import { oidcSignInUrl } from "./oidc.server";
import { samlSignInUrl } from "./saml.server";

/**
 * The browser's way through enterprise SSO: which connection an email or organization uses
 * (home-realm discovery), the redirect to the identity provider, and the landing after its
 * answer (a session and the page the user wanted, or the sign-in error page with a code).
 */

/** The SSO connection of the organization that verified this email's domain, if any. */
export async function connectionForEmail(live: TenantRequestContext, email: string): Promise<SsoConnection | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const { sso, ssoDomains } = getPortico();
  const organizationId = await ssoDomains.organizationFor(live.tenant.id, domain);
  return organizationId ? sso.get(live.tenant.id, organizationId) : null;
}

/** The SSO connection of the organization with this slug, if it has one. */
export async function connectionForOrganization(
  live: TenantRequestContext,
  slug: string,
): Promise<SsoConnection | null> {
  const organization = await live.db.organization.findUnique({
    where: { slug: slug.slice(0, 100) },
    select: { id: true },
  });
  return organization ? getPortico().sso.get(live.tenant.id, organization.id) : null;
}

/** Whether any organization of the tenant signs in with SSO (the sign-in page then offers it). */
export async function tenantHasSso(live: TenantRequestContext): Promise<boolean> {
  return (await getPortico().sso.listForTenant(live.tenant.id)).size > 0;
}

/** A redirect to the connection's identity provider, coming back to `redirectTo` once signed in. */
export async function redirectToIdentityProvider(
  live: LiveTenant,
  connection: SsoConnection,
  login: { redirectTo: string | null; purpose: LoginPurpose; loginHint?: string },
) {
  const url =
    connection.protocol === "oidc"
      ? await oidcSignInUrl(live.tenant.slug, connection, login)
      : await samlSignInUrl(live.tenant.slug, connection, login);
  return redirect(url);
}

/**
 * A refused sign-in or a console test, in the audit log: an administrator setting SSO up sees
 * the reason (`sso.sign_in_refused`) or what the IdP sent (`sso.test_succeeded`).
 */
async function recordOutcome(
  live: TenantRequestContext,
  request: Request,
  connection: SsoConnection,
  type: "sso.sign_in_refused" | "sso.test_succeeded",
  data: Record<string, unknown>,
) {
  await getPortico().audit.record({
    tenantId: live.tenant.id,
    actor: { type: "anonymous" },
    ipAddress: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
    type,
    target: { type: "organization", id: connection.organizationId, label: connection.organizationId },
    data: { connectionId: connection.id, protocol: connection.protocol, ...data },
  });
}

/** The console's SSO page of the connection's organization, where a test comes back to. */
export const consoleSsoPath = (tenantSlug: string, organizationId: string) =>
  `/admin/${tenantSlug}/organizations/${organizationId}/sso`;

export async function finishSsoSignIn(
  live: TenantRequestContext,
  request: Request,
  connection: SsoConnection,
  answer: IdpAnswer,
) {
  const errorPage = (code: string) => redirect(`${live.basePath}/sign-in/error?error=${code}`);
  if (!answer.ok) {
    await recordOutcome(live, request, connection, "sso.sign_in_refused", {
      code: answer.code,
      detail: answer.detail.slice(0, 500),
    });
    return errorPage(answer.code);
  }
  if (answer.test) {
    // An administrator's test: what the IdP sent and the role it would give; nobody is signed in.
    const { role } = roleFor(answer.identity.groups, connection.attributeMapping, connection.defaultRole);
    await recordOutcome(live, request, connection, "sso.test_succeeded", { ...answer.identity, role });
    return redirect(`${consoleSsoPath(live.tenant.slug, connection.organizationId)}?tested=1`);
  }
  const result = await signInWithIdentity(live, request, connection, answer.identity);
  if (!result.ok) {
    await recordOutcome(live, request, connection, "sso.sign_in_refused", {
      code: result.code,
      detail: answer.identity.email,
    });
    return errorPage(result.code);
  }
  const headers = new Headers();
  for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(answer.redirectTo ?? `${live.basePath}/account`, { headers });
}
