import { createHash, randomBytes } from "node:crypto";
import type { TenantAuth } from "~/auth/tenant-auth.server";

/**
 * Storage of OAuth clients in the tenant's database, in the shape @better-auth/oauth-provider
 * reads. Writes go through the tenant's better-auth adapter, which turns lists into JSON text
 * on SQLite and arrays on PostgreSQL. Validation, permissions and events belong to the
 * capability on top (app/oauth-clients); this module only keeps the plugin's invariants.
 */

export const TOKEN_ENDPOINT_AUTH_METHODS = [
  "none",
  "client_secret_basic",
  "client_secret_post",
  "private_key_jwt",
] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

export const OAUTH_GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials"] as const;
export type OAuthGrantType = (typeof OAUTH_GRANT_TYPES)[number];

export type OAuthClientRegistration = {
  /** Shown on the consent page. */
  name: string;
  /** `none`: a public client (SPA, mobile, CLI) that must use PKCE; the others are confidential. */
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  grantTypes: readonly OAuthGrantType[];
  /** Exact-match redirect URIs for the authorization code flow. */
  redirectUris?: readonly string[];
  /** Where RP-initiated logout may send the browser afterwards. */
  postLogoutRedirectUris?: readonly string[];
  /** Scopes the client may ask users for (openid profile email offline_access organizations). */
  scopes?: readonly string[];
  /** Scopes the client may give itself with client credentials (e.g. `orders:read`). */
  clientCredentialsScopes?: readonly string[];
  /** APIs (RFC 8707 resource identifiers, absolute URIs) the client may ask tokens for: their `aud`. */
  audiences?: readonly string[];
  /** First-party application: users are not asked for consent. */
  skipConsent?: boolean;
  logoUri?: string;
  clientUri?: string;
  tosUri?: string;
  policyUri?: string;
  /** private_key_jwt: the client's public keys, inline or at a URL (one of the two). */
  jwks?: { keys: Record<string, unknown>[] };
  jwksUri?: string;
  /** `native` allows loopback and custom-scheme redirect URIs. */
  applicationType?: "web" | "native";
};

export type RegisteredOAuthClient = {
  clientId: string;
  /** Shown once: only its SHA-256 hash is stored. */
  clientSecret: string | null;
};

/** The plugin's stored form of a client secret: SHA-256, base64url without padding. */
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

function newClientSecret(): string {
  return `pcs_${randomBytes(32).toString("base64url")}`;
}

async function adapterOf(auth: TenantAuth) {
  return (await auth.$context).adapter;
}

/** The resources (audiences) a client is linked to, created on first use. */
async function linkAudiences(auth: TenantAuth, clientId: string, audiences: readonly string[]) {
  const adapter = await adapterOf(auth);
  const now = new Date();
  for (const identifier of new Set(audiences)) {
    const existing = await adapter.findOne({
      model: "oauthResource",
      where: [{ field: "identifier", value: identifier }],
    });
    if (!existing) {
      await adapter.create({
        model: "oauthResource",
        data: { identifier, name: identifier, disabled: false, createdAt: now, updatedAt: now, policyVersion: 1 },
      });
    }
    await adapter.create({ model: "oauthClientResource", data: { clientId, resourceId: identifier, createdAt: now } });
  }
}

export async function registerOAuthClient(
  auth: TenantAuth,
  input: OAuthClientRegistration,
): Promise<RegisteredOAuthClient> {
  const adapter = await adapterOf(auth);
  const clientId = randomBytes(18).toString("base64url");
  const usesSecret =
    input.tokenEndpointAuthMethod === "client_secret_basic" || input.tokenEndpointAuthMethod === "client_secret_post";
  const clientSecret = usesSecret ? newClientSecret() : null;
  const isPublic = input.tokenEndpointAuthMethod === "none";
  const now = new Date();
  await adapter.create({
    model: "oauthClient",
    data: {
      clientId,
      clientSecret: clientSecret ? hashClientSecret(clientSecret) : undefined,
      name: input.name,
      icon: input.logoUri,
      uri: input.clientUri,
      tos: input.tosUri,
      policy: input.policyUri,
      redirectUris: [...(input.redirectUris ?? [])],
      postLogoutRedirectUris: [...(input.postLogoutRedirectUris ?? [])],
      scopes: [...(input.scopes ?? [])],
      // Public clients cannot hold a credential, so they never get machine tokens.
      clientCredentialsScopes: isPublic ? [] : [...(input.clientCredentialsScopes ?? [])],
      grantTypes: [...input.grantTypes],
      responseTypes: input.grantTypes.includes("authorization_code") ? ["code"] : [],
      tokenEndpointAuthMethod: input.tokenEndpointAuthMethod,
      jwks: input.jwks ? JSON.stringify(input.jwks) : undefined,
      jwksUri: input.jwksUri,
      applicationType: input.applicationType ?? "web",
      skipConsent: input.skipConsent ?? false,
      enableEndSession: true,
      // PKCE for everyone: required of public clients by OAuth 2.1, harmless for the others.
      requirePKCE: true,
      disabled: false,
      subjectType: "public",
      createdAt: now,
      updatedAt: now,
    },
  });
  await linkAudiences(auth, clientId, input.audiences ?? []);
  return { clientId, clientSecret };
}

/** A new secret for a confidential client; the old one stops working at once. */
export async function rotateOAuthClientSecret(auth: TenantAuth, clientId: string): Promise<string | null> {
  const adapter = await adapterOf(auth);
  const client = await adapter.findOne<{ tokenEndpointAuthMethod?: string | null }>({
    model: "oauthClient",
    where: [{ field: "clientId", value: clientId }],
  });
  const method = client?.tokenEndpointAuthMethod;
  if (method !== "client_secret_basic" && method !== "client_secret_post") return null;
  const secret = newClientSecret();
  await adapter.update({
    model: "oauthClient",
    where: [{ field: "clientId", value: clientId }],
    update: { clientSecret: hashClientSecret(secret), updatedAt: new Date() },
  });
  return secret;
}

/** Removes a client with its tokens, consents and audience links (cascading foreign keys). */
export async function deleteOAuthClient(auth: TenantAuth, clientId: string): Promise<boolean> {
  const adapter = await adapterOf(auth);
  const client = await adapter.findOne({ model: "oauthClient", where: [{ field: "clientId", value: clientId }] });
  if (!client) return false;
  await adapter.delete({ model: "oauthClient", where: [{ field: "clientId", value: clientId }] });
  return true;
}
