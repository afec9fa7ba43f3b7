import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonError } from "~/http/responses.server";
import { samlConnectionOf } from "~/sso/routes.server";
import { spMetadata } from "~/sso/saml.server";
import { requireTenant } from "~/tenancy/request.server";

/** The SAML service provider metadata of an organization's connection, for its identity provider. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const connection = await samlConnectionOf(live, params.organizationId);
  if (!connection) return jsonError(404, "not_found", "There is no SAML connection with this id.");
  return new Response(spMetadata(live.tenant.slug, connection), {
    headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8" },
  });
}
