import type { OAuthClientRegistration } from "~/oauth-provider/client-store.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { SECRET_AUTH_METHODS, type OAuthClientSettings } from "./schema";

/**
 * Portico's client settings in @better-auth/oauth-provider's terms. People see one list of
 * scopes; the plugin keeps two: the user scopes its provider offers for sign-ins (`scopes`),
 * and the service scopes a client-credentials token may carry (`clientCredentialsScopes`).
 */
type ProviderPlugin = { id: string; options?: { scopes?: string[]; grantTypes?: string[] } };

export type ProviderPolicy = { userScopes: string[]; grantTypes: string[] };

/** The scopes and grants the tenant's provider offers, from the plugin's resolved options. */
export function providerPolicy(live: LiveTenant): ProviderPolicy {
  const plugins = (live.auth.options as { plugins?: ProviderPlugin[] }).plugins ?? [];
  const options = plugins.find((plugin) => plugin.id === "oauth-provider")?.options ?? {};
  return {
    userScopes: options.scopes ?? ["openid", "profile", "email", "offline_access"],
    grantTypes: options.grantTypes ?? ["authorization_code", "client_credentials", "refresh_token"],
  };
}

/**
 * http loopback redirect URIs are how native apps and CLIs receive the code (RFC 8252); the
 * plugin accepts them only for `native` clients.
 */
function applicationType(settings: OAuthClientSettings): "web" | "native" {
  return settings.redirectUris.some((uri) => uri.startsWith("http:")) ? "native" : "web";
}

export function splitScopes(settings: Pick<OAuthClientSettings, "scopes">, policy: ProviderPolicy) {
  return {
    userScopes: settings.scopes.filter((scope) => policy.userScopes.includes(scope)),
    serviceScopes: settings.scopes.filter((scope) => !policy.userScopes.includes(scope)),
  };
}

/** The registration app/oauth-provider stores for a new client. */
export function registration(settings: OAuthClientSettings, policy: ProviderPolicy): OAuthClientRegistration {
  const { userScopes, serviceScopes } = splitScopes(settings, policy);
  return {
    name: settings.name,
    logoUri: settings.logoUrl ?? undefined,
    redirectUris: settings.redirectUris,
    postLogoutRedirectUris: settings.postLogoutRedirectUris,
    grantTypes: settings.grantTypes,
    scopes: userScopes,
    clientCredentialsScopes: serviceScopes,
    audiences: settings.audiences,
    tokenEndpointAuthMethod: settings.tokenEndpointAuthMethod,
    jwks: settings.jwks ?? undefined,
    jwksUri: settings.jwksUri ?? undefined,
    skipConsent: settings.firstParty,
    applicationType: applicationType(settings),
  };
}

/**
 * The row fields of a changed client, in the shape registration writes them. The plugin's
 * update endpoints need a tenant user's session (and take neither the authentication method,
 * nor key sources, nor empty lists), so a change is written through better-auth's adapter.
 */
export function changedRowFields(settings: OAuthClientSettings, policy: ProviderPolicy): Record<string, unknown> {
  const { userScopes, serviceScopes } = splitScopes(settings, policy);
  return {
    name: settings.name,
    icon: settings.logoUrl,
    redirectUris: settings.redirectUris,
    postLogoutRedirectUris: settings.postLogoutRedirectUris,
    grantTypes: settings.grantTypes,
    responseTypes: settings.grantTypes.includes("authorization_code") ? ["code"] : [],
    scopes: userScopes,
    clientCredentialsScopes: settings.tokenEndpointAuthMethod === "none" ? [] : serviceScopes,
    tokenEndpointAuthMethod: settings.tokenEndpointAuthMethod,
    jwks: settings.jwks ? JSON.stringify(settings.jwks) : null,
    jwksUri: settings.jwksUri,
    skipConsent: settings.firstParty,
    applicationType: applicationType(settings),
    updatedAt: new Date(),
  };
}

export const usesSecret = (settings: Pick<OAuthClientSettings, "tokenEndpointAuthMethod">) =>
  SECRET_AUTH_METHODS.includes(settings.tokenEndpointAuthMethod);
