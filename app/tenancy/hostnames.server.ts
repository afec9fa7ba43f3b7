import { getPortico } from "~/context.server";

/**
 * The slug of the tenant whose custom domain this is, or null for the platform's own host.
 * Called by server.ts for every request to a host other than PUBLIC_URL's, so results come
 * from the registry's short-lived lookup cache.
 */
export async function hostTenantSlug(hostname: string): Promise<string | null> {
  const { env, registry } = getPortico();
  if (hostname === env.publicUrl.hostname || hostname === "localhost" || hostname === "127.0.0.1") return null;
  const resolved = await registry.lookup({ hostname });
  return resolved?.status === "active" ? resolved.slug : null;
}
