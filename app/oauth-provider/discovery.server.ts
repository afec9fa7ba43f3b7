import type { LiveTenant } from "~/tenancy/registry.server";
import { withPublicCors } from "~/widgets-server/cors.server";
import { jsonError } from "~/http/responses.server";

/** Relying parties cache discovery; a changed setting shows within five minutes. */
const CACHE_CONTROL = "public, max-age=300";

type MetadataApi = {
  getOpenIdConfig: () => Promise<Record<string, unknown>>;
  getOAuthServerConfig: () => Promise<Record<string, unknown>>;
};

export function oauthProviderEnabled({ tenant }: LiveTenant): boolean {
  const { jwt, oauthProvider } = tenant.config.authMethods;
  return jwt.enabled && oauthProvider.enabled;
}

function metadataApi(live: LiveTenant): MetadataApi {
  return live.auth.api as unknown as MetadataApi;
}

/**
 * OpenID Connect discovery with the provider on: the plugin's document (issuer, every
 * endpoint, scopes, claims), which also names the JWKS that the JWT-only document published.
 */
export async function openIdConfiguration(live: LiveTenant): Promise<Response> {
  const document = await metadataApi(live).getOpenIdConfig();
  return withPublicCors(Response.json(document, { headers: { "Cache-Control": CACHE_CONTROL } }));
}

/** RFC 8414 authorization server metadata: 404 until the tenant turns the provider on. */
export async function authorizationServerMetadata(live: LiveTenant): Promise<Response> {
  if (!oauthProviderEnabled(live)) {
    return withPublicCors(
      jsonError(
        404,
        "oauth_provider_disabled",
        "This tenant is not an OAuth authorization server: turn on “OAuth 2.1 / OpenID Connect provider” in the console.",
      ),
    );
  }
  const document = await metadataApi(live).getOAuthServerConfig();
  return withPublicCors(Response.json(document, { headers: { "Cache-Control": CACHE_CONTROL } }));
}
