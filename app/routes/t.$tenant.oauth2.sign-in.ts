import type { LoaderFunctionArgs } from "@remix-run/node";
import { startSignIn } from "~/oauth-provider/hosted-flow.server";
import { oauthHostedPaths } from "~/oauth-provider/plugin.server";
import { requireTenant } from "~/tenancy/request.server";

/** The OAuth provider's login page: on to the hosted sign-in, which comes back to `resume`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return startSignIn(live, request, oauthHostedPaths(live.tenant.slug).resume);
}
