import type { LoaderFunctionArgs } from "@remix-run/node";
import { startForWidget } from "~/sso/hosted.server";
import { requireTenant } from "~/tenancy/request.server";
import { rethrowWithPublicCors, withCors } from "~/widgets-server/cors.server";

/**
 * GET /t/:tenant/api/sso/discover?email=…&redirectTo=…: home-realm discovery for the
 * `<auth-login>` widget. `{ "url": … }` is the identity provider's sign-in page when an
 * organization verified the address's domain, else `{ "url": null }` (sign in with a password).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant).catch(rethrowWithPublicCors);
  return withCors(request, live.tenant, Response.json({ url: await startForWidget(live, request) }));
}
