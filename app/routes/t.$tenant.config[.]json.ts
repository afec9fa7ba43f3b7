import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicConfigResponse } from "~/auth-methods/public-config.server";
import { requireTenant } from "~/tenancy/request.server";

/** `GET /t/:tenant/config.json`: the tenant's public sign-in configuration (no secrets). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenant(request, params.tenant);
  return publicConfigResponse(request, tenant);
}
