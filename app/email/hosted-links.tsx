import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { SubmitButton } from "~/components/form-field";
import type { Message } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import type { TenantConfig } from "~/tenancy/config";

/** Which email sign-ins the tenant offers (the sign-in page's loader passes this on). */
export function emailSignIns(config: TenantConfig): { magicLink: boolean; emailCode: boolean } {
  return { magicLink: config.authMethods.magicLink.enabled, emailCode: config.authMethods.emailOtp.enabled };
}

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

/**
 * Below the sign-in form: "Email me a sign-in link" / "Email me a code" when those methods are
 * on, and, when the password was refused because the address is not confirmed yet, a link to
 * send a new confirmation email.
 */
export function EmailSignInLinks({
  offered,
  basePath,
  redirectTo,
}: {
  offered: { magicLink: boolean; emailCode: boolean };
  basePath: string;
  redirectTo: string | null;
}) {
  const t = useTranslate();
  const result = useActionData<{ ok?: boolean; errors?: { form?: Message } }>();
  const unverified = result?.errors?.form?.key === "authErrors.emailNotVerified";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  if (!offered.magicLink && !offered.emailCode && !unverified) return null;
  return (
    <div className="mt-4 flex flex-col items-center gap-2 text-sm" data-testid="email-sign-in-links">
      {unverified ? (
        <Link to={`${basePath}/verify-email?status=pending`} className={LINK}>
          {t("emailMethods.signIn.resendVerification")}
        </Link>
      ) : null}
      {offered.magicLink ? (
        <Link to={`${basePath}/magic-link${query}`} className={LINK}>
          {t("emailMethods.signIn.magicLink")}
        </Link>
      ) : null}
      {offered.emailCode ? (
        <Link to={`${basePath}/email-code${query}`} className={LINK}>
          {t("emailMethods.signIn.emailCode")}
        </Link>
      ) : null}
    </div>
  );
}

/** On the account page: whether the email address is confirmed, and a way to send a new link. */
export function EmailVerificationStatus({
  basePath,
  email,
  verified,
}: {
  basePath: string;
  email: string;
  verified: boolean;
}) {
  const t = useTranslate();
  const [params] = useSearchParams();
  // Phone-number sign-ups carry a placeholder address (…@phone.invalid) with no inbox.
  if (email.endsWith(".invalid")) return null;
  return (
    <div className="mt-4 text-sm" data-testid="email-verification">
      <p>
        <span className={verified ? "font-medium" : "font-medium text-danger"}>
          {verified ? t("emailMethods.account.verified") : t("emailMethods.account.unverified")}
        </span>
      </p>
      {!verified && params.get("verification") === "sent" ? (
        <p role="status" className="mt-2">
          {t("emailMethods.account.sent", { email })}
        </p>
      ) : null}
      {!verified ? (
        <Form method="post" action={`${basePath}/verify-email`} className="mt-2 flex flex-col">
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="from" value="account" />
          <SubmitButton pending={false}>{t("emailMethods.account.resend")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
