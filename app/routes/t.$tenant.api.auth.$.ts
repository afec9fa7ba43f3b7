import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { forwardToTenantAuth } from "~/auth/auth-api.server";
import { requireTenant } from "~/tenancy/request.server";
import { widgetAuthApi } from "~/widgets-server/auth-api.server";

/**
 * better-auth's endpoints for one tenant: /t/:tenant/api/auth/sign-in/email, get-session, …
 * reachable from the tenant's trusted origins by the widgets (CORS, app/widgets-server).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return widgetAuthApi(live, request, (forwarded) => forwardToTenantAuth(live, forwarded));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return widgetAuthApi(live, request, (forwarded) => forwardToTenantAuth(live, forwarded));
}
