import type { LinksFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

type TenantLayoutData = { hostMode?: boolean; locale?: string };

export function Layout({ children }: { children: ReactNode }) {
  // On a tenant's custom domain the browser's URL (/sign-in) is not the route the server
  // matched (/t/<slug>/sign-in), so client-side routing would not find it; those pages are
  // served as plain server-rendered forms, which work fully without JavaScript.
  const tenant = useRouteLoaderData<TenantLayoutData>("routes/t.$tenant");
  return (
    <html lang={tenant?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen antialiased">
        {children}
        <ScrollRestoration />
        {tenant?.hostMode ? null : <Scripts />}
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
