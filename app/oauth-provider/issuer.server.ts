import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The issuer of an OAuth request that arrives on one of the tenant's custom domains is that
 * domain (decision 0024, as Auth0 does): discovery there names it and its endpoints, and the
 * tokens, codes' `iss` and checks made there use it. Everywhere else the issuer stays the
 * tenant's URL on the shared host (`<PUBLIC_URL>/t/<slug>`).
 *
 * better-auth reads the issuer from the jwt plugin's options on every call, so the options'
 * `issuer` becomes a getter that answers the custom domain's origin while such a request is
 * being handled (an AsyncLocalStorage scope), and the shared host's issuer otherwise.
 */
const customDomainIssuer = new AsyncLocalStorage<string>();

/** What this module needs of a tenant request: whether it arrived on a custom domain. */
type HostedRequest = { hostMode: boolean };

/** The custom domain's origin when the request arrived on one, else null (the shared host). */
export function customDomainOrigin(live: HostedRequest, request: Request): string | null {
  return live.hostMode ? new URL(request.url).origin : null;
}

/** Runs `call` with the request's custom domain (if any) as the tenant's issuer. */
export function withIssuerOfHost<T>(live: HostedRequest, request: Request, call: () => T): T {
  const origin = customDomainOrigin(live, request);
  return origin ? customDomainIssuer.run(origin, call) : call();
}

/**
 * Runs better-auth's handler for `request`: the provider's endpoints (`…/api/auth/oauth2/…`)
 * with the custom domain's issuer; the rest (the jwt plugin's own `/token`, sessions) as before.
 */
export function handleOnHost<T>(live: HostedRequest, request: Request, call: () => T): T {
  // The shared host (the hot path: get-session) parses nothing here.
  if (!live.hostMode) return call();
  const oauthEndpoint = new URL(request.url).pathname.includes("/api/auth/oauth2/");
  return oauthEndpoint ? withIssuerOfHost(live, request, call) : call();
}

/** The jwt plugin with an issuer that follows the custom domain inside `withIssuerOfHost`. */
export function issuerFollowsCustomDomain<Plugin extends { options?: { jwt?: { issuer?: string } } }>(
  plugin: Plugin,
): Plugin {
  const options = plugin.options?.jwt;
  if (!options) return plugin;
  const sharedHostIssuer = options.issuer;
  Object.defineProperty(options, "issuer", {
    enumerable: true,
    get: () => customDomainIssuer.getStore() ?? sharedHostIssuer,
  });
  return plugin;
}
