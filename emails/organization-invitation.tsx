import { ActionButton, EmailLayout, Paragraph } from "./components/layout";
import { defineEmailTemplate } from "./template";

export type OrganizationInvitationProps = {
  url: string;
  inviterName: string;
  inviterEmail: string;
  organizationName: string;
  expiresInHours: number;
};

export const organizationInvitation = defineEmailTemplate<OrganizationInvitationProps>({
  label: "Organization invitation",
  description: "When a member of an organization invites someone by email (Organizations method).",
  subject: (t, { inviterName, organizationName }) =>
    t("emails.organizationInvitation.subject", { inviter: inviterName, organization: organizationName }),
  Component: ({ brand, t, locale, url, inviterName, inviterEmail, organizationName, expiresInHours }) => (
    <EmailLayout
      brand={brand}
      t={t}
      locale={locale}
      preview={t("emails.organizationInvitation.preview", {
        organization: organizationName,
        product: brand.productName,
      })}
      heading={t("emails.organizationInvitation.heading", { organization: organizationName })}
    >
      <Paragraph brand={brand}>
        {t("emails.organizationInvitation.body", {
          inviter: inviterName,
          inviterEmail,
          organization: organizationName,
          product: brand.productName,
        })}
      </Paragraph>
      <ActionButton brand={brand} t={t} href={url}>
        {t("emails.organizationInvitation.button")}
      </ActionButton>
      <Paragraph brand={brand} muted>
        {t("emails.organizationInvitation.expiry", { hours: expiresInHours })} {t("emails.ignore")}
      </Paragraph>
    </EmailLayout>
  ),
  sample: (hostedUrl) => ({
    url: `${hostedUrl}/invitations/sample`,
    inviterName: "Grace Hopper",
    inviterEmail: "grace@example.com",
    organizationName: "Analytical Engines",
    expiresInHours: 48,
  }),
});
