import { getOrgAdapter } from "better-auth/plugins/organization";
import type { OrganizationOptions } from "better-auth/plugins";
import type { LiveTenant } from "~/tenancy/registry.server";
import { OrganizationError } from "./admin-errors.server";

type OrganizationPlugin = { id: "organization"; options: OrganizationOptions };

const OFF = "Invitations are accepted on the hosted pages, which need Organizations switched on (Auth methods).";

/** The plugin as the tenant's auth runs it (its options and adapter), or a refusal while the tenant has organizations off. */
export async function requirePlugin(live: LiveTenant, whyNeeded = OFF) {
  const context = await live.auth.$context;
  const plugin = context.options.plugins?.find((p): p is OrganizationPlugin & typeof p => p.id === "organization");
  if (!plugin) throw new OrganizationError("organizations_off", whyNeeded);
  // The tenant's auth is built from options only known at run time, so its context is wider
  // than the adapter's parameter type; it is the same object the plugin's endpoints use.
  const adapter = getOrgAdapter(context as unknown as Parameters<typeof getOrgAdapter>[0], plugin.options);
  return { options: plugin.options, adapter };
}
