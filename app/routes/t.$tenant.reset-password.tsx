import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isTrustedFormPost } from "~/auth/hosted-forms.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { resetPassword } from "~/users/password-reset.server";
import { passwordPolicyHint } from "~/auth-methods/password-hint";
import { publicPasswordPolicy } from "~/auth-methods/policies.server";
import { readForm } from "~/http/read-form.server";

/** better-auth's emailed link redirects here with `?token=…`, or `?error=INVALID_TOKEN`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const url = new URL(request.url);
  const token = url.searchParams.get("token")?.slice(0, 200) ?? "";
  const { minPasswordLength } = live.tenant.config.authMethods.emailPassword;
  return {
    basePath: live.basePath,
    token: url.searchParams.has("error") ? "" : token,
    minPasswordLength,
    passwordPolicy: publicPasswordPolicy(live.tenant.config),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await resetPassword(live, request, await readForm(request));
  if (!result.ok) return data(result, { status: result.status });
  return redirect(`${live.basePath}/sign-in?reset=done`);
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "resetPassword.title") }];

export default function ResetPassword() {
  const { basePath, token, minPasswordLength, passwordPolicy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const errors = result && !result.ok ? result.errors : {};
  const askAgain = (
    <Link to={`${basePath}/forgot-password`} className="font-medium text-primary underline-offset-4 hover:underline">
      {t("resetPassword.askAgain")}
    </Link>
  );
  if (!token)
    return (
      <>
        <h1 className="text-xl font-semibold">{t("resetPassword.invalidTitle")}</h1>
        <p role="alert" className="mt-3 text-sm">
          {t("resetPassword.invalidText")}
        </p>
        <p className="mt-6 text-sm">{askAgain}</p>
      </>
    );
  return (
    <>
      <h1 className="text-xl font-semibold">{t("resetPassword.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("resetPassword.subtitle", { min: minPasswordLength })}</p>
      {/* The token stays in the URL, so the page still has it when a failed post re-renders it. */}
      <Form
        method="post"
        action={`${basePath}/reset-password?token=${encodeURIComponent(token)}`}
        className="mt-6 flex flex-col gap-4"
        noValidate
      >
        <input type="hidden" name="token" value={token} />
        <FormError message={translateMessage(t, errors.form)} />
        {errors.form ? <p className="-mt-2 text-sm">{askAgain}</p> : null}
        <FormField
          label={t("resetPassword.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={passwordPolicyHint(t, passwordPolicy)}
          error={translateMessage(t, errors.password)}
          autoFocus
        />
        <FormField
          label={t("resetPassword.confirmPassword")}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={translateMessage(t, errors.confirmPassword)}
        />
        <SubmitButton pending={pending}>{t("resetPassword.submit")}</SubmitButton>
      </Form>
    </>
  );
}
