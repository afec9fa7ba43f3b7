import type { MetaFunction } from "@remix-run/node";
import { DEFAULT_LOCALE } from "./locales";
import type { MessageKey } from "./messages";
import { createTranslator } from "./translate";
import type { HostedLocaleData } from "./use-translate";

type LayoutData = Partial<HostedLocaleData> & { tenant?: { name: string } };

/**
 * A hosted page's `<title>`: its translated title and the tenant's name, in the locale the
 * tenant layout picked (meta functions cannot use hooks, so they read the layout's data).
 */
export function hostedPageTitle(matches: Parameters<MetaFunction>[0]["matches"], key: MessageKey): string {
  const layout = matches.find((match) => match.id === "routes/t.$tenant")?.data as LayoutData | undefined;
  const t = createTranslator(layout?.locale ?? DEFAULT_LOCALE, layout?.copy);
  return `${t(key)} – ${layout?.tenant?.name ?? ""}`;
}
