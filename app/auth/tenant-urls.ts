import type { Tenant } from "~/tenancy/tenants.server";

/** Where a tenant's pages and auth API live, its cookies' names, and the origins it trusts. */
export function tenantBasePath(slug: string): string {
  return `/t/${slug}`;
}

export function tenantAuthPath(slug: string): string {
  return `${tenantBasePath(slug)}/api/auth`;
}

/** Cookie names carry the tenant id, so two tenants' cookies can never be confused. */
export function tenantCookiePrefix(tenant: Pick<Tenant, "id">): string {
  return `portico.${tenant.id}`;
}

/**
 * A custom domain's origin as the deployment serves it: PUBLIC_URL's scheme and port (none in
 * production; e.g. http and :3000 on a developer's machine).
 */
export function customDomainOrigin(hostname: string, publicUrl: URL): string {
  return `${publicUrl.protocol}//${hostname}${publicUrl.port ? `:${publicUrl.port}` : ""}`;
}

/** Origins allowed to post to the tenant's auth API and to be redirected to after sign-in. */
export function tenantTrustedOrigins(tenant: Tenant, publicUrl: URL): string[] {
  // A custom domain is reached on the deployment's own port (none in production, where it
  // is https on 443; e.g. :3000 on a developer's machine, where plain http is allowed too).
  const port = publicUrl.port ? `:${publicUrl.port}` : "";
  const schemes = publicUrl.protocol === "https:" ? ["https"] : ["https", "http"];
  const hostOrigins = tenant.hostnames.flatMap((hostname) => schemes.map((scheme) => `${scheme}://${hostname}${port}`));
  return [publicUrl.origin, ...hostOrigins, ...tenant.config.trustedOrigins];
}
