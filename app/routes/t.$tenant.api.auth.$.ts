import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { forwardToTenantAuth } from "~/auth/auth-api.server";
import { requireTenant } from "~/tenancy/request.server";

/** better-auth's endpoints for one tenant: /t/:tenant/api/auth/sign-in/email, get-session, … */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return forwardToTenantAuth(await requireTenant(request, params.tenant), request);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return forwardToTenantAuth(await requireTenant(request, params.tenant), request);
}
