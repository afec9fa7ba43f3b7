/**
 * Where a path on a tenant's custom domain leads (server.ts). The domain belongs to one tenant,
 * so its pages are that tenant's routes without the `/t/<slug>` prefix; what is the platform's
 * (the console, the platform accounts' API) is not there at all.
 * Relative imports only: server.ts compiles this file outside Vite.
 */
import type { Refusal } from "./edge.server";

export const NOT_ON_CUSTOM_DOMAIN: Refusal = {
  status: 404,
  code: "not_found",
  message: "There is nothing at this address.",
};

/** The platform's own areas: never answered on a tenant's domain, whatever its routes say. */
const PLATFORM_ONLY = /^\/(admin|api\/platform)(?:[/.?]|$)/;

/**
 * The path Remix gets for `originalUrl` on tenant `slug`'s domain, or null when nothing may
 * answer it there:
 *   /sign-in                   → /t/<slug>/sign-in (and `/` → /t/<slug>)
 *   /t/<slug>/…                → unchanged: the widgets address the tenant so on any host
 *   /api/v1/…                  → unchanged: the management API, held to this tenant's keys
 *   /__manifest?p=/sign-up     → /__manifest?p=/t/<slug>/sign-up (Remix's route discovery)
 *   /_root.data                → /t/<slug>.data (the data of `/`)
 *   /admin…, /api/platform/…   → null
 */
export function customDomainPath(originalUrl: string, slug: string): string | null {
  const [path = "/", query] = splitOnce(originalUrl, "?");
  if (PLATFORM_ONLY.test(path)) return null;
  const prefix = `/t/${slug}`;
  if (path.startsWith(`${prefix}/`) || path.startsWith("/api/v1/") || path === "/api/v1") return originalUrl;
  if (path === "/__manifest") return `${path}?${discoveryQuery(query ?? "", prefix)}`;
  if (path === "/_root.data") return `${prefix}.data${query === undefined ? "" : `?${query}`}`;
  return `${prefix}${originalUrl === "/" ? "" : originalUrl}`;
}

/**
 * Where a browser opening one of the tenant's pages by its shared-host path on the domain
 * (`/t/<slug>/oauth2/consent`: the OAuth provider's redirects, an old bookmark) is sent: the same
 * page at the root (`/oauth2/consent`), where the page's client finds its route. Null for
 * everything else, which is answered where it is: API calls, data, files the widgets fetch.
 */
export function pageAtTheRoot(
  originalUrl: string,
  slug: string,
  request: { method?: string; accept?: string; fetchDest?: string },
): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // A document or a frame; browsers without Sec-Fetch-Dest say so with Accept.
  const page = request.fetchDest
    ? request.fetchDest === "document" || request.fetchDest === "iframe"
    : (request.accept ?? "").includes("text/html");
  if (!page) return null;
  const [path = "/", query] = splitOnce(originalUrl, "?");
  const prefix = `/t/${slug}`;
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
  if (path.includes("/api/") || path.endsWith(".data")) return null;
  return `${path.slice(prefix.length) || "/"}${query === undefined ? "" : `?${query}`}`;
}

/** Remix's route discovery asks for the browser's paths; the routes it matches are the tenant's. */
function discoveryQuery(query: string, prefix: string): string {
  const params = new URLSearchParams(query);
  const paths = params.getAll("p");
  params.delete("p");
  for (const path of paths) params.append("p", path === "/" ? prefix : `${prefix}${path}`);
  return params.toString();
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
