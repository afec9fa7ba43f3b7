import type { ReactElement } from "react";
import type { Translate } from "~/i18n/translate";
import type { EmailBrand } from "./brand";
import type { EmailContext } from "./components/layout";

/** One email: its component, its subject, and sample props for the console's preview. */
export type EmailTemplate<Props> = {
  /** The console's name for it (the console is English-only). */
  label: string;
  /** When it is sent, for the console. */
  description: string;
  subject: (t: Translate, props: Props, brand: EmailBrand) => string;
  Component: (props: Props & EmailContext) => ReactElement;
  /** Plausible props for a preview or a test send; `accountUrl` is the tenant's hosted base URL. */
  sample: (hostedUrl: string) => Props;
};

export function defineEmailTemplate<Props>(template: EmailTemplate<Props>): EmailTemplate<Props> {
  return template;
}

/** "12 March 2026, 14:05 UTC" in the email's locale; emails cannot know the reader's time zone. */
export function formatWhen(iso: string, locale: string): string {
  const date = new Date(iso);
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}
