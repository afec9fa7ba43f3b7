import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DEFAULT_LOCALE, LOCALES, pickLocale } from "~/i18n/locales";
import type { HostedLocaleData } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, basePath, hostMode } = await requireTenant(request, params.tenant);
  const localeData: HostedLocaleData = {
    locale: pickLocale(request.headers.get("accept-language"), LOCALES, DEFAULT_LOCALE),
    copy: {},
  };
  return { tenant: { name: tenant.name, slug: tenant.slug }, basePath, hostMode, ...localeData };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.tenant.name ?? "Sign in" }];

/** The branded shell around every hosted page of a tenant. */
export default function TenantLayout() {
  const { tenant } = useLoaderData<typeof loader>();
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <main className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-bold tracking-tight">{tenant.name}</p>
        <div className="rounded-theme border border-border bg-card p-6 shadow-sm sm:p-8">
          <Outlet />
        </div>
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
