import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { createTranslator, type CopyOverrides } from "./translate";

/** What the hosted layout (routes/t.$tenant) loads for translating its pages. */
export type HostedLocaleData = { locale: Locale; copy: CopyOverrides };

/** `t("signIn.title")` on any page under /t/:tenant, in the locale the layout picked. */
export function useTranslate() {
  const data = useRouteLoaderData<Partial<HostedLocaleData>>("routes/t.$tenant");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const copy = data?.copy;
  return useMemo(() => createTranslator(locale, copy), [locale, copy]);
}
