import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenant } from "~/tenancy/request.server";
import { discoveryResponse } from "~/jwt/well-known.server";
import { rethrowWithPublicCors } from "~/widgets-server/cors.server";

/** `GET /t/:tenant/.well-known/openid-configuration`: the issuer and where its keys are. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return discoveryResponse(await requireTenant(request, params.tenant).catch(rethrowWithPublicCors), request);
}
