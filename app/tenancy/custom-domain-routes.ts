/**
 * On a tenant's custom domain the browser's paths are the tenant's routes without their
 * `/t/<slug>` prefix (`/sign-in` is `/t/<slug>/sign-in`; server.ts rewrites every request).
 * Remix's client matches the browser's path against the route manifest it was sent, so before
 * it starts, the tenant's routes lose that prefix there and the platform's routes are dropped
 * (the domain has no marketing page, console or docs). Everything the client then asks the
 * server (`/sign-up.data`, `/__manifest?p=/sign-up`) is rewritten back by server.ts.
 */

/** Set on <html> by the root layout when the page is served on a custom domain. */
export const CUSTOM_DOMAIN_ATTRIBUTE = "data-custom-domain";

type ManifestRoute = { id: string; parentId?: string; path?: string };

/** The tenant's routes, by Remix's file-route ids: its layout, its pages, its embed page. */
const TENANT_ROUTE_ID = "routes/t.$tenant";
const TENANT_PREFIX = "t/:tenant";

/** The manifest's routes as the custom domain's browser sees them (changed in place). */
export function routesAtTheDomainRoot(routes: Record<string, ManifestRoute>): void {
  for (const [id, route] of Object.entries(routes)) {
    if (id === "root") continue;
    if (!id.startsWith(TENANT_ROUTE_ID)) delete routes[id];
    // The layout becomes pathless (its pages keep their relative paths); `t/:tenant/embed`, `embed`.
    else if (route.path === TENANT_PREFIX) route.path = undefined;
    else if (route.path?.startsWith(`${TENANT_PREFIX}/`)) route.path = route.path.slice(TENANT_PREFIX.length + 1);
  }
}
