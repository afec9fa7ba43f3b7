import { customDomainOriginFor } from "~/http/custom-domain-scope.server";

/**
 * Where the tenant's hosted pages are for a link built now (emails, callbacks): the custom
 * domain the current request arrived on (`https://auth.acme.com`), else the shared host's
 * `<PUBLIC_URL>/t/<slug>` (the console, background jobs, the shared host's own pages).
 */
export function tenantPagesUrl(publicUrl: URL, slug: string): string {
  return customDomainOriginFor(slug) ?? `${publicUrl.origin}/t/${slug}`;
}
