import type { LoaderFunctionArgs } from "@remix-run/node";
import { forwardAuthEndpoint } from "~/forward-auth/endpoint.server";
import { requireTenant } from "~/tenancy/request.server";

/**
 * The browser's steps through a gateway (authorize, callback, sign-out; docs/gateways.md). The
 * decisions themselves are answered by server.ts before Remix (app/forward-auth/gateway-http.server.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return forwardAuthEndpoint(live, request, params["*"] ?? "");
}
