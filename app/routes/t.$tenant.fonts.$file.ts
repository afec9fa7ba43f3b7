import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenant } from "~/tenancy/request.server";
import { readFontFile } from "~/theme/fonts.server";
import { cachedResponse } from "~/theme/http.server";

/** `GET /t/:tenant/fonts/:file`: a bundled font file theme.css points at (relative to itself). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireTenant(request, params.tenant);
  const bytes = params.file ? readFontFile(params.file) : null;
  if (!bytes) throw new Response("There is no such font file.", { status: 404 });
  return cachedResponse(request, bytes, {
    contentType: "font/woff2",
    cacheControl: "public, max-age=31536000, immutable",
  });
}
