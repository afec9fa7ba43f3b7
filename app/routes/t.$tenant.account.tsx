import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PasskeyManager } from "~/auth-methods/passkeys/passkey-manager";
import { accountPasskeys } from "~/auth-methods/passkeys/passkeys.server";
import { TwoFactorSection } from "~/auth-methods/two-factor/account-section";
import { requireTwoFactorWhenEnforced, twoFactorStatus } from "~/auth-methods/two-factor/two-factor.server";
import { SubmitButton } from "~/components/form-field";
import { getSignedInUser, isTrustedFormPost, signOut } from "~/auth/hosted-forms.server";
import { cookiesForHost } from "~/auth/tenant-auth-calls.server";
import { EmailVerificationStatus } from "~/email/hosted-links";
import { redirectWithToast } from "~/http/toast.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { useLocale, useTranslate } from "~/i18n/use-translate";
import { accountOrganizations } from "~/organizations/organizations.server";
import { AccountOrganizationsSection } from "~/organizations/ui/account-organizations";
import { signedInAccounts } from "~/sessions/device-sessions.server";
import { SignedInAccountsSection } from "~/sessions/ui/signed-in-accounts";
import { accountPhoneNumber } from "~/sms/hosted-phone.server";
import { YourDataSection } from "~/privacy/your-data-section";
import { PhoneNumberSection } from "~/sms/phone-section";
import { requireTenant } from "~/tenancy/request.server";
import { describeImpersonation, endImpersonation } from "~/users/impersonation.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const signedIn = await getSignedInUser(live, request);
  if (!signedIn) {
    const here = new URL(request.url);
    throw redirect(
      `${live.basePath}/sign-in?redirectTo=${encodeURIComponent(`${live.basePath}/account${here.search}`)}`,
    );
  }
  const { user, session } = signedIn;
  // A user the tenant requires to use two-factor sets it up before anything else.
  await requireTwoFactorWhenEnforced(live, request, signedIn);
  return {
    basePath: live.basePath,
    user: {
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt.toISOString(),
    },
    session: { expiresAt: session.expiresAt.toISOString() },
    impersonation: describeImpersonation(session),
    organizations: await accountOrganizations(live, signedIn),
    signedInAccounts: await signedInAccounts(live, request, session.id),
    passkeys: await accountPasskeys(live, user.id),
    twoFactor: twoFactorStatus(live, user),
    phone: accountPhoneNumber(live, user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const intent = (await readForm(request)).get("intent");
  const headers = new Headers();
  if (intent === "sign-out") {
    for (const cookie of cookiesForHost(await signOut(live, request), live)) headers.append("Set-Cookie", cookie);
    return redirect(`${live.basePath}/sign-in`, { headers });
  }
  if (intent !== "end-impersonation") throw new Response("Unknown action.", { status: 400 });
  const ended = await endImpersonation(live, request);
  if (!ended) return redirect(`${live.basePath}/account`);
  for (const cookie of cookiesForHost(ended.setCookies, live)) headers.append("Set-Cookie", cookie);
  if (live.hostMode) return redirect(`${live.basePath}/sign-in`, { headers });
  // Back to the console the administrator came from (impersonation starts on the shared host).
  return redirectWithToast(
    `/admin/${live.tenant.slug}/users/${ended.userId}`,
    { type: "success", message: "Impersonation ended." },
    { headers },
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "account.title") }];

export default function Account() {
  const { basePath, user, impersonation, organizations, signedInAccounts, passkeys, twoFactor, phone } =
    useLoaderData<typeof loader>();
  const t = useTranslate();
  const locale = useLocale();
  return (
    <>
      {impersonation ? (
        <div role="status" className="mb-6 rounded-theme border border-danger px-3 py-3 text-sm">
          <p className="font-semibold text-danger">{t("account.impersonatedAs", { email: user.email })}</p>
          <p className="mt-1 text-muted">{t("account.impersonationEnds", { until: impersonation.until })}</p>
          <Form method="post" action={`${basePath}/account`} className="mt-3 flex flex-col">
            <input type="hidden" name="intent" value="end-impersonation" />
            <SubmitButton pending={false}>{t("account.endImpersonation")}</SubmitButton>
          </Form>
        </div>
      ) : null}
      <h1 className="text-xl font-semibold">{t("account.title")}</h1>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">{t("account.name")}</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt className="text-muted">{t("common.email")}</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt className="text-muted">{t("account.memberSince")}</dt>
        <dd>{new Date(user.createdAt).toLocaleDateString(locale, { dateStyle: "medium" })}</dd>
      </dl>
      <EmailVerificationStatus basePath={basePath} email={user.email} verified={user.emailVerified} />
      <AccountOrganizationsSection basePath={basePath} organizations={organizations} />
      <SignedInAccountsSection basePath={basePath} signedInAccounts={signedInAccounts} />
      <PasskeyManager basePath={basePath} passkeys={passkeys} />
      <TwoFactorSection basePath={basePath} twoFactor={twoFactor} />
      <PhoneNumberSection basePath={basePath} phone={phone} />
      <YourDataSection basePath={basePath} />
      <Form method="post" action={`${basePath}/account`} className="mt-8 flex flex-col">
        <input type="hidden" name="intent" value="sign-out" />
        <SubmitButton pending={false}>{t("account.signOut")}</SubmitButton>
      </Form>
    </>
  );
}
