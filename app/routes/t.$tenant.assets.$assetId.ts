import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPortico } from "~/context.server";
import { requireTenant } from "~/tenancy/request.server";
import { cachedResponse } from "~/theme/http.server";

/**
 * `GET /t/:tenant/assets/:assetId`: an uploaded logo, favicon or split-screen image. Assets
 * never change (a new upload gets a new id), so browsers may keep them for a year. SVGs get a
 * CSP that forbids scripts and loads even if someone opens the file directly.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenant(request, params.tenant);
  const asset = params.assetId ? await getPortico().themes.getAsset(tenant.id, params.assetId) : null;
  if (!asset) throw new Response("There is no such image.", { status: 404 });
  const svg = asset.contentType === "image/svg+xml";
  return cachedResponse(request, asset.bytes, {
    contentType: asset.contentType,
    etag: `"${asset.sha256}"`,
    cacheControl: "public, max-age=31536000, immutable",
    headers: svg ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {},
  });
}
