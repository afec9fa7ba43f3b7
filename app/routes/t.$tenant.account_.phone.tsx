import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { useTranslate } from "~/i18n/use-translate";
import { accountPhoneNumber, phoneSignInEnabled, sendPhoneCode, verifyPhoneCode } from "~/sms/hosted-phone.server";
import { PhoneCodeForms } from "~/sms/phone-forms";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/** Adds or changes the signed-in user's phone number, verified with a texted code. */
async function requireSignedIn(request: Request, slug: string | undefined) {
  const live = await requireTenant(request, slug);
  if (!phoneSignInEnabled(live)) throw new Response("Phone numbers are not available here.", { status: 404 });
  const signedIn = await getSignedInUser(live, request);
  if (!signedIn) {
    const back = `${live.basePath}/account/phone`;
    throw redirect(`${live.basePath}/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return { live, user: signedIn.user };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { live, user } = await requireSignedIn(request, params.tenant);
  return {
    basePath: live.basePath,
    current: accountPhoneNumber(live, user),
    codeLength: live.tenant.config.authMethods.phoneNumber.codeLength,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { live } = await requireSignedIn(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "send" && intent !== "verify") throw new Response("Unknown action.", { status: 400 });
  const result = await (intent === "send" ? sendPhoneCode : verifyPhoneCode)(live, request, form, "add-to-account");
  if (!result.ok) return data(result, { status: result.status });
  if (result.step === "code") return result;
  // The account page's phone section confirms it (hosted pages have no toasts).
  return redirect(`${live.basePath}/account?phone=verified`);
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "phone.account.title") }];

export default function AccountPhone() {
  const { basePath, current, codeLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useTranslate();
  return (
    <>
      <h1 className="text-xl font-semibold">{t(current?.phone ? "phone.account.change" : "phone.account.add")}</h1>
      <p className="mt-1 text-sm text-muted">{t("phone.account.intro")}</p>
      <PhoneCodeForms
        postTo={`${basePath}/account/phone`}
        restartTo={`${basePath}/account/phone`}
        step={result?.step === "code" ? "code" : "number"}
        phone={result?.phone ?? ""}
        errors={result && !result.ok ? result.errors : {}}
        notice={result?.ok && result.step === "code" ? result.notice : undefined}
        codeLength={codeLength}
        submitLabel={t("phone.account.verify")}
      />
      <p className="mt-6 text-center text-sm">
        <Link to={`${basePath}/account`} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("phone.account.back")}
        </Link>
      </p>
    </>
  );
}
