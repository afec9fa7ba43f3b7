import { createHash } from "node:crypto";

/**
 * Responses for the theme's public files: a strong ETag over the exact bytes, a short
 * max-age so a publish is seen within a second or two (then a cheap 304), readable from any
 * origin because widgets on customers' sites load them.
 */
export const THEME_CACHE_CONTROL = "public, max-age=1, must-revalidate";

export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

export function cachedResponse(
  request: Request,
  body: string | Uint8Array,
  {
    contentType,
    etag = strongEtag(body),
    cacheControl = THEME_CACHE_CONTROL,
    headers: extra = {},
  }: {
    contentType: string;
    etag?: string;
    cacheControl?: string;
    headers?: Record<string, string>;
  },
): Response {
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": cacheControl,
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { status: 200, headers });
}
