import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { RateLimitStore } from "~/auth/rate-limit.server";
import type { TenantDb } from "~/db/clients.server";
import type { Provider } from "~/db/paths.server";
import type { Tenant, TenantSecrets } from "~/tenancy/tenants.server";

/** The header the HTTP server sets from the socket or a trusted proxy; clients cannot forge it. */
export const CLIENT_IP_HEADER = "x-portico-client-ip";

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

/** Origins allowed to post to the tenant's auth API and to be redirected to after sign-in. */
export function tenantTrustedOrigins(tenant: Tenant, publicUrl: URL): string[] {
  // A custom domain is reached on the deployment's own port (none in production, where it
  // is https on 443; e.g. :3000 on a developer's machine, where plain http is allowed too).
  const port = publicUrl.port ? `:${publicUrl.port}` : "";
  const schemes = publicUrl.protocol === "https:" ? ["https"] : ["https", "http"];
  const hostOrigins = tenant.hostnames.flatMap((hostname) => schemes.map((scheme) => `${scheme}://${hostname}${port}`));
  return [publicUrl.origin, ...hostOrigins, ...tenant.config.trustedOrigins];
}

export type TenantAuthOptions = {
  tenant: Tenant;
  secrets: TenantSecrets;
  db: TenantDb;
  provider: Provider;
  publicUrl: URL;
  /** The tenant's own rate-limit counters (see rate-limit.server.ts). */
  rateLimitStore: RateLimitStore;
};

/** One better-auth instance per tenant, talking only to that tenant's database. */
export function createTenantAuth({ tenant, secrets, db, provider, publicUrl, rateLimitStore }: TenantAuthOptions) {
  const { config } = tenant;
  const emailPassword = config.authMethods.emailPassword;
  return betterAuth({
    appName: tenant.name,
    baseURL: publicUrl.origin,
    basePath: tenantAuthPath(tenant.slug),
    secret: secrets.authSecret,
    database: prismaAdapter(db, { provider }),
    emailAndPassword: {
      enabled: emailPassword.enabled,
      minPasswordLength: emailPassword.minPasswordLength,
      maxPasswordLength: emailPassword.maxPasswordLength,
      autoSignIn: true,
    },
    session: { expiresIn: config.session.expiresIn, updateAge: config.session.updateAge },
    trustedOrigins: tenantTrustedOrigins(tenant, publicUrl),
    rateLimit: {
      enabled: true,
      customStorage: rateLimitStore,
      window: config.rateLimit.window,
      max: config.rateLimit.max,
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
    advanced: {
      cookiePrefix: tenantCookiePrefix(tenant),
      useSecureCookies: publicUrl.protocol === "https:",
      // On the shared host the cookies stay under /t/<slug>: the browser never sends one
      // tenant's session to another tenant's routes. (Custom domains rewrite this to "/".)
      defaultCookieAttributes: { path: tenantBasePath(tenant.slug), httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

export type TenantAuth = ReturnType<typeof createTenantAuth>;
