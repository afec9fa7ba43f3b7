import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { createTranslator, type CopyOverrides } from "./translate";

/** What the hosted layout (routes/t.$tenant) loads for translating its pages. */
export type HostedLocaleData = { locale: Locale; copy: CopyOverrides };

/** The locale the hosted layout picked, for `Intl` dates and numbers on its pages. */
export function useLocale(): Locale {
  return useRouteLoaderData<Partial<HostedLocaleData>>("routes/t.$tenant")?.locale ?? DEFAULT_LOCALE;
}

/** `t("signIn.title")` on any page under /t/:tenant, in the locale the layout picked. */
export function useTranslate() {
  const locale = useLocale();
  const copy = useRouteLoaderData<Partial<HostedLocaleData>>("routes/t.$tenant")?.copy;
  return useMemo(() => createTranslator(locale, copy), [locale, copy]);
}
