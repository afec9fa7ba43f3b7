import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { forwardAuthEndpoint } from "~/forward-auth/endpoint.server";
import { requireTenant } from "~/tenancy/request.server";

/**
 * Forward auth for gateways (nginx auth_request, Traefik ForwardAuth, Caddy forward_auth, Envoy
 * ext_authz). Envoy sends the original method, so actions answer like loaders.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return forwardAuthEndpoint(live, request, params["*"] ?? "");
}

export const action = ({ request, params }: ActionFunctionArgs) => loader({ request, params, context: {} });
