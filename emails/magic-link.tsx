import { ActionButton, EmailLayout, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type MagicLinkProps = { url: string; email: string; expiresInMinutes: number };

export const magicLink = defineEmailTemplate<MagicLinkProps>({
  label: "Magic link",
  description: "When a user asks for a sign-in link (Magic link method).",
  subject: (t, _props, brand) => t("emails.magicLink.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, email, expiresInMinutes }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.magicLink.preview")}
      heading={t("emails.magicLink.heading", { product: brand.productName })}
    >
      <Paragraph brand={brand}>{t("emails.magicLink.body", { email })}</Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.magicLink.button")}
      </ActionButton>
      <Paragraph brand={brand} muted>
        {t("emails.magicLink.expiry", { minutes: expiresInMinutes })} {t("emails.ignore")}
      </Paragraph>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/api/auth/magic-link/verify?token=sample&callbackURL=${encodeURIComponent(`${hostedUrl}/account`)}`,
    email: "ada@example.com",
    expiresInMinutes: 10,
  }),
});
