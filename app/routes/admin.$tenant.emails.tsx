import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import { handleEmailsAction, loadEmailsPage } from "~/email/console-page.server";
import { TemplateTextsForm } from "~/email/ui/template-texts-form";
import { LOCALE_NAMES } from "~/i18n/locales";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return loadEmailsPage(access, new URL(request.url));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const result = await handleEmailsAction(access, request);
  return data(result, { status: result.ok ? 200 : 400 });
}

const STATUS_TEXT: Record<string, string> = {
  queued: "Queued: the mail server will receive it within seconds.",
  captured: "No mail server is configured (Settings or SMTP_URL), so it stays in the outbox.",
};

/** The tenant's emails: each template previewed with sample data in its theme, and a test send. */
export default function TenantEmails() {
  const { slug, templates, selection, offered, adminEmail, fields, preview: saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const base = `/admin/${slug}/emails`;
  const here = `${base}?template=${selection.template}&locale=${selection.locale}`;
  const current = templates.find((template) => template.id === selection.template)!;
  // One fetcher per template and language, so another's preview never shows here.
  const live = useFetcher<typeof action>({ key: `email-preview-${selection.template}-${selection.locale}` });
  const preview = live.data?.intent === "preview" && live.data.ok ? live.data.preview : saved;
  const previewErrors = live.data?.intent === "preview" && !live.data.ok ? live.data.errors : {};
  const testErrors = result?.intent === "test" && !result.ok ? result.errors : {};
  const textErrors = result?.intent === "save" && !result.ok ? result.errors : previewErrors;
  return (
    <>
      <PageHeader
        title="Emails"
        description="The emails this tenant sends its users, in its theme and each offered language. Change their texts per language and watch the preview follow; saved texts go live at once. Previews use sample data; a test email goes through the outbox like any other."
      />
      <div className="flex flex-col gap-6 lg:flex-row">
        <nav aria-label="Templates" className="lg:w-60 lg:shrink-0">
          <ul className="flex flex-col gap-1">
            {templates.map((template) => (
              <li key={template.id}>
                <Link
                  to={`${base}?template=${template.id}&locale=${selection.locale}`}
                  aria-current={template.id === selection.template ? "page" : undefined}
                  className={`block rounded-theme px-3 py-2 text-sm ${template.id === selection.template ? "bg-primary text-primary-foreground" : "hover:bg-card"}`}
                >
                  {template.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex min-w-0 flex-1 flex-col gap-6">
          <Card title={current.label}>
            <p className="text-sm text-muted">{current.description}</p>
            <nav aria-label="Language" className="mt-3 flex flex-wrap gap-2 text-sm">
              {offered.map((locale) => (
                <Link
                  key={locale}
                  to={`${base}?template=${selection.template}&locale=${locale}`}
                  aria-current={locale === selection.locale ? "page" : undefined}
                  className={`rounded-theme border border-border px-2.5 py-1 ${locale === selection.locale ? "bg-primary text-primary-foreground" : ""}`}
                >
                  {LOCALE_NAMES[locale]}
                </Link>
              ))}
            </nav>
            <p className="mt-4 text-sm">
              <span className="text-muted">Subject: </span>
              <span data-testid="email-subject">{preview.subject}</span>
            </p>
            <h3 className="mt-4 text-sm font-semibold">HTML</h3>
            {/* An empty sandbox: the preview can neither run scripts nor navigate the console. */}
            <iframe
              title={`${current.label} email preview`}
              sandbox=""
              srcDoc={preview.html}
              className="mt-2 h-[32rem] w-full rounded-theme border border-border bg-white"
            />
            <h3 className="mt-4 text-sm font-semibold">Plain text</h3>
            {/* Focusable, so keyboard users can scroll a long text. */}
            <pre
              data-testid="email-text"
              tabIndex={0}
              aria-label="Plain-text version"
              className="mt-2 max-h-80 overflow-auto rounded-theme border border-border p-3 text-sm whitespace-pre-wrap"
            >
              {preview.text}
            </pre>
          </Card>
          <Card title={`Texts (${LOCALE_NAMES[selection.locale]})`}>
            <TemplateTextsForm
              key={`${selection.template}-${selection.locale}`}
              action={here}
              locale={selection.locale}
              fields={fields}
              errors={textErrors}
              submitPreview={live.submit}
              saving={submitting === "save"}
            />
            {result?.intent === "save" && result.ok ? (
              <p role="status" className="mt-4 text-sm" data-testid="texts-saved">
                {result.message}
              </p>
            ) : null}
          </Card>
          <Card title="Send a test email">
            <Form method="post" action={here} className="flex flex-col gap-4 sm:flex-row sm:items-end" noValidate>
              <input type="hidden" name="intent" value="test" />
              <input type="hidden" name="template" value={selection.template} />
              <input type="hidden" name="locale" value={selection.locale} />
              <div className="flex-1">
                <FormField
                  label="Send to"
                  name="to"
                  type="email"
                  autoComplete="email"
                  defaultValue={adminEmail}
                  required
                  error={testErrors.to ?? testErrors.template ?? testErrors.locale}
                />
              </div>
              <Button disabled={submitting === "test"}>Send test email</Button>
            </Form>
            {result?.intent === "test" && result.ok ? (
              <p role="status" className="mt-4 text-sm" data-testid="test-send-result">
                Sent “{result.subject}” to {result.to}. {STATUS_TEXT[result.status] ?? `Status: ${result.status}.`}{" "}
                <Link to={`/admin/${slug}/outbox?message=${result.messageId}`} className="text-primary underline">
                  Open it in the outbox
                </Link>
              </p>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
