import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenant } from "~/tenancy/request.server";
import { jwksResponse } from "~/jwt/well-known.server";
import { rethrowWithPublicCors } from "~/widgets-server/cors.server";

/** `GET /t/:tenant/.well-known/jwks.json`: the public keys the tenant's JWTs are signed with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return jwksResponse(await requireTenant(request, params.tenant).catch(rethrowWithPublicCors));
}
