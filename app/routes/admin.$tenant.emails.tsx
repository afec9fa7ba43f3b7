import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import {
  defaultEmailLocale,
  previewSelection,
  renderSample,
  sendTestEmail,
  templateSummaries,
} from "~/email/console.server";
import { LOCALE_NAMES, LOCALES } from "~/i18n/locales";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const selection = previewSelection(new URL(request.url), await defaultEmailLocale(access));
  return {
    slug: access.tenant.slug,
    templates: templateSummaries(),
    selection,
    preview: await renderSample(access, selection.template, selection.locale),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const result = await sendTestEmail(access, request, await readForm(request));
  return data(result, { status: result.ok ? 200 : 400 });
}

const STATUS_TEXT: Record<string, string> = {
  queued: "Queued: the mail server will receive it within seconds.",
  captured: "No mail server is configured (Settings or SMTP_URL), so it stays in the outbox.",
};

/** The tenant's emails: each template previewed with sample data in its theme, and a test send. */
export default function TenantEmails() {
  const { slug, templates, selection, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const base = `/admin/${slug}/emails`;
  const current = templates.find((template) => template.id === selection.template)!;
  const errors = result && !result.ok ? result.errors : {};
  return (
    <>
      <PageHeader
        title="Emails"
        description="The emails this tenant sends its users, in its theme and language. Previews use sample data; a test email goes through the outbox like any other."
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
              {LOCALES.map((locale) => (
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
            <pre
              data-testid="email-text"
              // Focusable, so a keyboard scrolls a long message too.
              tabIndex={0}
              className="mt-2 max-h-80 overflow-auto rounded-theme border border-border p-3 text-sm whitespace-pre-wrap"
            >
              {preview.text}
            </pre>
          </Card>
          <Card title="Send a test email">
            <Form
              method="post"
              action={`${base}?template=${selection.template}&locale=${selection.locale}`}
              className="flex flex-col gap-4 sm:flex-row sm:items-end"
              noValidate
            >
              <input type="hidden" name="template" value={selection.template} />
              <input type="hidden" name="locale" value={selection.locale} />
              <div className="flex-1">
                <FormField
                  label="Send to"
                  name="to"
                  type="email"
                  autoComplete="email"
                  required
                  error={errors.to ?? errors.template ?? errors.locale}
                />
              </div>
              <Button disabled={sending}>Send test email</Button>
            </Form>
            {result?.ok ? (
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
