import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPortico } from "~/context.server";
import { requireTenant } from "~/tenancy/request.server";
import { cachedResponse } from "~/theme/http.server";

/** `GET /t/:tenant/theme.css`: the published theme as `--portico-*` variables, fonts and custom CSS. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenant(request, params.tenant);
  const { css } = await getPortico().themes.publishedState(tenant.id);
  return cachedResponse(request, css, { contentType: "text/css; charset=utf-8" });
}
