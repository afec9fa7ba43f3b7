import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { platformBrandCss, type PlatformBranding } from "~/config/branding";
import { getPortico } from "~/context.server";
import { useNonce } from "~/http/nonce";
import { DEFAULT_LOCALE, localeDirection, type Locale } from "~/i18n/locales";
import { RequestIdMeta } from "~/http/request-id";
import { CUSTOM_DOMAIN_ATTRIBUTE } from "~/tenancy/custom-domain-routes";
import stylesheet from "~/tailwind.css?url";

// In the browser, Zod must not probe for eval (new Function): the CSP forbids it, and the
// refused probe is reported as a violation. Server-side parsing keeps Zod's fast path.
if (typeof document !== "undefined") z.config({ jitless: true });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** The deployment's brand (APP_*), for the platform's own pages: name, logo, color, links. */
export function loader() {
  const { branding, publicUrl } = getPortico().env;
  return { branding, publicOrigin: publicUrl.origin };
}

type TenantLayoutData = { hostMode?: boolean; locale?: Locale; favicon?: string | null };

export function Layout({ children }: { children: ReactNode }) {
  // On a tenant's custom domain the browser's URL (/sign-in) is not the route the server
  // matched (/t/<slug>/sign-in): the attribute tells the client entry to match the tenant's
  // routes at the root (app/tenancy/custom-domain-routes.ts).
  const tenant = useRouteLoaderData<TenantLayoutData>("routes/t.$tenant");
  const branding = useRouteLoaderData<{ branding: PlatformBranding }>("root")?.branding;
  // Tenants' pages follow their own theme; the platform's brand is for every other page.
  const platformPage = !tenant && branding;
  const nonce = useNonce();
  return (
    <html
      lang={tenant?.locale ?? DEFAULT_LOCALE}
      dir={localeDirection(tenant?.locale ?? DEFAULT_LOCALE)}
      {...(tenant?.hostMode ? { [CUSTOM_DOMAIN_ATTRIBUTE]: "" } : {})}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <RequestIdMeta />
        <Links />
        {platformPage ? (
          <>
            <link rel="icon" href={branding.logoUrl ?? "/favicon.svg"} />
            <meta name="theme-color" content={branding.primaryColor} />
            <style dangerouslySetInnerHTML={{ __html: platformBrandCss(branding) }} />
          </>
        ) : (
          // "data:," keeps the browser from asking for /favicon.ico on a tenant without an icon.
          <link rel="icon" href={tenant?.favicon ?? "data:,"} />
        )}
      </head>
      <body className="min-h-screen antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
