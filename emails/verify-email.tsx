import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type VerifyEmailProps = { url: string; name: string | null; email: string; expiresInHours: number };

export const verifyEmail = defineEmailTemplate<VerifyEmailProps>({
  label: "Verify email",
  description: "After sign-up (when the tenant sends verification emails) and when a user asks for a new link.",
  subject: (t, _props, brand) => t("emails.verifyEmail.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, name, email, expiresInHours }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.verifyEmail.preview")}
      heading={t("emails.verifyEmail.heading")}
    >
      <Greeting brand={brand} t={t} name={name} />
      <Paragraph brand={brand}>{t("emails.verifyEmail.body", { email, product: brand.productName })}</Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.verifyEmail.button")}
      </ActionButton>
      <Paragraph brand={brand} muted>
        {t("emails.verifyEmail.expiry", { hours: expiresInHours })} {t("emails.ignore")}
      </Paragraph>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/api/auth/verify-email?token=sample&callbackURL=${encodeURIComponent(`${hostedUrl}/verify-email`)}`,
    name: "Ada Lovelace",
    email: "ada@example.com",
    expiresInHours: 24,
  }),
});
