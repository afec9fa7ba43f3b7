import { getPortico } from "~/context.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/** The SAML connection of the organization named in a route; null (a 404) when it has none. */
export async function samlConnectionOf(live: TenantRequestContext, organizationId: string | undefined) {
  if (!organizationId) return null;
  const connection = await getPortico().sso.get(live.tenant.id, organizationId.slice(0, 100));
  return connection?.protocol === "saml" ? connection : null;
}
