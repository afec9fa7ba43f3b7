/**
 * The kind of route a path belongs to: a small, fixed set, so traces and metrics can group
 * requests by it. Paths themselves carry slugs, ids and tokens and would make unbounded names.
 */
export type RouteClass =
  "auth_api" | "hosted_page" | "console" | "management_api" | "widgets" | "static" | "ops" | "other";

/** A tenant's files: theme, its uploaded assets, fonts (the rest of /t/<slug>/ is pages). */
const TENANT_STATIC = /^\/t\/[^/]+\/(?:assets\/|fonts\/|theme\.(?:css|json)$)/;

/** The platform's own pages around the console (its account's sign-in, invitations). */
const CONSOLE_PAGES = /^\/(?:admin|sign-in|sign-up|sign-out|verify-email|invite)(?:[/.]|$)/;

/** Classifies a request path (without the query string) as it reached the server. */
export function routeClass(path: string): RouteClass {
  if (/^\/(?:healthz|readyz|metrics)$/.test(path)) return "ops";
  if (/^\/t\/[^/]+\/api\/auth(?:\/|$)/.test(path) || /^\/api\/(?:platform\/)?auth(?:\/|$)/.test(path)) {
    return "auth_api";
  }
  if (/^\/api\/v1(?:\/|$)/.test(path)) return "management_api";
  if (path.startsWith("/widgets/")) return "widgets";
  if (path.startsWith("/assets/") || TENANT_STATIC.test(path) || /^\/[^/]+\.(?:ico|png|svg|txt|xml)$/.test(path)) {
    return "static";
  }
  if (/^\/t\/[^/]+(?:\/|$)/.test(path)) return "hosted_page";
  if (CONSOLE_PAGES.test(path)) return "console";
  return "other";
}
