import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { BotCheck } from "~/bot-protection/bot-check";
import { signInBotCheckView } from "~/bot-protection/hosted.server";
import { getSignedInUser, isTrustedFormPost, signInWithPassword } from "~/auth/hosted-forms.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { PasskeySignIn } from "~/auth-methods/passkeys/passkey-sign-in";
import { passkeysEnabled } from "~/auth-methods/passkeys/passkeys.server";
import { AlternativeSignIns } from "~/auth-methods/social/alternative-sign-ins";
import { EmailSignInLinks, emailSignIns } from "~/email/hosted-links";
import { alternativeSignIns } from "~/auth-methods/social/hosted.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { usernameSettings } from "~/auth-methods/username/username.server";
import { isAddingAccount } from "~/sessions/device-sessions.server";
import { AddAccountNotice, ADD_ACCOUNT_PARAM } from "~/sessions/ui/signed-in-accounts";
import { oauthLoginHint } from "~/oauth-provider/hosted-flow.server";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";
import { ssoRedirectForEmail } from "~/sso/hosted.server";
import { tenantHasSso } from "~/sso/sign-in.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  // With several accounts per browser, "add another account" signs in beside the current session.
  const addAccount = isAddingAccount(live, request);
  if (!addAccount && (await getSignedInUser(live, request))) throw redirect(afterSignInTarget(request, live));
  const passwordChanged = new URL(request.url).searchParams.get("reset") === "done";
  return {
    basePath: live.basePath,
    redirectTo: redirectParam(request, live),
    passwordChanged,
    alternatives: await alternativeSignIns(live),
    passkey: passkeysEnabled(live),
    usernameSignIn: usernameSettings(live.tenant.config) !== null,
    addAccount,
    emailLinks: emailSignIns(live.tenant.config),
    botCheck: await signInBotCheckView(live, request),
    // An application's authorization request may name who signs in (OpenID Connect `login_hint`).
    loginHint: await oauthLoginHint(live, request),
    sso: await tenantHasSso(live),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const form = await readForm(request);
  // Home-realm discovery: an address at a domain an organization verified goes to its IdP.
  const sso = await ssoRedirectForEmail(live, request, String(form.get("email") ?? ""));
  if (sso) return sso;
  const result = await signInWithPassword(live, request, form);
  // A refused sign-in may have crossed the failure threshold: the answer brings the check along
  // (Remix does not re-run the loader after a 4xx action).
  if (!result.ok)
    return data(
      { ...result, botCheck: await signInBotCheckView(live, request, result.values.email) },
      { status: result.status },
    );
  const headers = new Headers();
  for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(result.redirectTo ?? afterSignInTarget(request, live), { headers });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "signIn.title") }];

export default function SignIn() {
  const {
    basePath,
    redirectTo,
    passwordChanged,
    alternatives,
    passkey,
    emailLinks,
    usernameSignIn,
    addAccount,
    botCheck,
    loginHint,
    sso,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const errors = result && !result.ok ? result.errors : {};
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  const formQuery = addAccount ? `${query ? `${query}&` : "?"}${ADD_ACCOUNT_PARAM}=1` : query;
  return (
    <>
      <h1 className="text-xl font-semibold">{t("signIn.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("signIn.subtitle")}</p>
      {passwordChanged ? (
        <p role="status" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
          {t("signIn.passwordChanged")}
        </p>
      ) : null}
      <AddAccountNotice basePath={basePath} adding={addAccount} />
      <PasskeySignIn enabled={passkey} basePath={basePath} redirectTo={redirectTo} />
      {/* Passkey, social, the email form, then the other methods (magic link, email code, phone). */}
      <AlternativeSignIns offered={{ ...alternatives, phone: false }} basePath={basePath} redirectTo={redirectTo} />
      {/* An explicit action: on a custom domain Remix would otherwise post to /t/<slug>/sign-in. */}
      <Form method="post" action={`${basePath}/sign-in${formQuery}`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={usernameSignIn ? t("username.identifier") : t("common.email")}
          name="email"
          type={usernameSignIn ? "text" : "email"}
          // "webauthn": the browser may offer the user's passkeys here (passkey-sign-in.tsx).
          autoComplete="username webauthn"
          required
          defaultValue={result && !result.ok ? result.values.email : (loginHint ?? undefined)}
          error={translateMessage(t, errors.email)}
          autoFocus={Boolean(errors.email) || (!errors.password && !loginHint)}
        />
        <FormField
          label={t("common.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={translateMessage(t, errors.password)}
          autoFocus={(Boolean(errors.password) || Boolean(loginHint)) && !errors.email}
        />
        <Link
          to={`${basePath}/forgot-password`}
          className="-mt-2 self-end text-sm text-primary underline-offset-4 hover:underline"
        >
          {t("signIn.forgotPassword")}
        </Link>
        <BotCheck view={result && !result.ok ? result.botCheck : botCheck} />
        <SubmitButton pending={pending}>{t("signIn.submit")}</SubmitButton>
      </Form>
      <EmailSignInLinks offered={emailLinks} basePath={basePath} redirectTo={redirectTo} />
      {sso ? (
        <p className="mt-2 text-center text-sm">
          <Link to={`${basePath}/sso${query}`} className="text-primary underline-offset-4 hover:underline">
            {t("sso.link")}
          </Link>
        </p>
      ) : null}
      {alternatives.phone ? (
        <p className="mt-2 text-center text-sm">
          <Link to={`${basePath}/phone${query}`} className="text-primary underline-offset-4 hover:underline">
            {t("phone.link")}
          </Link>
        </p>
      ) : null}
      <p className="mt-6 text-center text-sm text-muted">
        {t("signIn.noAccount")}{" "}
        <Link
          to={`${basePath}/sign-up${query}`}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("signIn.signUpLink")}
        </Link>
      </p>
    </>
  );
}
