import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import { readForm } from "~/http/read-form.server";
import { isEmailTemplateId } from "../../emails";
import {
  emailTextsFromForm,
  previewSelection,
  renderSample,
  sendTestEmail,
  templateSummaries,
  tenantEmailTheme,
} from "./console.server";
import { emailTextFields, emailTexts, saveEmailTexts, themeWithEmailTexts } from "./template-texts.server";

/** The console's emails page (/admin/:tenant/emails): templates, their texts per language, preview, test send. */
export async function loadEmailsPage(access: ConsoleAccess, url: URL) {
  const theme = await tenantEmailTheme(access.tenant);
  const selection = previewSelection(url, theme.locale);
  const texts = emailTexts(theme, selection.template, selection.locale);
  return {
    slug: access.tenant.slug,
    templates: templateSummaries(),
    selection,
    offered: theme.locale.offered,
    /** A test goes to the admin's own address unless they type another. */
    adminEmail: access.user.email,
    fields: emailTextFields(selection.template).map(({ key: _key, ...field }) => ({ ...field, ...texts[field.part]! })),
    preview: await renderSample(access, selection.template, selection.locale, theme),
  };
}

/** The page's three forms: `preview` (unsaved texts rendered), `save` (texts published), `test` (a test send). */
export async function handleEmailsAction(access: ConsoleAccess, request: Request) {
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "test") return { intent, ...(await sendTestEmail(access, request, form)) } as const;
  const template = new URL(request.url).searchParams.get("template");
  if (!isEmailTemplateId(template)) throw new Response("Choose one of the templates.", { status: 400 });
  const { themes } = getPortico();
  const input = emailTextsFromForm(form);
  if (intent === "preview") {
    const applied = await themeWithEmailTexts(themes, access.tenant.id, template, input);
    if (!applied.ok) return { intent, ...applied } as const;
    return { intent, ok: true, preview: await renderSample(access, template, applied.locale, applied.theme) } as const;
  }
  if (intent === "save") {
    const saved = await saveEmailTexts(themes, access.tenant.id, template, input, adminActor(access, request));
    if (!saved.ok) return { intent, ...saved } as const;
    return { intent, ok: true, message: `Saved: the texts are live (theme version ${saved.version}).` } as const;
  }
  throw new Response("Unknown action.", { status: 400 });
}
