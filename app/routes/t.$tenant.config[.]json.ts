import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicConfigResponse } from "~/auth-methods/public-config.server";
import { requireTenant } from "~/tenancy/request.server";
import { rethrowWithPublicCors } from "~/widgets-server/cors.server";

/** `GET /t/:tenant/config.json`: the tenant's public sign-in configuration (no secrets). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // Widgets on other origins must be able to read "unknown tenant" too.
  const { tenant } = await requireTenant(request, params.tenant).catch(rethrowWithPublicCors);
  return publicConfigResponse(request, tenant);
}
