import { z } from "zod";
import { getPortico } from "~/context.server";
import { emailTemplateResource, EmailTextsInput, saveEmailTexts } from "~/email/template-texts.server";
import { LOCALES } from "~/i18n/locales";
import { EMAIL_TEMPLATE_IDS, isEmailTemplateId, type EmailTemplateId } from "../../emails";
import { ApiError, notFound } from "./errors.server";
import { defineOperation } from "./operation.server";

/**
 * The tenant's email texts per language (docs/emails.md, decision 0029): the same capability
 * as the console's Emails page. A saved text is live at once, as a new published theme version.
 */
const Params = z.strictObject({
  name: z.string().meta({ description: `The template: ${EMAIL_TEMPLATE_IDS.map((id) => `\`${id}\``).join(", ")}.` }),
});

const Field = z
  .object({
    name: z
      .string()
      .meta({ description: "The text's name in `texts`: `subject`, `heading`, `body`, `button`, `footer`, …" }),
    label: z.string(),
    placeholders: z.array(z.string()).meta({ description: "The `{placeholders}` this text may use." }),
    maxLength: z.number().int(),
  })
  .meta({ id: "EmailTextField" });

const Text = z
  .object({
    text: z.string().nullable().meta({ description: "The tenant's text, or null when Portico's applies." }),
    default: z.string().meta({ description: "Portico's text for the language, used when `text` is null." }),
  })
  .meta({ id: "EmailText" });

const EmailTemplate = z
  .object({
    name: z.enum(EMAIL_TEMPLATE_IDS),
    label: z.string(),
    description: z.string(),
    fields: z.array(Field),
    languages: z
      .record(z.enum(LOCALES), z.record(z.string(), Text))
      .meta({ description: "Per offered language, per field: the tenant's text and Portico's." }),
  })
  .meta({ id: "EmailTemplate" });

const Body = EmailTextsInput.meta({
  id: "EmailTextsUpdate",
  description: 'Texts of one language; fields left out keep their text, `null` or `""` goes back to Portico\'s.',
});

const TAG = "Email templates";

function templateOf(name: string): EmailTemplateId {
  if (!isEmailTemplateId(name)) throw notFound("email template");
  return name;
}

export const EMAIL_TEMPLATE_OPERATIONS = [
  defineOperation({
    operationId: "getEmailTemplate",
    method: "GET",
    path: "/email-templates/{name}",
    tag: TAG,
    summary: "Read an email's texts",
    description:
      "Its editable texts, with their placeholders, and per offered language the tenant's text and Portico's.",
    scope: "config:read",
    params: Params,
    errors: [404],
    success: { status: 200, description: "The template's texts.", schema: EmailTemplate },
    run: async (ctx, { params }) => {
      const template = templateOf(params.name);
      return emailTemplateResource(await getPortico().themes.published(ctx.live.tenant.id), template);
    },
  }),
  defineOperation({
    operationId: "updateEmailTemplate",
    method: "PUT",
    path: "/email-templates/{name}",
    tag: TAG,
    summary: "Change an email's texts in one language",
    description:
      "Plain text only; each text may use only its field's `placeholders` (an unknown one is a 400 naming the field). Live at once for every email sent from then on, as a new published theme version.",
    scope: "config:write",
    params: Params,
    body: Body,
    errors: [400, 404, 413, 415, 422],
    requestExample: {
      locale: "de",
      texts: { subject: "Willkommen bei {product}: bitte bestätigen", button: "Jetzt bestätigen", heading: null },
    },
    success: { status: 200, description: "The template's texts after the change.", schema: EmailTemplate },
    run: async (ctx, { params, body }) => {
      const template = templateOf(params.name);
      const { themes } = getPortico();
      const saved = await saveEmailTexts(themes, ctx.live.tenant.id, template, body, ctx.audit);
      if (!saved.ok) {
        const details = Object.entries(saved.errors).map(([field, message]) => ({ field, message }));
        throw new ApiError(400, "invalid_request", `${details[0]!.field}: ${details[0]!.message}`, details);
      }
      return emailTemplateResource(await themes.published(ctx.live.tenant.id), template);
    },
  }),
];
