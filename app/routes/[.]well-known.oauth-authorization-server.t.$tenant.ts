import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizationServerMetadata } from "~/oauth-provider/discovery.server";
import { requireTenant } from "~/tenancy/request.server";
import { rethrowWithPublicCors } from "~/widgets-server/cors.server";

/**
 * `GET /.well-known/oauth-authorization-server/t/:tenant`: the same metadata where RFC 8414 §3
 * puts it for an issuer with a path (`<origin>/t/<slug>`), which RFC 8414 clients ask first.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return authorizationServerMetadata(await requireTenant(request, params.tenant).catch(rethrowWithPublicCors), request);
}
