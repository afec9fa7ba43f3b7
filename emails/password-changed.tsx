import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate, formatWhen } from "./template";

export type PasswordChangedProps = {
  /** Where to reset the password (the tenant's forgot-password page). */
  url: string;
  name: string | null;
  email: string;
  /** ISO time of the change. */
  when: string;
};

export const passwordChanged = defineEmailTemplate<PasswordChangedProps>({
  label: "Password changed",
  description: "After a user changes or resets their password (when the tenant sends password-changed emails).",
  subject: (t, _props, brand) => t("emails.passwordChanged.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, name, email, when }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.passwordChanged.preview")}
      heading={t("emails.passwordChanged.heading")}
    >
      <Greeting brand={brand} t={t} name={name} />
      <Paragraph brand={brand}>
        {t("emails.passwordChanged.body", { email, product: brand.productName, when: formatWhen(when, locale) })}
      </Paragraph>
      <Paragraph brand={brand}>{t("emails.passwordChanged.notYou")}</Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.passwordChanged.button")}
      </ActionButton>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/forgot-password`,
    name: "Ada Lovelace",
    email: "ada@example.com",
    when: "2026-03-12T14:05:00.000Z",
  }),
});
