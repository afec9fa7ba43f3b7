import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { BackupCodes } from "~/auth-methods/two-factor/backup-codes";
import { showBackupCodesOnce, takeBackupCodesFlag } from "~/auth-methods/two-factor/backup-codes-flash.server";
import {
  backupCodesOf,
  confirmSetup,
  disableTwoFactor,
  hasPassword,
  hasTwoFactorOn,
  isTwoFactorRequired,
  regenerateBackupCodes,
  startSetup,
  twoFactorSettings,
} from "~/auth-methods/two-factor/two-factor.server";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { redirectParam } from "~/auth/hosted-pages.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant, type TenantRequestContext } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

async function requireSignedIn(live: TenantRequestContext, request: Request) {
  const signedIn = await getSignedInUser(live, request);
  if (signedIn) return signedIn;
  const here = new URL(request.url);
  throw redirect(
    `${live.basePath}/sign-in?redirectTo=${encodeURIComponent(`${live.basePath}/account/two-factor${here.search}`)}`,
  );
}

/** Set up, manage or turn off two-factor authentication for the signed-in user. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!twoFactorSettings(live)) throw new Response("Two-factor authentication is not available here.", { status: 404 });
  const { user } = await requireSignedIn(live, request);
  const enabled = hasTwoFactorOn(user);
  const flag = await takeBackupCodesFlag(request, user.id);
  const loaded = {
    basePath: live.basePath,
    enabled,
    required: !enabled && (await isTwoFactorRequired(live, user.id)),
    needsPassword: await hasPassword(live, user.id),
    done: redirectParam(request, live) ?? `${live.basePath}/account`,
    newBackupCodes: enabled && flag.due ? await backupCodesOf(live, user.id) : null,
  };
  return data(loaded, flag.clear ? { headers: { "Set-Cookie": flag.clear } } : undefined);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  if (!twoFactorSettings(live)) throw new Response("Two-factor authentication is not available here.", { status: 404 });
  const { user } = await requireSignedIn(live, request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "disable") {
    const result = await disableTwoFactor(live, request, form, user.id);
    if (!result.ok) return data({ intent, step: "password" as const, error: result.error }, { status: result.status });
    const headers = new Headers();
    for (const cookie of result.setCookies) headers.append("Set-Cookie", cookie);
    return redirect(`${live.basePath}/account`, { headers });
  }
  const step =
    intent === "start"
      ? await startSetup(live, request, form)
      : intent === "confirm"
        ? await confirmSetup(live, request, form)
        : intent === "regenerate"
          ? await regenerateBackupCodes(live, request, form)
          : null;
  if (!step) throw new Response("Unknown action.", { status: 400 });
  if (step.step === "password") return data({ intent, ...step }, { status: step.status });
  if (step.step === "verify") return data({ intent, ...step }, { status: step.error ? 400 : 200 });
  if (step.step === "backup-codes") return data({ intent, step: step.step, backupCodes: step.backupCodes });
  // Set-up finished with a new session: show the codes on the next load (see backup-codes-flash).
  const headers = new Headers();
  for (const cookie of step.setCookies) headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", await showBackupCodesOnce(user.id));
  return redirect(`${live.basePath}/account/two-factor${new URL(request.url).search}`, { headers });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "twoFactor.setup.title") }];

function PasswordForm({
  intent,
  label,
  needsPassword,
  error,
  action,
}: {
  intent: string;
  label: string;
  needsPassword: boolean;
  error?: string;
  action: string;
}) {
  const t = useTranslate();
  const pending = useNavigation().state === "submitting";
  return (
    <Form method="post" action={action} className="mt-4 flex flex-col gap-4" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {needsPassword ? (
        <FormField
          label={t("twoFactor.setup.confirmPassword")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={error}
        />
      ) : (
        <FormError message={error} />
      )}
      <SubmitButton pending={pending}>{label}</SubmitButton>
    </Form>
  );
}

export default function TwoFactorSettings() {
  const { basePath, enabled, required, needsPassword, done, newBackupCodes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const layout = useRouteLoaderData<{ tenant: { name: string } }>("routes/t.$tenant");
  const t = useTranslate();
  const pending = useNavigation().state === "submitting";
  const here = `${basePath}/account/two-factor${done === `${basePath}/account` ? "" : `?redirectTo=${encodeURIComponent(done)}`}`;
  const error = result && "error" in result ? translateMessage(t, result.error) : undefined;

  if (result?.step === "backup-codes") {
    return <BackupCodes codes={result.backupCodes} tenantName={layout?.tenant.name ?? ""} continueTo={done} />;
  }
  if (newBackupCodes) {
    return (
      <>
        <p role="status" className="mb-4 text-sm font-medium">
          {t("twoFactor.setup.done")}
        </p>
        <BackupCodes codes={newBackupCodes} tenantName={layout?.tenant.name ?? ""} continueTo={done} />
      </>
    );
  }

  return (
    <>
      <h1 className="text-xl font-semibold">{t("twoFactor.setup.title")}</h1>
      {required ? (
        <p role="status" className="mt-3 rounded-theme border border-border px-3 py-2 text-sm">
          {t("twoFactor.setup.required", { tenant: layout?.tenant.name ?? "" })}
        </p>
      ) : null}
      {result?.step === "verify" ? (
        <>
          <p className="mt-3 text-sm">{t("twoFactor.setup.scan")}</p>
          <img
            src={result.qrCode}
            alt={t("twoFactor.setup.qrAlt")}
            width={200}
            height={200}
            className="mx-auto mt-4 rounded-theme bg-white p-2"
          />
          <p className="mt-4 text-sm text-muted">{t("twoFactor.setup.secret")}</p>
          {/* In groups of four, as authenticator apps accept it and as people copy it. */}
          <p className="mt-1 font-mono text-sm tracking-wide" dir="ltr" data-testid="totp-secret">
            {result.secret.match(/.{1,4}/g)?.join(" ")}
          </p>
          {result.issuer ? (
            <p className="mt-1 text-sm text-muted">{t("twoFactor.setup.issuer", { issuer: result.issuer })}</p>
          ) : null}
          <Form method="post" action={here} className="mt-6 flex flex-col gap-4" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="totpUri" value={result.totpUri} />
            <FormField
              label={t("twoFactor.setup.code")}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              autoFocus
              error={error}
            />
            <SubmitButton pending={pending}>{t("twoFactor.setup.confirm")}</SubmitButton>
          </Form>
        </>
      ) : enabled ? (
        <>
          <p role="status" className="mt-3 text-sm">
            {t("twoFactor.manage.on")}
          </p>
          <section className="mt-6 border-t border-border pt-4" aria-labelledby="regenerate-heading">
            <h2 id="regenerate-heading" className="font-semibold">
              {t("twoFactor.manage.regenerateTitle")}
            </h2>
            <p className="mt-1 text-sm text-muted">{t("twoFactor.manage.regenerateText")}</p>
            <PasswordForm
              intent="regenerate"
              label={t("twoFactor.manage.regenerate")}
              needsPassword={needsPassword}
              error={result?.intent === "regenerate" ? error : undefined}
              action={here}
            />
          </section>
          <section className="mt-6 border-t border-border pt-4" aria-labelledby="disable-heading">
            <h2 id="disable-heading" className="font-semibold">
              {t("twoFactor.manage.disableTitle")}
            </h2>
            <p className="mt-1 text-sm text-muted">{t("twoFactor.manage.disableText")}</p>
            <PasswordForm
              intent="disable"
              label={t("twoFactor.manage.disable")}
              needsPassword={needsPassword}
              error={result?.intent === "disable" ? error : undefined}
              action={here}
            />
          </section>
        </>
      ) : (
        <>
          <p className="mt-3 text-sm text-muted">{t("twoFactor.setup.intro")}</p>
          <PasswordForm
            intent="start"
            label={t("twoFactor.setup.start")}
            needsPassword={needsPassword}
            error={error}
            action={here}
          />
        </>
      )}
      {required ? null : (
        <Link
          to={`${basePath}/account`}
          className="mt-6 inline-block text-sm text-primary underline-offset-4 hover:underline"
        >
          {t("twoFactor.manage.back")}
        </Link>
      )}
    </>
  );
}
