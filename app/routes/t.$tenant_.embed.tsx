import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getPortico } from "~/context.server";
import { localeDirection } from "~/i18n/locales";
import { createTranslator } from "~/i18n/translate";
import { requireTenant } from "~/tenancy/request.server";
import { copyForLocale } from "~/theme/copy";
import { hostedLocale, languageSignals } from "~/theme/locale";
import { widgetSnippets } from "~/widgets-server/snippets";

/**
 * `/t/:tenant/embed`: each widget live, beside the snippet a customer copies. Outside the
 * hosted layout (it needs the width for code), with the same theme and locale.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, basePath, hostMode } = await requireTenant(request, params.tenant);
  const { env, themes } = getPortico();
  const { theme } = await themes.publishedState(tenant.id);
  const locale = hostedLocale(theme, languageSignals(request));
  const origin = hostMode ? new URL(request.url).origin : env.publicUrl.origin;
  return {
    tenant: { name: tenant.name, slug: tenant.slug },
    basePath,
    locale,
    copy: copyForLocale(theme, locale),
    snippets: widgetSnippets(origin, tenant.slug),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tenant.name ?? ""} · widgets` }];

export default function EmbedDemo() {
  const { tenant, basePath, locale, copy, snippets } = useLoaderData<typeof loader>();
  const t = useMemo(() => createTranslator(locale, copy), [locale, copy]);
  // A module script rendered by React does not run after client-side navigation; this does.
  useEffect(() => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/widgets/portico.js";
    document.head.append(script);
    return () => script.remove();
  }, []);
  const sections = [
    { id: "login", title: t("embed.login.title"), text: t("embed.login.text"), ...snippets.login },
    { id: "button", title: t("embed.button.title"), text: t("embed.button.text"), ...snippets.userButton },
    { id: "profile", title: t("embed.profile.title"), text: t("embed.profile.text"), ...snippets.profile },
  ];
  return (
    <div lang={locale} dir={localeDirection(locale)} className="mx-auto max-w-5xl px-4 py-10">
      <link rel="stylesheet" href={`${basePath}/theme.css`} />
      <h1 className="text-2xl font-bold">{t("embed.title", { name: tenant.name })}</h1>
      <p className="mt-2 text-muted">{t("embed.intro")}</p>
      <p className="mt-2 text-sm text-muted">{t("embed.origins")}</p>
      <pre className="mt-4 overflow-x-auto rounded-theme border border-border bg-card p-4 text-sm">
        <code>{snippets.module}</code>
      </pre>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`embed-${section.id}`} className="mt-10">
          <h2 id={`embed-${section.id}`} className="text-lg font-semibold">
            {section.title}
          </h2>
          <p className="mt-1 text-sm text-muted">{section.text}</p>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-semibold">{t("embed.live")}</h3>
              {/* The live widget is the snippet itself (slug validated), in cookie mode here. */}
              <div data-testid={`live-${section.id}`} dangerouslySetInnerHTML={{ __html: section.live }} />
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold">{t("embed.snippet")}</h3>
              <pre className="overflow-x-auto rounded-theme border border-border bg-card p-4 text-sm">
                <code>{section.snippet}</code>
              </pre>
            </div>
          </div>
        </section>
      ))}
      <section aria-labelledby="embed-api" className="mt-10">
        <h2 id="embed-api" className="text-lg font-semibold">
          {t("embed.api.title")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("embed.api.text")}</p>
        <pre className="mt-4 overflow-x-auto rounded-theme border border-border bg-card p-4 text-sm">
          <code>{snippets.api}</code>
        </pre>
        <p className="mt-4 text-sm text-muted">{t("embed.docs")}</p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
