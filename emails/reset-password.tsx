import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type ResetPasswordProps = { url: string; name: string | null; email: string; expiresInMinutes: number };

export const resetPassword = defineEmailTemplate<ResetPasswordProps>({
  label: "Reset password",
  description: "When a user asks to reset a forgotten password, or an admin sends a reset from the console.",
  subject: (t, _props, brand) => t("emails.resetPassword.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, name, email, expiresInMinutes }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.resetPassword.preview")}
      heading={t("emails.resetPassword.heading")}
    >
      <Greeting brand={brand} t={t} name={name} />
      <Paragraph brand={brand}>{t("emails.resetPassword.body", { email, product: brand.productName })}</Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.resetPassword.button")}
      </ActionButton>
      <Paragraph brand={brand} muted>
        {t("emails.resetPassword.expiry", { minutes: expiresInMinutes })} {t("emails.ignore")}
      </Paragraph>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/api/auth/reset-password/sample-token?callbackURL=${encodeURIComponent(`${hostedUrl}/reset-password`)}`,
    name: "Ada Lovelace",
    email: "ada@example.com",
    expiresInMinutes: 60,
  }),
});
