import { oauthProvider } from "@better-auth/oauth-provider";
import type { BetterAuthPlugin } from "better-auth";
import type { AuthMethodSettings } from "~/auth-methods/catalog";
import type { AuthMethodContext } from "~/auth-methods/method-context";
import { tenantBasePath } from "~/auth/tenant-urls";
import type { TenantDb } from "~/db/clients.server";
import { tokenIssuanceCounter } from "./token-events.server";

/** The standard OpenID Connect scopes, and Portico's own for the user's organizations. */
export const OIDC_SCOPES = ["openid", "profile", "email", "offline_access"] as const;
export const ORGANIZATIONS_SCOPE = "organizations";

/** The hosted pages the authorization endpoint sends the browser to (app/routes/t.$tenant.oauth2.*). */
export function oauthHostedPaths(slug: string) {
  const base = `${tenantBasePath(slug)}/oauth2`;
  return { signIn: `${base}/sign-in`, consent: `${base}/consent`, resume: `${base}/resume` };
}

/** The tenant's limit, or `max` per `window` seconds when the tenant's is tighter. */
function atLeast(limit: { window: number; max: number } | undefined, window: number, max: number) {
  if (!limit || limit.max / limit.window < max / window) return { window, max };
  return limit;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** `organizations` claim: the user's memberships with their roles, when that scope was granted. */
async function organizationsClaim(db: TenantDb | undefined, userId: string | undefined, scopes: readonly string[]) {
  if (!db || !userId || !scopes.includes(ORGANIZATIONS_SCOPE)) return {};
  const memberships = await db.member.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    organizations: memberships.map(({ role, organization }) => ({
      id: organization.id,
      slug: organization.slug,
      name: organization.name,
      roles: role.split(",").filter(Boolean),
    })),
  };
}

/**
 * @better-auth/oauth-provider for one tenant (docs/oidc-provider.md, decision 0019). The issuer
 * is the jwt plugin's (`<PUBLIC_URL>/t/<slug>`), so ID and access tokens verify against the
 * same JWKS as every other Portico JWT. Clients are registered by the console and the
 * management API only (app/oauth-clients): end users cannot create, change or delete them.
 */
export function tenantOAuthProviderPlugin(
  settings: AuthMethodSettings<"oauthProvider">,
  { tenant, db, onEvent, publicUrl, rateLimit, organizations }: AuthMethodContext & { organizations: boolean },
): BetterAuthPlugin[] {
  const paths = oauthHostedPaths(tenant.slug);
  const scopes = organizations ? [...OIDC_SCOPES, ORGANIZATIONS_SCOPE] : [...OIDC_SCOPES];
  const accessTokenSeconds = settings.accessTokenMinutes * 60;
  const provider = oauthProvider({
    loginPage: paths.signIn,
    consentPage: paths.consent,
    scopes,
    accessTokenExpiresIn: accessTokenSeconds,
    m2mAccessTokenExpiresIn: accessTokenSeconds,
    idTokenExpiresIn: settings.idTokenMinutes * 60,
    refreshTokenExpiresIn: settings.refreshTokenDays * 24 * 60 * 60,
    // Secrets, refresh tokens and opaque access tokens are kept as SHA-256 hashes (the
    // plugin's defaults, written out because they are a promise of this product).
    storeClientSecret: "hashed",
    storeTokens: "hashed",
    // Clients belong to the tenant's administrators: the console and /api/v1 register them
    // through app/oauth-clients. A signed-in end user asking the plugin's own endpoints to
    // create, read, change or delete one is refused.
    clientPrivileges: () => false,
    resourcePrivileges: () => false,
    allowDynamicClientRegistration: false,
    // A deployment on plain http (development, PUBLIC_URL http://localhost:…) also accepts
    // http://localhost redirect URIs for web clients; an https deployment never does.
    allowInsecureRedirectUri: publicUrl.protocol === "http:" ? (url) => isLoopbackHost(url.hostname) : undefined,
    // Services ask for tokens and introspect them far more often than people sign in: the
    // token and introspection endpoints get the tenant's own per-IP limit (Settings) rather
    // than the plugin's 20 and 100 a minute, never less than those.
    rateLimit: {
      token: atLeast(rateLimit, 60, 20),
      introspect: atLeast(rateLimit, 60, 100),
    },
    customIdTokenClaims: ({ user, scopes: granted }) => organizationsClaim(db, user.id, granted),
    customUserInfoClaims: ({ user, scopes: granted }) => organizationsClaim(db, user.id, granted),
    customAccessTokenClaims: ({ user, scopes: granted }) => organizationsClaim(db, user?.id, granted),
  });
  return [provider as unknown as BetterAuthPlugin, tokenIssuanceCounter(onEvent)];
}
