import { getPortico } from "~/context.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/** The tenant's SAML connection named in a route; null (a 404) for another tenant's or an OIDC one. */
export async function samlConnectionOf(live: TenantRequestContext, id: string | undefined) {
  if (!id) return null;
  const connection = await getPortico().sso.getById(live.tenant.id, id);
  return connection?.protocol === "saml" ? connection : null;
}
