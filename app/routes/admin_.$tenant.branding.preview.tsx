import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState, type CSSProperties } from "react";
import { requireTenantRole } from "~/admin/access.server";
import { FormField, SubmitButton } from "~/components/form-field";
import { getPortico } from "~/context.server";
import { isLocale, localeDirection, type Locale } from "~/i18n/locales";
import type { MessageKey } from "~/i18n/messages";
import { createTranslator } from "~/i18n/translate";
import { checkThemeCss, previewFontFaces } from "~/theme/editor.server";
import { copyForLocale } from "~/theme/copy";
import { HostedShell, shellTheme } from "~/theme/hosted-shell";
import { isPreviewMessage, PREVIEW_READY } from "~/theme/preview";
import { themeCssVariables, type Theme } from "~/theme/theme";
import { readForm } from "~/http/read-form.server";

/**
 * The console's preview of the hosted sign-in page with a draft theme: the editor loads it in
 * iframes (`?mode=light|dark`) and posts the draft as the admin types. Same origin as the
 * console, so only members of the tenant see it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenantRole(request, params.tenant, "viewer");
  const { themes, env } = getPortico();
  const theme = (await themes.draft(tenant.id))?.theme ?? (await themes.published(tenant.id));
  const mode = new URL(request.url).searchParams.get("mode") === "dark" ? "dark" : "light";
  const css = await checkThemeCss(tenant, theme.customCss);
  return {
    tenant: { name: tenant.name, slug: tenant.slug },
    theme,
    mode,
    css: css.ok ? css.css : "",
    fontFaces: previewFontFaces(tenant.slug),
    poweredBy: env.appName,
  } as const;
}

/** Checks and scopes custom CSS for the preview as typed (the editor shows the error on the field). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { tenant } = await requireTenantRole(request, params.tenant, "viewer");
  const customCss = (await readForm(request)).get("customCss");
  const result = await checkThemeCss(tenant, typeof customCss === "string" ? customCss : "");
  return data(result, { status: result.ok ? 200 : 400 });
}

export const meta: MetaFunction = () => [{ title: "Sign-in preview" }];

export default function BrandingPreview() {
  const loaded = useLoaderData<typeof loader>();
  const [draft, setDraft] = useState<{ theme: Theme; css: string; locale: Locale }>({
    theme: loaded.theme,
    css: loaded.css,
    locale: loaded.theme.locale.default,
  });
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isPreviewMessage(event.data)) return;
      const { theme, css, locale } = event.data;
      setDraft({ theme, css, locale: isLocale(locale) ? locale : theme.locale.default });
    };
    window.addEventListener("message", onMessage);
    window.parent.postMessage({ type: PREVIEW_READY }, window.location.origin);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  // Set as text, never parsed as HTML; the server already scoped and sanitized it.
  useStyleText("portico-preview-fonts", loaded.fontFaces);
  useStyleText("portico-preview-custom-css", draft.css);

  const { theme, locale } = draft;
  const t = useMemo(() => createTranslator(locale, copyForLocale(theme, locale)), [locale, theme]);
  const variables = { ...themeCssVariables(theme, loaded.mode), colorScheme: loaded.mode } as CSSProperties;
  const shell = shellTheme(theme, loaded.tenant.name, `/t/${loaded.tenant.slug}`);
  return (
    <div
      style={variables}
      lang={locale}
      dir={localeDirection(locale)}
      className="font-theme"
      data-testid="preview-root"
      data-mode={loaded.mode}
    >
      <HostedShell theme={shell} t={t} poweredBy={loaded.poweredBy} mode={loaded.mode}>
        <SignInSample t={t} />
      </HostedShell>
    </div>
  );
}

function useStyleText(id: string, css: string) {
  useEffect(() => {
    let style = document.getElementById(id);
    if (!style) {
      style = document.createElement("style");
      style.id = id;
      document.head.append(style);
    }
    style.textContent = css;
  }, [id, css]);
}

/** The hosted sign-in page's content, inert (the preview never signs anyone in). */
function SignInSample({ t }: { t: (key: MessageKey) => string }) {
  return (
    <>
      <h1 className="text-xl font-semibold">{t("signIn.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("signIn.subtitle")}</p>
      <form className="mt-6 flex flex-col gap-4" onSubmit={(event) => event.preventDefault()} noValidate>
        <FormField label={t("common.email")} name="email" type="email" autoComplete="off" />
        <FormField label={t("common.password")} name="password" type="password" autoComplete="off" />
        <span className="-mt-2 self-end text-sm text-primary">{t("signIn.forgotPassword")}</span>
        <SubmitButton pending={false}>{t("signIn.submit")}</SubmitButton>
      </form>
      <p className="mt-6 text-center text-sm text-muted">
        {t("signIn.noAccount")} <span className="font-medium text-primary">{t("signIn.signUpLink")}</span>
      </p>
    </>
  );
}
