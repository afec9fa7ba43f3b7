import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type AccountThrottledProps = {
  /** Where to reset the password (the tenant's forgot-password page). */
  url: string;
  name: string | null;
  email: string;
  /** Failed attempts in the last 24 hours. */
  failures: number;
};

export const accountThrottled = defineEmailTemplate<AccountThrottledProps>({
  label: "Failed sign-in attempts",
  description:
    "Once a day at most, when an account reaches the tenant's number of failed password or code attempts (sign-in protection).",
  subject: (t, _props, brand) => t("emails.accountThrottled.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, name, email, failures }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.accountThrottled.preview")}
      heading={t("emails.accountThrottled.heading")}
    >
      <Greeting brand={brand} t={t} name={name} />
      <Paragraph brand={brand}>
        {t("emails.accountThrottled.body", { email, product: brand.productName, failures: String(failures) })}
      </Paragraph>
      <Paragraph brand={brand}>{t("emails.accountThrottled.notYou")}</Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.accountThrottled.button")}
      </ActionButton>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/forgot-password`,
    name: "Ada Lovelace",
    email: "ada@example.com",
    failures: 10,
  }),
});
