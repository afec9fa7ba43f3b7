import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonError } from "~/http/responses.server";
import { requireTenant } from "~/tenancy/request.server";

/** Any /t/:tenant/api/… path other than the auth API: JSON 404 (after the tenant's own 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireTenant(request, params.tenant);
  return jsonError(404, "not_found", "No such endpoint.");
}

export const action = loader;
