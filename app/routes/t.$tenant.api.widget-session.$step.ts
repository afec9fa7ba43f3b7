import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { jsonError } from "~/http/responses.server";
import { requireTenant } from "~/tenancy/request.server";
import { keptSessionResponse } from "~/widgets-server/kept-session.server";
import { rethrowWithPublicCors } from "~/widgets-server/cors.server";

/**
 * POST /t/:tenant/api/widget-session/(keep|restore|forget): the widget's session kept across
 * reloads in an HttpOnly cookie on Portico's host (app/widgets-server/kept-session.server.ts).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant).catch(rethrowWithPublicCors);
  return keptSessionResponse(live, request, params.step);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireTenant(request, params.tenant);
  return jsonError(405, "method_not_allowed", "Use POST.");
}
