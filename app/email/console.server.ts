import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import { isLocale, LOCALES, type Locale } from "~/i18n/locales";
import { EMAIL_TEMPLATE_IDS, EMAIL_TEMPLATES, isEmailTemplateId, type EmailTemplateId } from "../../emails";
import type { Theme } from "~/theme/theme";
import { hostedUrl, renderEmail, type RenderedEmail, type TemplatedEmail } from "./templates.server";

/** The console's emails page: every template with sample data, previewed and test-sent. */

export type TemplateSummary = { id: EmailTemplateId; label: string; description: string };

export function templateSummaries(): TemplateSummary[] {
  return EMAIL_TEMPLATE_IDS.map((id) => ({
    id,
    label: EMAIL_TEMPLATES[id].label,
    description: EMAIL_TEMPLATES[id].description,
  }));
}

/** The template and language the query string asks for: the first template, the theme's default language unless offered. */
export function previewSelection(url: URL, languages: Theme["locale"]): { template: EmailTemplateId; locale: Locale } {
  const template = url.searchParams.get("template");
  const locale = url.searchParams.get("locale");
  return {
    template: isEmailTemplateId(template) ? template : EMAIL_TEMPLATE_IDS[0]!,
    locale: isLocale(locale) && languages.offered.includes(locale) ? locale : languages.default,
  };
}

/** The theme the tenant's emails use: its published theme (defaults until one is published). */
export function tenantEmailTheme(tenant: ConsoleAccess["tenant"]): Promise<Theme> {
  return getPortico().themes.published(tenant.id);
}

function sampleMessage(access: ConsoleAccess, template: EmailTemplateId): TemplatedEmail {
  const links = hostedUrl(access.tenant, getPortico().env.publicUrl);
  return { template, props: EMAIL_TEMPLATES[template].sample(links) } as TemplatedEmail;
}

/** A template with sample data, in the published theme or the one given (unsaved texts). */
export async function renderSample(
  access: ConsoleAccess,
  template: EmailTemplateId,
  locale: Locale,
  theme?: Theme,
): Promise<RenderedEmail> {
  theme ??= await tenantEmailTheme(access.tenant);
  const { publicUrl } = getPortico().env;
  return renderEmail(sampleMessage(access, template), { theme, tenant: access.tenant, locale, publicUrl });
}

/** The texts form as the capability's input: `locale` and `texts.<part>` fields. */
export function emailTextsFromForm(form: FormData) {
  const texts: Record<string, string> = {};
  for (const [name, value] of form)
    if (name.startsWith("texts.") && typeof value === "string") texts[name.slice(6)] = value;
  return { locale: form.get("locale"), texts };
}

const TestSendSchema = z.object({
  to: z.email("Enter the address to send the test email to, such as you@example.com.").max(254),
  template: z.string().refine(isEmailTemplateId, "Choose one of the templates."),
  locale: z.enum(LOCALES, { error: "Choose one of the languages." }),
});

export type TestSendResult =
  | { ok: true; to: string; messageId: string; status: string; subject: string }
  | { ok: false; errors: Partial<Record<"to" | "template" | "locale", string>> };

/**
 * Renders a template with sample data and queues it like any other email of the tenant: through
 * its SMTP server when one is configured (the outbox shows the delivery), else captured in the
 * outbox. The subject is marked as a test.
 */
export async function sendTestEmail(access: ConsoleAccess, request: Request, form: FormData): Promise<TestSendResult> {
  const parsed = TestSendSchema.safeParse({
    to: String(form.get("to") ?? "").trim(),
    template: form.get("template"),
    locale: form.get("locale"),
  });
  if (!parsed.success) {
    const errors: Partial<Record<"to" | "template" | "locale", string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as "to"] ??= issue.message;
    return { ok: false, errors };
  }
  const { to, template, locale } = parsed.data;
  const rendered = await renderSample(access, template as EmailTemplateId, locale);
  const { outbox, audit } = getPortico();
  const subject = `[Test] ${rendered.subject}`;
  const messageId = await outbox.send({ tenantId: access.tenant.id, to, ...rendered, subject });
  await audit.record({
    ...adminActor(access, request),
    type: "admin.email.test_sent",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
    data: { template, locale, to },
  });
  const stored = await outbox.get(messageId);
  return { ok: true, to, messageId, status: stored?.status ?? "queued", subject };
}
