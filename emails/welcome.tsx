import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type WelcomeProps = { url: string; name: string | null; email: string };

export const welcome = defineEmailTemplate<WelcomeProps>({
  label: "Welcome",
  description: "After a user creates an account (when the tenant switched welcome emails on).",
  subject: (t, _props, brand) => t("emails.welcome.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, name, email }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.welcome.preview")}
      heading={t("emails.welcome.heading", { product: brand.productName })}
    >
      <Greeting brand={brand} t={t} name={name} />
      <Paragraph brand={brand}>{t("emails.welcome.body", { email })}</Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.welcome.button")}
      </ActionButton>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({ url: `${hostedUrl}/account`, name: "Ada Lovelace", email: "ada@example.com" }),
});
