import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { forwardToTenantAuth } from "~/auth/auth-api.server";
import { tenantAuthPath } from "~/auth/tenant-urls";
import { jsonError } from "~/http/responses.server";
import { requireTenant } from "~/tenancy/request.server";

/**
 * Server-to-server calls name their tenant in the X-Portico-Tenant header instead of the
 * path: /api/auth/get-session with `X-Portico-Tenant: acme` is /t/acme/api/auth/get-session.
 */
async function handle(request: Request) {
  const slug = request.headers.get("x-portico-tenant");
  if (!slug)
    return jsonError(
      400,
      "tenant_required",
      "Name the tenant in the X-Portico-Tenant header, or call /t/<tenant>/api/auth/….",
    );
  const live = await requireTenant(request, slug);
  const url = new URL(request.url);
  url.pathname = `${tenantAuthPath(live.tenant.slug)}${url.pathname.slice("/api/auth".length)}`;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return forwardToTenantAuth(live, new Request(url, { method: request.method, headers: request.headers, body }));
}

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
export const action = ({ request }: ActionFunctionArgs) => handle(request);
