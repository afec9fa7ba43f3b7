import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { requestMagicLink } from "~/email/hosted-flows.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/**
 * "Email me a sign-in link": asks for the address, says to check the inbox. The link itself
 * goes to better-auth's /magic-link/verify, which signs the user in and redirects; a used or
 * expired link comes back here with `error=`.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!live.tenant.config.authMethods.magicLink.enabled) throw new Response("Not found", { status: 404 });
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  const error = new URL(request.url).searchParams.get("error");
  return {
    basePath: live.basePath,
    redirectTo: redirectParam(request, live),
    failure:
      error === null ? null : error === "new_user_signup_disabled" ? ("signUpClosed" as const) : ("failed" as const),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!live.tenant.config.authMethods.magicLink.enabled) throw new Response("Not found", { status: 404 });
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await requestMagicLink(live, request, await readForm(request), afterSignInTarget(request, live));
  return data(
    { ...result, minutes: live.tenant.config.authMethods.magicLink.expiresInMinutes },
    { status: result.ok ? 200 : result.status },
  );
}

export const meta: MetaFunction = ({ matches }) => [
  { title: hostedPageTitle(matches, "emailMethods.magicLink.title") },
];

export default function MagicLink() {
  const { basePath, redirectTo, failure } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const errors = result && !result.ok ? result.errors : {};
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  const link = "font-medium text-primary underline-offset-4 hover:underline";
  if (result?.ok) {
    return (
      <>
        <h1 className="text-xl font-semibold">{t("emailMethods.magicLink.sentTitle")}</h1>
        <p role="status" className="mt-2 text-sm">
          {t("emailMethods.magicLink.sentBody", { email: result.email, minutes: result.minutes })}
        </p>
        <p className="mt-6 text-center text-sm text-muted">
          <Link to={`${basePath}/magic-link${query}`} reloadDocument className={link}>
            {t("emailMethods.useAnotherEmail")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">
        {failure ? t("emailMethods.magicLink.failedTitle") : t("emailMethods.magicLink.title")}
      </h1>
      {failure ? (
        <p role="alert" className="mt-2 text-sm">
          {failure === "signUpClosed"
            ? t("emailMethods.magicLink.signUpClosed")
            : t("emailMethods.magicLink.failedBody")}
        </p>
      ) : (
        <p className="mt-1 text-sm text-muted">{t("emailMethods.magicLink.subtitle")}</p>
      )}
      <Form method="post" action={`${basePath}/magic-link${query}`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={t("common.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result && !result.ok ? result.values.email : undefined}
          error={translateMessage(t, errors.email)}
          autoFocus
        />
        <SubmitButton pending={pending}>{t("emailMethods.magicLink.submit")}</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-muted">
        <Link to={`${basePath}/sign-in${query}`} className={link}>
          {t("emailMethods.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
