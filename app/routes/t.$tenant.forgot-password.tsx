import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isTrustedFormPost } from "~/auth/hosted-forms.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { BotCheck } from "~/bot-protection/bot-check";
import { botCheckView } from "~/bot-protection/hosted.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { requestPasswordResetEmail } from "~/users/password-reset.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return { basePath: live.basePath, botCheck: await botCheckView(live) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await requestPasswordResetEmail(live, request, await readForm(request));
  if (result.ok) return data(result, { status: 200 });
  // A refused form spent its proof: the answer carries a fresh challenge (no loader re-run after a 4xx).
  return data({ ...result, botCheck: await botCheckView(live) }, { status: result.status });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "forgotPassword.title") }];

export default function ForgotPassword() {
  const { basePath, botCheck } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const [sentBefore, sentAfter] = t("forgotPassword.sent").split("{email}");
  const errors = result && !result.ok ? result.errors : {};
  return (
    <>
      <h1 className="text-xl font-semibold">{t("forgotPassword.title")}</h1>
      {result?.ok ? (
        <p role="status" className="mt-4 text-sm">
          {sentBefore}
          <strong>{result.email}</strong>
          {sentAfter}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">{t("forgotPassword.subtitle")}</p>
          <Form method="post" action={`${basePath}/forgot-password`} className="mt-6 flex flex-col gap-4" noValidate>
            <FormError message={translateMessage(t, errors.form)} />
            <FormField
              label={t("common.email")}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={result && !result.ok ? result.email : undefined}
              error={translateMessage(t, errors.email)}
              autoFocus
            />
            <BotCheck view={result && !result.ok ? result.botCheck : botCheck} />
            <SubmitButton pending={pending}>{t("forgotPassword.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6 text-center text-sm text-muted">
        <Link to={`${basePath}/sign-in`} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("forgotPassword.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
