import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { isTrustedFormPost } from "~/auth/hosted-forms.server";
import { redirectParam } from "~/auth/hosted-pages.server";
import { readForm } from "~/http/read-form.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { startFromEmail, startFromLink } from "~/sso/hosted.server";
import { requireTenant } from "~/tenancy/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const started = await startFromLink(live, request);
  if (started) throw started;
  return { basePath: live.basePath, redirectTo: redirectParam(request, live) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  return startFromEmail(live, request, await readForm(request));
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "sso.title") }];

export default function SingleSignOn() {
  const { basePath, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const errors = result?.errors ?? {};
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">{t("sso.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("sso.subtitle")}</p>
      <Form method="post" action={`${basePath}/sso${query}`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={t("sso.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={result?.values.email}
          error={translateMessage(t, errors.email)}
        />
        <SubmitButton pending={pending}>{t("sso.submit")}</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm">
        <Link to={`${basePath}/sign-in${query}`} className="text-primary underline-offset-4 hover:underline">
          {t("social.error.back")}
        </Link>
      </p>
    </>
  );
}
