import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { useTranslate } from "~/i18n/use-translate";
import { oauthLoginHint } from "~/oauth-provider/hosted-flow.server";
import { phoneSignInEnabled, sendPhoneCode, verifyPhoneCode } from "~/sms/hosted-phone.server";
import { normalizePhoneNumber } from "~/sms/phone-numbers";
import { PhoneCodeForms } from "~/sms/phone-forms";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

async function requirePhoneSignIn(request: Request, slug: string | undefined) {
  const live = await requireTenant(request, slug);
  if (!phoneSignInEnabled(live))
    throw new Response("Signing in with a phone number is not available here.", { status: 404 });
  return live;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requirePhoneSignIn(request, params.tenant);
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  return {
    basePath: live.basePath,
    redirectTo: redirectParam(request, live),
    codeLength: live.tenant.config.authMethods.phoneNumber.codeLength,
    // An application's `login_hint` that is a phone number pre-fills the number.
    phoneHint: normalizePhoneNumber((await oauthLoginHint(live, request)) ?? ""),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requirePhoneSignIn(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "send" && intent !== "verify") throw new Response("Unknown action.", { status: 400 });
  const result = await (intent === "send" ? sendPhoneCode : verifyPhoneCode)(live, request, form, "sign-in");
  if (!result.ok) return data(result, { status: result.status });
  if (result.step === "code") return result;
  const headers = new Headers();
  for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(result.redirectTo ?? afterSignInTarget(request, live), { headers });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "phone.title") }];

export default function PhoneSignIn() {
  const { basePath, redirectTo, codeLength, phoneHint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useTranslate();
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">{t("phone.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("phone.intro")}</p>
      <PhoneCodeForms
        postTo={`${basePath}/phone${query}`}
        restartTo={`${basePath}/phone${query}`}
        step={result?.step === "code" ? "code" : "number"}
        phone={result?.phone ?? phoneHint ?? ""}
        errors={result && !result.ok ? result.errors : {}}
        notice={result?.ok && result.step === "code" ? result.notice : undefined}
        codeLength={codeLength}
        submitLabel={t("phone.verify")}
      />
      <p className="mt-6 text-center text-sm">
        <Link
          to={`${basePath}/sign-in${query}`}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("phone.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
