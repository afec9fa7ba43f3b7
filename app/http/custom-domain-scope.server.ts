import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The custom domain a request arrived on, for everything that builds a URL while handling it:
 * better-auth's base URL (social callbacks, verification, reset and magic links), the tenant's
 * email links, the passkey relying party (decision 0030). The HTTP server (server.ts and
 * app/http/front.server.ts) runs a custom domain's requests inside this scope; code running
 * for the shared host, the console or a background job sees none and keeps PUBLIC_URL.
 *
 * One store per process: server.ts and the Remix build each load this module.
 * Relative imports only: server.ts compiles this file outside Vite.
 */
export type CustomDomain = {
  /** The tenant the domain belongs to: links for any other tenant keep the shared host. */
  slug: string;
  /** `https://auth.acme.com` (with the port the client used, if any). */
  origin: string;
};

const SCOPE_KEY = Symbol.for("portico.customDomain");
const processGlobals = globalThis as { [SCOPE_KEY]?: AsyncLocalStorage<CustomDomain> };
const scope = (processGlobals[SCOPE_KEY] ??= new AsyncLocalStorage());

/** Runs `handle` as a request that arrived on `domain`. */
export function onCustomDomain<T>(domain: CustomDomain, handle: () => T): T {
  return scope.run(domain, handle);
}

/** The origin of the custom domain of tenant `slug` the current request came to, else null. */
export function customDomainOriginFor(slug: string): string | null {
  const domain = scope.getStore();
  return domain?.slug === slug ? domain.origin : null;
}
