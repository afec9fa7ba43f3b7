/**
 * The few kinds of request Portico serves, used as a bounded label for metrics, logs and
 * trace names (a path would be one series per user id or token).
 */
export type RouteClass =
  | "auth_api"
  | "hosted_page"
  | "console"
  | "management_api"
  | "scim"
  | "widgets"
  | "static"
  | "forward_auth"
  | "ops"
  | "other";

const OPS_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

/** The class of a request by its path (after custom-domain rewriting to /t/<slug>/…). */
export function routeClass(path: string): RouteClass {
  if (OPS_PATHS.has(path)) return "ops";
  // A gateway's question (app/forward-auth), on the shared host or a tenant's custom domain.
  if (/^(\/t\/[^/]+)?\/forward-auth(\/|$)/.test(path)) return "forward_auth";
  if (path.startsWith("/widgets/")) return "widgets";
  if (path.startsWith("/assets/") || /\.(?:js|css|svg|png|ico|woff2?|txt|xml|webmanifest)$/.test(path)) {
    // A tenant's theme.css/theme.json, assets and fonts are static too.
    return "static";
  }
  if (path.startsWith("/api/v1/") || path === "/api/v1") return "management_api";
  if (path.startsWith("/api/auth/") || path.startsWith("/api/platform/auth/")) return "auth_api";
  if (path.startsWith("/t/")) {
    const rest = path.split("/").slice(3).join("/");
    if (rest.startsWith("api/auth/")) return "auth_api";
    if (rest.startsWith("api/scim/")) return "scim";
    if (
      rest.startsWith(".well-known/") ||
      rest === "theme.json" ||
      rest.startsWith("assets/") ||
      rest.startsWith("fonts/")
    )
      return "static";
    return "hosted_page";
  }
  // The console and the platform account pages it needs (sign-in, invitations, …).
  if (/^\/(?:admin|sign-in|sign-up|sign-out|verify-email|invite)(?:\/|$)/.test(path)) return "console";
  return "other";
}

/** The tenant a path names (/t/<slug>/…), if any. */
export function tenantSlugOfPath(path: string): string | undefined {
  const match = /^\/t\/([a-z0-9-]{1,40})(?:\/|$)/.exec(path);
  return match?.[1];
}
