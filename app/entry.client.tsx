import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { CUSTOM_DOMAIN_ATTRIBUTE, routesAtTheDomainRoot } from "~/tenancy/custom-domain-routes";

declare global {
  interface Window {
    __remixManifest: { routes: Record<string, { id: string; parentId?: string; path?: string }> };
  }
}

// Remix's default client entry, except on a tenant's custom domain (app/tenancy/custom-domain-routes.ts).
if (document.documentElement.hasAttribute(CUSTOM_DOMAIN_ATTRIBUTE))
  routesAtTheDomainRoot(window.__remixManifest.routes);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
