import { tenantAuthPath } from "~/auth/tenant-urls";
import { customDomainOriginFor } from "~/http/custom-domain-scope.server";

/** The path of better-auth's API on a custom domain (app/http/front.server.ts answers it there). */
export const CUSTOM_DOMAIN_AUTH_PATH = "/api/auth";

/**
 * Makes the tenant's better-auth build its URLs on the custom domain a request arrived on
 * (decision 0030): provider callbacks (`https://auth.acme.com/api/auth/callback/<id>`), and the
 * verification, reset and magic links in its emails. One instance still serves the shared
 * host and every custom domain of the tenant, so the context's `baseURL` becomes a getter: the
 * custom domain inside its request scope (app/http/custom-domain-scope.server.ts), the shared
 * host's `<PUBLIC_URL>/t/<slug>/api/auth` otherwise. better-auth copies the context per
 * request with its property descriptors, so the getter is what each request reads. Its router
 * takes its base path from that URL too, so requests reach it at `/api/auth/…` on the domain
 * (`authRequestOnDomain`, `tenantAuthUrl`).
 */
export function baseUrlFollowsCustomDomain(auth: { $context: Promise<{ baseURL: string }> }, slug: string): void {
  void auth.$context.then((context) => {
    const sharedHostBaseUrl = context.baseURL;
    Object.defineProperty(context, "baseURL", {
      enumerable: true,
      configurable: true,
      get: () => {
        const origin = customDomainOriginFor(slug);
        return origin ? `${origin}${CUSTOM_DOMAIN_AUTH_PATH}` : sharedHostBaseUrl;
      },
      // better-auth assigns it on a copy it makes for requests without a configured base URL;
      // this instance always has one, so there is nothing to keep.
      set: () => undefined,
    });
  });
}

/** Where the tenant's better-auth API is for the current request: its custom domain's, else the shared host's. */
export function tenantAuthUrl(publicUrl: URL, slug: string): string {
  const origin = customDomainOriginFor(slug);
  return origin ? `${origin}${CUSTOM_DOMAIN_AUTH_PATH}` : `${publicUrl.origin}${tenantAuthPath(slug)}`;
}

/**
 * The request better-auth gets on a custom domain: server.ts hands the tenant's routes
 * `/t/<slug>/api/auth/…`, and the router inside the custom domain's scope expects `/api/auth/…`.
 */
export function authRequestOnDomain(request: Request, slug: string): Request {
  const origin = customDomainOriginFor(slug);
  const url = new URL(request.url);
  const sharedPath = tenantAuthPath(slug);
  if (!origin || !url.pathname.startsWith(sharedPath)) return request;
  const target = `${origin}${CUSTOM_DOMAIN_AUTH_PATH}${url.pathname.slice(sharedPath.length)}${url.search}`;
  const { method, headers, signal } = request;
  const body = method === "GET" || method === "HEAD" ? undefined : request.body;
  return new Request(target, { method, headers, signal, body, duplex: "half" } as RequestInit);
}
