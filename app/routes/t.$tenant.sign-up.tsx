import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { BotCheck } from "~/bot-protection/bot-check";
import { botCheckView, type BotCheckView } from "~/bot-protection/hosted.server";
import { passwordPolicyHint } from "~/auth-methods/password-hint";
import { PasswordStrength } from "~/auth-methods/password-strength";
import {
  hostedSignUpAvailability,
  publicPasswordPolicy,
  type SignUpAvailability,
} from "~/auth-methods/policies.server";
import { getSignedInUser, isTrustedFormPost, signUpWithPassword } from "~/auth/hosted-forms.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { awaitsEmailVerification } from "~/email/hosted-flows.server";
import { AlternativeSignIns } from "~/auth-methods/social/alternative-sign-ins";
import { alternativeSignIns } from "~/auth-methods/social/hosted.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import type { MessageKey } from "~/i18n/messages";
import { useTranslate } from "~/i18n/use-translate";
import { UsernameField } from "~/auth-methods/username/username-field";
import { usernameSettings } from "~/auth-methods/username/username.server";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  const { config } = live.tenant;
  const invitationId = new URL(request.url).searchParams.get("invitation");
  return {
    basePath: live.basePath,
    redirectTo: redirectParam(request, live),
    availability: await hostedSignUpAvailability(config, live.db, invitationId),
    minPasswordLength: config.authMethods.emailPassword.minPasswordLength,
    passwordPolicy: publicPasswordPolicy(config),
    botCheck: await botCheckView(live),
    username: usernameSettings(config),
    alternatives: await alternativeSignIns(live),
  };
}

// better-auth refuses a sign-up that the tenant's mode does not allow, whatever the page shows.
export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await signUpWithPassword(live, request, await readForm(request));
  // A refused form spent its proof: the answer carries a fresh challenge (no loader re-run after a 4xx).
  if (!result.ok) return data({ ...result, botCheck: await botCheckView(live) }, { status: result.status });
  // The tenant requires a confirmed email: no session yet, the confirmation link is on its way.
  if (awaitsEmailVerification(result.setCookies)) return redirect(`${live.basePath}/verify-email?status=pending`);
  const headers = new Headers();
  for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(afterSignInTarget(request, live), { headers });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "signUp.title") }];

const UNAVAILABLE: Record<
  Extract<SignUpAvailability, { open: false }>["reason"],
  { title: MessageKey; text: MessageKey }
> = {
  closed: { title: "signUp.closedTitle", text: "signUp.closedText" },
  "invite-only": { title: "signUp.inviteOnlyTitle", text: "signUp.inviteOnlyText" },
  "no-password-sign-up": { title: "signUp.unavailableTitle", text: "signUp.unavailableText" },
};

export default function SignUp() {
  const { basePath, redirectTo, availability, minPasswordLength, passwordPolicy, alternatives, botCheck } =
    useLoaderData<typeof loader>();
  const t = useTranslate();
  const result = useActionData<typeof action>();
  const refused = result && !result.ok ? result : null;
  const query = new URLSearchParams();
  if (redirectTo) query.set("redirectTo", redirectTo);
  const signInLink = (
    <Link
      to={`${basePath}/sign-in${query.size ? `?${query}` : ""}`}
      className="font-medium text-primary underline-offset-4 hover:underline"
    >
      {t("signUp.signInLink")}
    </Link>
  );
  if (!availability.open) {
    const { title, text } = UNAVAILABLE[availability.reason];
    return (
      <>
        <h1 className="text-xl font-semibold">{t(title)}</h1>
        <p className="mt-2 text-sm text-muted">{t(text)}</p>
        {/* A form posted from a page opened before sign-up closed: say why it was refused. */}
        {refused?.errors.form ? (
          <div className="mt-4">
            <FormError message={translateMessage(t, refused.errors.form)} />
          </div>
        ) : null}
        <p className="mt-6 text-center text-sm">{signInLink}</p>
      </>
    );
  }
  // The invitation goes along when the form is posted, so a refused attempt shows the form again.
  if (availability.invitation) query.set("invitation", availability.invitation.id);
  return (
    <>
      <h1 className="text-xl font-semibold">{t("signUp.title")}</h1>
      <p className="mt-1 text-sm text-muted">
        {availability.invitation
          ? t("signUp.invited", { organization: availability.invitation.organization })
          : t("signUp.subtitle")}
      </p>
      <AlternativeSignIns offered={alternatives} basePath={basePath} redirectTo={redirectTo} />
      <SignUpForm
        postTo={`${basePath}/sign-up${query.size ? `?${query}` : ""}`}
        invitedEmail={availability.invitation?.email}
        passwordHint={passwordPolicyHint(t, passwordPolicy)}
        minPasswordLength={minPasswordLength}
        botCheck={refused?.botCheck ?? botCheck}
        minStrength={passwordPolicy.minStrength}
      />
      <p className="mt-6 text-center text-sm text-muted">
        {t("signUp.haveAccount")} {signInLink}
      </p>
    </>
  );
}

function SignUpForm({
  postTo,
  invitedEmail,
  passwordHint,
  minPasswordLength,
  botCheck,
  minStrength,
}: {
  postTo: string;
  invitedEmail?: string;
  passwordHint: string;
  minPasswordLength: number;
  botCheck: BotCheckView;
  minStrength: number;
}) {
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  const firstInvalid = (["name", "email", "password"] as const).find((field) => errors[field]);
  return (
    // An explicit action: on a custom domain Remix would otherwise post to /t/<slug>/sign-up.
    <Form method="post" action={postTo} className="mt-6 flex flex-col gap-4" noValidate>
      <FormError message={translateMessage(t, errors.form)} />
      <FormField
        label={t("signUp.name")}
        name="name"
        autoComplete="name"
        required
        defaultValue={values.name}
        error={translateMessage(t, errors.name)}
        autoFocus={!firstInvalid || firstInvalid === "name"}
      />
      <FormField
        label={t("common.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email ?? invitedEmail}
        error={translateMessage(t, errors.email)}
        autoFocus={firstInvalid === "email"}
      />
      <UsernameField />
      <FormField
        label={t("common.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={passwordHint}
        error={translateMessage(t, errors.password)}
        autoFocus={firstInvalid === "password"}
      />
      <PasswordStrength minStrength={minStrength} />
      <BotCheck view={botCheck} />
      <SubmitButton pending={pending}>{t("signUp.submit")}</SubmitButton>
    </Form>
  );
}
