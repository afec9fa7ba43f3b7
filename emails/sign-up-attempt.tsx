import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type SignUpAttemptProps = {
  /** The tenant's sign-in page. */
  url: string;
  /** The tenant's forgot-password page. */
  resetUrl: string;
  name: string | null;
  email: string;
};

export const signUpAttempt = defineEmailTemplate<SignUpAttemptProps>({
  label: "Sign-up with an existing address",
  description:
    "When someone signs up with an address that already has an account and the tenant protects against account enumeration (the sign-up itself answers as for a new address).",
  subject: (t, _props, brand) => t("emails.signUpAttempt.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, resetUrl, name, email }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.signUpAttempt.preview")}
      heading={t("emails.signUpAttempt.heading")}
    >
      <Greeting brand={brand} t={t} name={name} />
      <Paragraph brand={brand}>{t("emails.signUpAttempt.body", { email, product: brand.productName })}</Paragraph>
      <Paragraph brand={brand}>
        {t("emails.signUpAttempt.notYou")} <a href={resetUrl}>{t("signInProtection.resetPassword")}</a>
      </Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.signUpAttempt.button")}
      </ActionButton>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/sign-in`,
    resetUrl: `${hostedUrl}/forgot-password`,
    name: "Ada Lovelace",
    email: "ada@example.com",
  }),
});
