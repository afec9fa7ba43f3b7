import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { resendVerificationEmail, verifyPageState, type VerifyState } from "~/email/hosted-flows.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import type { MessageKey } from "~/i18n/messages";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/**
 * Where a confirmation link lands (better-auth's /verify-email redirects here with
 * `status=verified` or `error=<code>`), where sign-up sends a user who must confirm first
 * (`status=pending`), and the form that sends a new link.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const state = verifyPageState(new URL(request.url));
  const signedIn = state === "verified" ? Boolean(await getSignedInUser(live, request)) : false;
  return { basePath: live.basePath, state, signedIn };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const form = await readForm(request);
  const result = await resendVerificationEmail(live, request, form);
  // The account page's "send confirmation email" returns there.
  if (result.ok && form.get("from") === "account") return redirect(`${live.basePath}/account?verification=sent`);
  return data(result, { status: result.ok ? 200 : result.status });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "emailMethods.verify.title") }];

const STATE_TEXT: Record<Exclude<VerifyState, "form">, { title: MessageKey; body: MessageKey }> = {
  verified: { title: "emailMethods.verify.verifiedTitle", body: "emailMethods.verify.verifiedBody" },
  already: { title: "emailMethods.verify.alreadyTitle", body: "emailMethods.verify.alreadyBody" },
  expired: { title: "emailMethods.verify.expiredTitle", body: "emailMethods.verify.expiredBody" },
  invalid: { title: "emailMethods.verify.invalidTitle", body: "emailMethods.verify.invalidBody" },
  pending: { title: "emailMethods.verify.pendingTitle", body: "emailMethods.verify.pendingBody" },
  sent: { title: "emailMethods.verify.pendingTitle", body: "emailMethods.verify.sentBody" },
};

export default function VerifyEmail() {
  const { basePath, state: landed, signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const state: VerifyState = result?.ok ? "sent" : landed;
  const text = state === "form" ? null : STATE_TEXT[state];
  const errors = result && !result.ok ? result.errors : {};
  const offerForm = state === "expired" || state === "invalid" || state === "pending" || state === "form";
  const link = "font-medium text-primary underline-offset-4 hover:underline";
  return (
    <>
      <h1 className="text-xl font-semibold">{t(text?.title ?? "emailMethods.verify.title")}</h1>
      {text ? (
        <p role={state === "expired" || state === "invalid" ? "alert" : "status"} className="mt-2 text-sm">
          {t(text.body, { email: result?.ok ? result.email : "" })}
        </p>
      ) : null}
      {state === "verified" ? (
        <Link to={signedIn ? `${basePath}/account` : `${basePath}/sign-in`} className={`mt-6 block ${link}`}>
          {t("emailMethods.verify.continue")}
        </Link>
      ) : null}
      {offerForm ? (
        <Form method="post" action={`${basePath}/verify-email`} className="mt-6 flex flex-col gap-4" noValidate>
          <FormError message={translateMessage(t, errors.form)} />
          <FormField
            label={t("common.email")}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={result && !result.ok ? result.values.email : undefined}
            error={translateMessage(t, errors.email)}
          />
          <SubmitButton pending={pending}>{t("emailMethods.verify.resend")}</SubmitButton>
        </Form>
      ) : null}
      {state !== "verified" ? (
        <p className="mt-6 text-center text-sm text-muted">
          <Link to={`${basePath}/sign-in`} className={link}>
            {state === "already" ? t("emailMethods.verify.signIn") : t("emailMethods.backToSignIn")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
