import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getPortico } from "~/context.server";
import type { HostedLocaleData } from "~/i18n/use-translate";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { copyForLocale } from "~/theme/copy";
import { HostedShell, shellTheme } from "~/theme/hosted-shell";
import { strongEtag } from "~/theme/http.server";
import { languageChoices } from "~/theme/language-switcher";
import { hostedLocale, languageCookie, languageSignals, offeredLocale } from "~/theme/locale";
import { imageUrl } from "~/theme/theme";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, basePath, hostMode } = await requireTenant(request, params.tenant);
  const { env, themes } = getPortico();
  const { theme, css } = await themes.publishedState(tenant.id);
  const signals = languageSignals(request);
  const locale = hostedLocale(theme, signals);
  const localeData: HostedLocaleData = { locale, copy: copyForLocale(theme, locale) };
  // A language picked with ?lang= (the switcher's links) is remembered for the tenant's pages.
  const picked = offeredLocale(theme, signals.requested);
  const headers: HeadersInit = picked
    ? { "Set-Cookie": languageCookie(picked, basePath, env.publicUrl.protocol === "https:") }
    : {};
  const payload = {
    tenant: { name: tenant.name, slug: tenant.slug },
    basePath,
    hostMode,
    ...localeData,
    shell: shellTheme(theme, tenant.name, basePath),
    // The stylesheet's URL changes with its content, so a publish is never hidden by a cache.
    themeCss: `${basePath}/theme.css?v=${strongEtag(css).slice(1, 13)}`,
    // The tenant's favicon, else its logo; never Portico's own icon on a white-labelled page.
    favicon: imageUrl(theme.favicon, basePath) || imageUrl(theme.logo.light, basePath) || null,
    poweredBy: env.appName,
    languageChoices: languageChoices(theme.locale.offered, new URL(request.url)),
  };
  return data(payload, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.shell.productName ?? data?.tenant.name ?? "Sign in" },
];

/** The branded shell around every hosted page of a tenant, styled by its published theme. */
export default function TenantLayout() {
  const { shell, themeCss, poweredBy, locale, languageChoices: choices } = useLoaderData<typeof loader>();
  const t = useTranslate();
  return (
    <>
      <link rel="stylesheet" href={themeCss} />
      <HostedShell theme={shell} t={t} poweredBy={poweredBy} languages={{ current: locale, choices }}>
        <Outlet />
      </HostedShell>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
