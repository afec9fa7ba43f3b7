import { getPortico } from "~/context.server";
import { isApiRequest, jsonError } from "~/http/responses.server";
import type { LiveTenant } from "./registry.server";

/** Set by server.ts when the request arrived on one of the tenant's custom domains. */
export const HOST_TENANT_HEADER = "x-portico-host-tenant";

export type TenantRequestContext = LiveTenant & {
  /** Prefix for the tenant's page links: "/t/<slug>" on the shared host, "" on its own domain. */
  basePath: string;
  hostMode: boolean;
};

export function isHostMode(request: Request, slug: string): boolean {
  return request.headers.get(HOST_TENANT_HEADER) === slug;
}

/**
 * The live tenant a request is for, or a thrown 404 (unknown or disabled tenant) or 503
 * (tenant cannot be loaded): JSON for API paths, an error page otherwise.
 */
export async function requireTenant(request: Request, slug: string | undefined): Promise<TenantRequestContext> {
  const resolved = slug ? await getPortico().registry.resolve({ slug }) : ({ status: "not_found" } as const);
  const api = isApiRequest(request);
  if (resolved.status === "not_found") {
    const message = `There is no tenant called "${slug ?? ""}" here, or it has been disabled.`;
    throw api ? jsonError(404, "tenant_not_found", message) : new Response(message, { status: 404 });
  }
  if (resolved.status === "unavailable") {
    const headers = { "Retry-After": "5" };
    if (api) {
      const body = { error: { code: "tenant_unavailable", message: resolved.message } };
      throw Response.json(body, { status: 503, headers });
    }
    throw new Response(resolved.message, { status: 503, headers });
  }
  const hostMode = isHostMode(request, resolved.tenant.slug);
  return { ...resolved, hostMode, basePath: hostMode ? "" : `/t/${resolved.tenant.slug}` };
}
