import { Text } from "@react-email/components";
import { EmailLayout, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type OneTimeCodeProps = { code: string; email: string; expiresInMinutes: number };

export const oneTimeCode = defineEmailTemplate<OneTimeCodeProps>({
  label: "One-time code",
  description: "When a user asks for a sign-in code (Email code method).",
  subject: (t, { code }, brand) => t("emails.oneTimeCode.subject", { code, product: brand.productName }),
  Component: ({ brand, t, locale, code, email, expiresInMinutes }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.oneTimeCode.preview")}
      heading={t("emails.oneTimeCode.heading")}
    >
      <Paragraph brand={brand}>{t("emails.oneTimeCode.body", { email })}</Paragraph>
      <Text
        data-testid="one-time-code"
        style={{
          fontSize: 32,
          fontWeight: 700,
          letterSpacing: "0.3em",
          fontFamily: "ui-monospace, Menlo, Consolas, monospace",
          textAlign: "center",
          backgroundColor: brand.colors.background,
          border: `1px solid ${brand.colors.border}`,
          borderRadius: brand.radius,
          color: brand.colors.primary,
          padding: "12px 0",
          margin: "8px 0 20px",
        }}
      >
        {code}
      </Text>
      <Paragraph brand={brand} muted>
        {t("emails.oneTimeCode.expiry", { minutes: expiresInMinutes })} {t("emails.ignore")}
      </Paragraph>
    </EmailLayout>
  ),
  sample: () => ({ code: "428193", email: "ada@example.com", expiresInMinutes: 5 }),
});
