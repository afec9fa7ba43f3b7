import type { LoaderFunctionArgs } from "@remix-run/node";
import { resumeAuthorization } from "~/oauth-provider/hosted-flow.server";
import { oauthHostedPaths } from "~/oauth-provider/plugin.server";
import { requireTenant } from "~/tenancy/request.server";

/** After the hosted sign-in: back to the authorize endpoint with the signed request's parameters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return resumeAuthorization(live, request, oauthHostedPaths(live.tenant.slug).signIn);
}
