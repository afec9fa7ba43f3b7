import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizationServerMetadata } from "~/oauth-provider/discovery.server";
import { requireTenant } from "~/tenancy/request.server";
import { rethrowWithPublicCors } from "~/widgets-server/cors.server";

/** `GET /t/:tenant/.well-known/oauth-authorization-server`: RFC 8414 metadata (docs/oidc-provider.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return authorizationServerMetadata(await requireTenant(request, params.tenant).catch(rethrowWithPublicCors), request);
}
