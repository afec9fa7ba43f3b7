import { render } from "@react-email/render";
import { createElement } from "react";
import type { Locale } from "~/i18n/locales";
import { createTranslator } from "~/i18n/translate";
import type { Tenant } from "~/tenancy/tenants.server";
import { tenantPagesUrl } from "~/tenancy/tenant-pages-url.server";
import { copyForLocale } from "~/theme/copy";
import { hostedLocale, languageSignals } from "~/theme/locale";
import type { Theme } from "~/theme/theme";
import {
  EMAIL_TEMPLATES,
  emailBrand,
  type EmailTemplate,
  type EmailTemplateId,
  type EmailTemplateProps,
} from "../../emails";

/** One of the templates in emails/ with its props. */
export type TemplatedEmail = {
  [Id in EmailTemplateId]: { template: Id; props: EmailTemplateProps[Id] };
}[EmailTemplateId];

/** A message written by its sender, not from a template. */
export type PlainEmail = { subject: string; text: string; html?: string };

/**
 * What tenant code (auth callbacks, auth-method plugins) hands to its mailer: a recipient and
 * either a template with props or a finished message. `request`, when the email answers one,
 * picks the locale from its Accept-Language among the theme's offered languages.
 */
export type TenantEmail = {
  to: string;
  request?: Request | null;
  locale?: Locale;
  /** The language the recipient signed up in, when they have an account (app/email/recipient-locale.server.ts). */
  recipientLocale?: string | null;
} & (TemplatedEmail | PlainEmail);

export type RenderedEmail = { subject: string; text: string; html: string };

/**
 * The language of an email: the one its request's page chose (`?lang=`, the remembered
 * choice), else the recipient's stored language, else the request's Accept-Language among the
 * offered languages when the theme follows the browser, else the theme's default language.
 */
export function emailLocale(theme: Theme, request?: Request | null, recipientLocale?: string | null): Locale {
  const signals = request ? languageSignals(request) : { requested: null, remembered: null, acceptLanguage: null };
  return hostedLocale(theme, { ...signals, stored: recipientLocale });
}

/** The tenant's hosted pages for an email's links: its custom domain when the request came there. */
export function hostedUrl(tenant: Pick<Tenant, "slug">, publicUrl: URL): string {
  return tenantPagesUrl(publicUrl, tenant.slug);
}

/** Renders one template to subject, HTML and plain text in the given theme and locale. */
export async function renderEmail(
  message: TemplatedEmail,
  {
    theme,
    tenant,
    locale,
    publicUrl,
  }: { theme: Theme; tenant: Pick<Tenant, "name" | "slug">; locale: Locale; publicUrl: URL },
): Promise<RenderedEmail> {
  const template = EMAIL_TEMPLATES[message.template] as EmailTemplate<typeof message.props>;
  const brand = emailBrand(theme, tenant, publicUrl);
  const t = createTranslator(locale, copyForLocale(theme, locale));
  const element = createElement(template.Component, { ...message.props, brand, t, locale });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(t, message.props, brand), html, text };
}

/**
 * A tenant email as the outbox stores it: templates rendered in the tenant's published theme
 * (defaults until one is published) and the locale the email or its request asks for.
 */
export async function renderTenantEmail(
  tenant: Tenant,
  email: TenantEmail,
  { theme, publicUrl }: { theme: Theme; publicUrl: URL },
): Promise<PlainEmail & { to: string }> {
  if (!("template" in email)) return { to: email.to, subject: email.subject, text: email.text, html: email.html };
  const locale = email.locale ?? emailLocale(theme, email.request, email.recipientLocale);
  const { template, props } = email;
  const rendered = await renderEmail({ template, props } as TemplatedEmail, { theme, tenant, locale, publicUrl });
  return { to: email.to, ...rendered };
}
