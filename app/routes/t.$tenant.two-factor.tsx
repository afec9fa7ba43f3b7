import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormField, SubmitButton } from "~/components/form-field";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import {
  hasTwoFactorChallenge,
  twoFactorSettings,
  verifySecondFactor,
} from "~/auth-methods/two-factor/two-factor.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/** The second step of a password sign-in: a code from the authenticator app, or a backup code. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const settings = twoFactorSettings(live);
  if (!settings) throw new Response("Two-factor authentication is not available here.", { status: 404 });
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  const method = new URL(request.url).searchParams.get("method") === "backup" ? "backup" : "totp";
  return {
    basePath: live.basePath,
    redirectTo: redirectParam(request, live),
    method,
    trustDeviceDays: settings.trustDeviceDays,
    expired: !hasTwoFactorChallenge(live, request),
  } as const;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await verifySecondFactor(live, request, await readForm(request));
  if (!result.ok) return data(result, { status: result.status });
  const headers = new Headers();
  for (const cookie of result.setCookies) headers.append("Set-Cookie", cookie);
  return redirect(afterSignInTarget(request, live), { headers });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "twoFactor.challenge.title") }];

export default function TwoFactorChallenge() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const failure = result && !result.ok ? result : null;
  const method = failure?.method ?? loaded.method;
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams(extra);
    if (loaded.redirectTo) params.set("redirectTo", loaded.redirectTo);
    const text = params.toString();
    return text ? `?${text}` : "";
  };
  if (loaded.expired || failure?.expired) {
    return (
      <>
        <h1 className="text-xl font-semibold">{t("twoFactor.challenge.expiredTitle")}</h1>
        <p role="alert" className="mt-3 text-sm">
          {failure && failure.error.key !== "twoFactor.challenge.expiredText"
            ? translateMessage(t, failure.error)
            : t("twoFactor.challenge.expiredText")}
        </p>
        <Link
          to={`${loaded.basePath}/sign-in${query({})}`}
          className="mt-6 inline-block font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("twoFactor.challenge.signInAgain")}
        </Link>
      </>
    );
  }
  const backup = method === "backup";
  return (
    <>
      <h1 className="text-xl font-semibold">{t("twoFactor.challenge.title")}</h1>
      <p className="mt-1 text-sm text-muted">
        {t(backup ? "twoFactor.challenge.backupIntro" : "twoFactor.challenge.totpIntro")}
      </p>
      <Form
        method="post"
        action={`${loaded.basePath}/two-factor${query({})}`}
        className="mt-6 flex flex-col gap-4"
        noValidate
      >
        <input type="hidden" name="method" value={method} />
        <FormField
          key={method}
          label={t(backup ? "twoFactor.challenge.backupCode" : "twoFactor.challenge.code")}
          name="code"
          autoComplete="one-time-code"
          inputMode={backup ? "text" : "numeric"}
          required
          autoFocus
          error={translateMessage(t, failure?.error)}
        />
        <CheckboxField
          name="trustDevice"
          label={t("twoFactor.challenge.trustDevice", { days: loaded.trustDeviceDays })}
        />
        <SubmitButton pending={pending}>{t("twoFactor.challenge.submit")}</SubmitButton>
      </Form>
      <Link
        to={`${loaded.basePath}/two-factor${query(backup ? {} : { method: "backup" })}`}
        className="mt-6 inline-block text-sm text-primary underline-offset-4 hover:underline"
      >
        {t(backup ? "twoFactor.challenge.useTotp" : "twoFactor.challenge.useBackup")}
      </Link>
    </>
  );
}
