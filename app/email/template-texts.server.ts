import { z } from "zod";
import { maxCopyLength, placeholdersOf } from "~/i18n/copy-check";
import { LOCALES, type Locale } from "~/i18n/locales";
import { MESSAGES, type MessageKey } from "~/i18n/messages";
import type { Theme } from "~/theme/theme";
import type { ThemeActor, ThemeService } from "~/theme/themes.server";
import { EMAIL_TEMPLATES, type EmailTemplateId } from "../../emails";

/**
 * A tenant's texts for one email (decision 0029): each text is the theme's copy override of
 * the template's message (`emails.<template>.<part>`) in one language, so the emails render it
 * through the same translator as Portico's own text. Saving publishes them at once.
 */

/** The footer line is shared by every email; each template's page edits it too. */
const SHARED_PARTS = { footer: "emails.footer.sentBy" } as const satisfies Record<string, MessageKey>;

const PART_LABELS: Record<string, string> = {
  subject: "Subject",
  preview: "Inbox preview line",
  heading: "Heading",
  body: "Paragraph",
  button: "Button label",
  expiry: "Expiry note",
  notYou: "If it was not you",
  when: "Label: when",
  device: "Label: device",
  ip: "Label: IP address",
  unknown: "Unknown device or place",
  footer: "Footer (every email)",
};

export type EmailTextField = {
  /** The name in forms and the API: `subject`, `heading`, `body`, `button`, `footer`, … */
  part: string;
  key: MessageKey;
  label: string;
  /** The `{placeholders}` this text may use: the ones Portico's own text fills in. */
  placeholders: string[];
  maxLength: number;
  multiline: boolean;
};

/** The editable texts of a template, in the order the email shows them, then the shared footer. */
export function emailTextFields(template: EmailTemplateId): EmailTextField[] {
  const prefix = `emails.${template}.`;
  const own = (Object.keys(MESSAGES.en) as MessageKey[])
    .filter((key) => key.startsWith(prefix))
    .map((key) => [key.slice(prefix.length), key] as const);
  return [...own, ...Object.entries(SHARED_PARTS)].map(([part, key]) => ({
    part,
    key,
    label: PART_LABELS[part] ?? part,
    placeholders: placeholdersOf(MESSAGES.en[key]),
    maxLength: maxCopyLength(key),
    multiline: maxCopyLength(key) > 300,
  }));
}

/** Per field: the tenant's text in `locale` ("" when it has none) and Portico's text that applies otherwise. */
export function emailTexts(theme: Theme, template: EmailTemplateId, locale: Locale) {
  return Object.fromEntries(
    emailTextFields(template).map(({ part, key }) => [
      part,
      { text: theme.copy[locale]?.[key] ?? "", fallback: MESSAGES[locale][key] },
    ]),
  ) as Record<string, { text: string; fallback: string }>;
}

export const EmailTextsInput = z.object({
  locale: z.enum(LOCALES, { error: `Choose one of the languages: ${LOCALES.join(", ")}.` }),
  /** Part → text; "" or null goes back to Portico's text. */
  texts: z.record(z.string(), z.string({ error: "Enter text, or null for Portico's text." }).nullable(), {
    error: "Send the texts as an object of field name → text.",
  }),
});

export type EmailTextsErrors = Record<string, string>;
export type CheckedEmailTexts =
  { ok: true; locale: Locale; copy: Record<string, string> } | { ok: false; errors: EmailTextsErrors };

/**
 * The input as copy overrides (message key → text), or errors keyed `locale` or
 * `texts.<part>`: an unknown part, or a language the theme does not offer. Text checks
 * (length, HTML, placeholders) run when the theme is validated, see `saveEmailTexts`.
 */
export function checkEmailTexts(theme: Theme, template: EmailTemplateId, input: unknown): CheckedEmailTexts {
  const parsed = EmailTextsInput.safeParse(input);
  if (!parsed.success) {
    const errors: EmailTextsErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".") || "body"] ??= issue.message;
    return { ok: false, errors };
  }
  const { locale, texts } = parsed.data;
  const errors: EmailTextsErrors = {};
  if (!theme.locale.offered.includes(locale))
    errors.locale = `${locale} is not among the tenant's offered languages (Branding → Languages).`;
  const fields = new Map(emailTextFields(template).map((field) => [field.part, field]));
  const copy: Record<string, string> = {};
  for (const [part, text] of Object.entries(texts)) {
    const field = fields.get(part);
    if (!field) errors[`texts.${part}`] = `Unknown text "${part}": use ${[...fields.keys()].join(", ")}.`;
    else copy[field.key] = (text ?? "").trim();
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, locale, copy };
}

/** Theme errors (`copy.<locale>.<key>`) renamed to the fields they came from (`texts.<part>`). */
function fieldErrors(template: EmailTemplateId, locale: Locale, errors: Record<string, string>): EmailTextsErrors {
  const partOf = new Map(emailTextFields(template).map((field) => [`copy.${locale}.${field.key}`, field.part]));
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [partOf.has(path) ? `texts.${partOf.get(path)}` : path, message]),
  );
}

/** The published theme with the texts applied, unsaved (the console's live preview), or errors. */
export async function themeWithEmailTexts(
  themes: ThemeService,
  tenantId: string,
  template: EmailTemplateId,
  input: unknown,
): Promise<{ ok: true; theme: Theme; locale: Locale } | { ok: false; errors: EmailTextsErrors }> {
  const published = await themes.published(tenantId);
  const checked = checkEmailTexts(published, template, input);
  if (!checked.ok) return checked;
  const { locale, copy } = checked;
  const validated = await themes.validate(tenantId, {
    ...published,
    copy: { ...published.copy, [locale]: { ...published.copy[locale], ...copy } },
  });
  return validated.ok
    ? { ok: true, theme: validated.theme, locale }
    : { ok: false, errors: fieldErrors(template, locale, validated.errors) };
}

/** Checks and publishes the texts (a new theme version, decision 0029); answers the version or field errors. */
export async function saveEmailTexts(
  themes: ThemeService,
  tenantId: string,
  template: EmailTemplateId,
  input: unknown,
  actor: ThemeActor,
): Promise<{ ok: true; version: number; locale: Locale } | { ok: false; errors: EmailTextsErrors }> {
  const checked = checkEmailTexts(await themes.published(tenantId), template, input);
  if (!checked.ok) return checked;
  const saved = await themes.publishCopy(tenantId, checked.locale, checked.copy, actor);
  if (!saved.ok) return { ok: false, errors: fieldErrors(template, checked.locale, saved.errors) };
  return { ok: true, version: saved.version, locale: checked.locale };
}

/** What GET /api/v1/email-templates/{name} answers: the fields and, per offered language, texts and fallbacks. */
export function emailTemplateResource(theme: Theme, template: EmailTemplateId) {
  const { label, description } = EMAIL_TEMPLATES[template];
  return {
    name: template,
    label,
    description,
    fields: emailTextFields(template).map(({ part, label: fieldLabel, placeholders, maxLength }) => ({
      name: part,
      label: fieldLabel,
      placeholders,
      maxLength,
    })),
    languages: Object.fromEntries(
      theme.locale.offered.map((locale) => {
        const texts = emailTexts(theme, template, locale);
        return [
          locale,
          Object.fromEntries(
            Object.entries(texts).map(([part, { text, fallback }]) => [
              part,
              { text: text || null, default: fallback },
            ]),
          ),
        ];
      }),
    ),
  };
}
