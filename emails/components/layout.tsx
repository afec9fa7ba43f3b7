import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { localeDirection, type Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import type { EmailBrand } from "../brand";

/** What every template receives besides its own props. */
export type EmailContext = { brand: EmailBrand; t: Translate; locale: Locale };

/**
 * The frame every tenant email shares: logo or product name, a card with the message, and a
 * footer with the theme's legal links. Colors are inlined (mail clients drop <style>).
 */
export function EmailLayout({
  brand,
  t,
  locale,
  preview,
  heading,
  children,
}: EmailContext & { preview: string; heading: string; children: ReactNode }) {
  const { colors } = brand;
  const legal = [
    { href: brand.legal.termsUrl, label: t("emails.footer.terms") },
    { href: brand.legal.privacyUrl, label: t("emails.footer.privacy") },
    { href: brand.legal.supportUrl, label: t("emails.footer.support") },
  ].filter((link) => link.href);
  return (
    <Html lang={locale} dir={localeDirection(locale)}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: colors.background,
          color: colors.foreground,
          fontFamily: brand.fontFamily,
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container style={{ maxWidth: 520, margin: "0 auto", padding: "0 16px" }}>
          <Section style={{ padding: "8px 0 20px", textAlign: "center" }}>
            {brand.logoUrl ? (
              <Img
                src={brand.logoUrl}
                alt={t("emails.logoAlt", { product: brand.productName })}
                height={40}
                style={{ margin: "0 auto" }}
              />
            ) : (
              <Text style={{ fontSize: 20, fontWeight: 700, margin: 0, color: colors.foreground }}>
                {brand.productName}
              </Text>
            )}
          </Section>
          <Section
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.border}`,
              borderRadius: brand.radius,
              padding: "28px 28px 20px",
            }}
          >
            <Heading as="h1" style={{ fontSize: 22, lineHeight: "28px", margin: "0 0 16px", color: colors.foreground }}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Section style={{ padding: "16px 0", textAlign: "center" }}>
            <Text style={{ fontSize: 12, color: colors.muted, margin: "0 0 4px" }}>
              {t("emails.footer.sentBy", { product: brand.productName })}
            </Text>
            {legal.length > 0 ? (
              <Text style={{ fontSize: 12, color: colors.muted, margin: 0 }}>
                {legal.map((link, index) => (
                  <span key={link.href}>
                    {index > 0 ? " · " : null}
                    <Link href={link.href} style={{ color: colors.muted, textDecoration: "underline" }}>
                      {link.label}
                    </Link>
                  </span>
                ))}
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({
  brand,
  children,
  muted = false,
}: {
  brand: EmailBrand;
  children: ReactNode;
  muted?: boolean;
}) {
  return (
    <Text
      style={{
        fontSize: muted ? 14 : 16,
        lineHeight: muted ? "20px" : "24px",
        margin: "0 0 16px",
        color: muted ? brand.colors.muted : brand.colors.foreground,
      }}
    >
      {children}
    </Text>
  );
}

/** The message's one action, in the theme's primary color, with the bare link below for clients that drop buttons. */
export function ActionButton({
  brand,
  t,
  href,
  children,
}: {
  brand: EmailBrand;
  t: Translate;
  href: string;
  children: string;
}) {
  return (
    <>
      <Section style={{ margin: "8px 0 20px" }}>
        <Button
          href={href}
          style={{
            backgroundColor: brand.colors.primary,
            color: brand.colors.primaryForeground,
            borderRadius: brand.radius,
            fontSize: 16,
            fontWeight: 600,
            padding: "12px 20px",
            textDecoration: "none",
          }}
        >
          {children}
        </Button>
      </Section>
      <Text style={{ fontSize: 13, lineHeight: "18px", color: brand.colors.muted, margin: "0 0 16px" }}>
        {t("emails.buttonFallback")}{" "}
        <Link href={href} style={{ color: brand.colors.primary, wordBreak: "break-all" }}>
          {href}
        </Link>
      </Text>
    </>
  );
}

export function Greeting({ brand, t, name }: { brand: EmailBrand; t: Translate; name?: string | null }) {
  return <Paragraph brand={brand}>{name ? t("emails.greeting", { name }) : t("emails.greetingAnonymous")}</Paragraph>;
}

export function Divider({ brand }: { brand: EmailBrand }) {
  return <Hr style={{ borderColor: brand.colors.border, margin: "8px 0 16px" }} />;
}
