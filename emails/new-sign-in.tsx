import { Column, Row, Section, Text } from "@react-email/components";
import { ActionButton, EmailLayout, Greeting, Paragraph } from "./components/layout";
import { defineEmailTemplate, formatWhen } from "./template";

export type NewSignInProps = {
  /** Where to reset the password (the tenant's forgot-password page). */
  url: string;
  name: string | null;
  email: string;
  /** ISO time of the sign-in. */
  when: string;
  userAgent: string | null;
  ipAddress: string | null;
};

export const newSignIn = defineEmailTemplate<NewSignInProps>({
  label: "New sign-in from an unknown device",
  description:
    "When a user signs in from a browser and network not seen in their earlier sessions (when the tenant switched sign-in alerts on).",
  subject: (t, _props, brand) => t("emails.newSignIn.subject", { product: brand.productName }),
  Component: ({ brand, t, locale, url, name, email, when, userAgent, ipAddress }) => {
    const rows = [
      [t("emails.newSignIn.when"), formatWhen(when, locale)],
      [t("emails.newSignIn.device"), userAgent || t("emails.newSignIn.unknown")],
      [t("emails.newSignIn.ip"), ipAddress || t("emails.newSignIn.unknown")],
    ] as const;
    return (
      <EmailLayout
        brand={brand}
        t={t}
        locale={locale}
        preview={t("emails.newSignIn.preview")}
        heading={t("emails.newSignIn.heading")}
      >
        <Greeting brand={brand} t={t} name={name} />
        <Paragraph brand={brand}>{t("emails.newSignIn.body", { email, product: brand.productName })}</Paragraph>
        <Section style={{ margin: "0 0 16px" }}>
          {rows.map(([label, value]) => (
            <Row key={label}>
              <Column style={{ width: 110, verticalAlign: "top" }}>
                <Text style={{ fontSize: 14, margin: "2px 0", color: brand.colors.muted }}>{label}</Text>
              </Column>
              <Column>
                <Text style={{ fontSize: 14, margin: "2px 0", color: brand.colors.foreground }}>{value}</Text>
              </Column>
            </Row>
          ))}
        </Section>
        <Paragraph brand={brand}>{t("emails.newSignIn.notYou")}</Paragraph>
        <ActionButton brand={brand} t={t} href={url}>
          {t("emails.newSignIn.button")}
        </ActionButton>
      </EmailLayout>
    );
  },
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/forgot-password`,
    name: "Ada Lovelace",
    email: "ada@example.com",
    when: "2026-03-12T14:05:00.000Z",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15",
    ipAddress: "203.0.113.42",
  }),
});
