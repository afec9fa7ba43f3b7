import { getPortico } from "~/context.server";

/**
 * The slug of the tenant whose custom domain this is, or null for the platform's own host.
 * Called by server.ts for every request to a host other than PUBLIC_URL's, so results come
 * from the registry's short-lived lookup cache. A disabled tenant's domain stays its own: it
 * answers 404 like the tenant's pages on the shared host, never the platform's pages.
 */
export async function hostTenantSlug(hostname: string): Promise<string | null> {
  const { env, registry } = getPortico();
  if (hostname === env.publicUrl.hostname || hostname === "localhost" || hostname === "127.0.0.1") return null;
  const resolved = await registry.lookup({ hostname });
  return resolved?.slug ?? null;
}
