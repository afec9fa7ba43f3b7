import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { sendSignInCode, signInWithCode } from "~/email/hosted-flows.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage, type Message } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/** "Email me a code": the address (intent=send), then the code (intent=verify), on one page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const { enabled, codeLength, expiresInMinutes } = live.tenant.config.authMethods.emailOtp;
  if (!enabled) throw new Response("Not found", { status: 404 });
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  return { basePath: live.basePath, redirectTo: redirectParam(request, live), codeLength, expiresInMinutes };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!live.tenant.config.authMethods.emailOtp.enabled) throw new Response("Not found", { status: 404 });
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "send") {
    const sent = await sendSignInCode(live, request, form);
    if (sent.ok)
      return data({ step: "code" as const, email: sent.email, error: null as Message | null, emailError: null });
    const { email: emailError = null, form: error = null } = sent.errors;
    return data({ step: "email" as const, email: sent.values.email, error, emailError }, { status: sent.status });
  }
  if (intent !== "verify") throw new Response("Unknown action.", { status: 400 });
  const result = await signInWithCode(live, request, form);
  if (result.ok) {
    const headers = new Headers();
    for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
    return redirect(result.redirectTo ?? afterSignInTarget(request, live), { headers });
  }
  const step = result.startOver ? ("email" as const) : ("code" as const);
  return data(
    { step, email: result.email, error: result.error as Message | null, emailError: null },
    { status: result.status },
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "emailMethods.code.title") }];

export default function EmailCode() {
  const { basePath, redirectTo, codeLength, expiresInMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  const formAction = `${basePath}/email-code${query}`;
  const error = translateMessage(t, result?.error ?? undefined);
  const link = "font-medium text-primary underline-offset-4 hover:underline";
  if (result?.step === "code") {
    return (
      <>
        <h1 className="text-xl font-semibold">{t("emailMethods.code.enterTitle")}</h1>
        <p role="status" className="mt-2 text-sm">
          {t("emailMethods.code.enterBody", { email: result.email, length: codeLength, minutes: expiresInMinutes })}
        </p>
        <Form method="post" action={formAction} className="mt-6 flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="verify" />
          <input type="hidden" name="email" value={result.email} />
          <FormField
            label={t("emailMethods.code.label")}
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern={`\\d{${codeLength}}`}
            maxLength={codeLength}
            required
            error={error}
            autoFocus
          />
          <SubmitButton pending={pending}>{t("emailMethods.code.submitCode")}</SubmitButton>
        </Form>
        <p className="mt-6 text-center text-sm text-muted">
          <Link to={formAction} reloadDocument className={link}>
            {t("emailMethods.code.startOver")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">{t("emailMethods.code.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("emailMethods.code.subtitle")}</p>
      <Form method="post" action={formAction} className="mt-6 flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="send" />
        <FormError message={result ? error : undefined} />
        <FormField
          label={t("common.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.email}
          error={translateMessage(t, result?.emailError ?? undefined)}
          autoFocus
        />
        <SubmitButton pending={pending}>{t("emailMethods.code.submitEmail")}</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-muted">
        <Link to={`${basePath}/sign-in${query}`} className={link}>
          {t("emailMethods.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
