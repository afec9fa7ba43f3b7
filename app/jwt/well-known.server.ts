import { getPortico } from "~/context.server";
import { jsonError } from "~/http/responses.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { withPublicCors } from "~/widgets-server/cors.server";
import { oauthProviderEnabled, openIdConfiguration } from "~/oauth-provider/discovery.server";
import { jwtIssuer } from "./plugin.server";

/**
 * Verifiers cache the key set; jose refetches on an unknown `kid`, and a rotated key is
 * published before it signs anything (rotateJwtKeys), so a few minutes are safe.
 */
const CACHE_CONTROL = "public, max-age=300";

function jwtOff(): Response {
  return withPublicCors(
    jsonError(404, "jwt_disabled", "This tenant does not issue JWTs: turn on “JWT and JWKS” in the console."),
  );
}

export async function jwksResponse({ tenant, auth }: LiveTenant): Promise<Response> {
  if (!tenant.config.authMethods.jwt.enabled) return jwtOff();
  const api = auth.api as unknown as { getJwks: () => Promise<{ keys: unknown[] }> };
  const jwks = await api.getJwks();
  return withPublicCors(Response.json(jwks, { headers: { "Cache-Control": CACHE_CONTROL } }));
}

/**
 * `/.well-known/openid-configuration`: one truthful document. With the OAuth provider on, the
 * full OpenID Connect metadata (app/oauth-provider); with only JWTs on, the issuer and its keys.
 */
export async function discoveryResponse(live: TenantRequestContext, request: Request): Promise<Response> {
  const { tenant } = live;
  if (!tenant.config.authMethods.jwt.enabled) return jwtOff();
  if (oauthProviderEnabled(live)) return openIdConfiguration(live, request);
  const issuer = jwtIssuer(getPortico().env.publicUrl, tenant.slug);
  const document = {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: [tenant.config.authMethods.jwt.algorithm],
    subject_types_supported: ["public"],
  };
  return withPublicCors(Response.json(document, { headers: { "Cache-Control": CACHE_CONTROL } }));
}
