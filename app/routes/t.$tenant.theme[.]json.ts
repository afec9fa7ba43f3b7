import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPortico } from "~/context.server";
import { requireTenant } from "~/tenancy/request.server";
import { cachedResponse } from "~/theme/http.server";
import { themeJson } from "~/theme/theme-json.server";

/** `GET /t/:tenant/theme.json`: the published theme for widgets, images as absolute URLs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, basePath, hostMode } = await requireTenant(request, params.tenant);
  const published = await getPortico().themes.publishedState(tenant.id);
  // On a custom domain the tenant's files live at that host's root; otherwise under PUBLIC_URL.
  const origin = hostMode ? new URL(request.url).origin : getPortico().env.publicUrl.origin;
  const body = JSON.stringify(themeJson(published, tenant.name, `${origin}${basePath}`));
  return cachedResponse(request, body, { contentType: "application/json; charset=utf-8" });
}
