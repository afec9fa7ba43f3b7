import { tenantBasePath } from "~/auth/tenant-urls";
import { jsonError } from "~/http/responses.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { withPublicCors } from "~/widgets-server/cors.server";
import { customDomainOrigin, withIssuerOfHost } from "./issuer.server";

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
 * A metadata document as seen from the host it was asked on. The plugin builds its endpoint
 * URLs from the shared host (`<PUBLIC_URL>/t/<slug>/api/auth/…`); on a custom domain they are
 * that domain's (`https://auth.acme.com/api/auth/…`), beside its own issuer (decision 0024).
 */
async function documentForHost(
  live: TenantRequestContext,
  request: Request,
  build: () => Promise<Record<string, unknown>>,
): Promise<Response> {
  const document = await withIssuerOfHost(live, request, build);
  const origin = customDomainOrigin(live, request);
  if (origin) {
    const sharedHostBase = `${new URL(String(live.auth.options.baseURL)).origin}${tenantBasePath(live.tenant.slug)}/`;
    for (const [name, value] of Object.entries(document)) {
      if (typeof value === "string" && value.startsWith(sharedHostBase))
        document[name] = `${origin}/${value.slice(sharedHostBase.length)}`;
    }
  }
  return withPublicCors(Response.json(document, { headers: { "Cache-Control": CACHE_CONTROL } }));
}

/**
 * OpenID Connect discovery with the provider on: the plugin's document (issuer, every
 * endpoint, scopes, claims), which also names the JWKS that the JWT-only document published.
 */
export async function openIdConfiguration(live: TenantRequestContext, request: Request): Promise<Response> {
  return documentForHost(live, request, () => metadataApi(live).getOpenIdConfig());
}

/** RFC 8414 authorization server metadata: 404 until the tenant turns the provider on. */
export async function authorizationServerMetadata(live: TenantRequestContext, request: Request): Promise<Response> {
  if (!oauthProviderEnabled(live)) {
    return withPublicCors(
      jsonError(
        404,
        "oauth_provider_disabled",
        "This tenant is not an OAuth authorization server: turn on “OAuth 2.1 / OpenID Connect provider” in the console.",
      ),
    );
  }
  return documentForHost(live, request, () => metadataApi(live).getOAuthServerConfig());
}
