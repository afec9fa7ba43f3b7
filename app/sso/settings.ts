import { z } from "zod";

/**
 * What an administrator tells Portico about an organization's identity provider, validated
 * once here for the console and the management API. Messages name the field, so a 422 or a
 * form error says what to fix.
 */
const ROLE = /^[a-z][a-z0-9_-]{0,31}$/;

/** Roles an identity provider may give. `owner` is never given by an IdP: it can delete the organization. */
const GrantableRole = z
  .string()
  .regex(ROLE, "is a lower-case role name such as admin or member.")
  .refine((role) => role !== "owner", "cannot be owner: an identity provider may not make owners.");

const AttributeName = z.string().trim().min(1).max(200);

export const AttributeMappingSchema = z
  .strictObject({
    email: AttributeName.default("email").meta({
      description: "The attribute (SAML) or claim (OIDC) holding the email.",
    }),
    name: AttributeName.default("name").meta({ description: "The attribute or claim holding the display name." }),
    groups: AttributeName.default("groups").meta({ description: "The attribute or claim listing the user's groups." }),
    groupRoles: z
      .record(z.string().trim().min(1).max(200), GrantableRole)
      .refine((map) => Object.keys(map).length <= 50, "may map at most 50 groups.")
      .default({})
      .meta({ description: "Group name → organization role; the first group listed here that the user is in wins." }),
  })
  .meta({ id: "SsoAttributeMapping" });

export type AttributeMapping = z.output<typeof AttributeMappingSchema>;

const HttpsUrl = z
  .url({ error: "must be an absolute URL." })
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value), "must be an http or https URL.");

const Common = {
  defaultRole: GrantableRole.default("member").meta({
    description: "The organization role of a user created at their first sign-in, unless a group maps to another.",
  }),
  attributeMapping: AttributeMappingSchema.default(AttributeMappingSchema.parse({})),
};

export const SamlSettingsSchema = z
  .strictObject({
    protocol: z.literal("saml"),
    /** Either metadata (by URL or as XML), or the three values typed in. */
    idpMetadataUrl: HttpsUrl.optional().meta({
      description: "Where the identity provider publishes its SAML metadata.",
    }),
    idpMetadataXml: z
      .string()
      .max(200_000)
      .optional()
      .meta({ description: "The identity provider's SAML metadata, uploaded." }),
    idpEntityId: z.string().trim().min(1).max(1024).optional().meta({ description: "The IdP's entity id (Issuer)." }),
    idpSsoUrl: HttpsUrl.optional().meta({ description: "The IdP's single sign-on URL (HTTP-Redirect binding)." }),
    idpCertificate: z
      .string()
      .max(20_000)
      .optional()
      .meta({ description: "The IdP's signing certificate (PEM or base64)." }),
    ...Common,
  })
  .superRefine((value, ctx) => {
    if (value.idpMetadataUrl || value.idpMetadataXml) return;
    for (const field of ["idpEntityId", "idpSsoUrl", "idpCertificate"] as const)
      if (!value[field])
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "is required unless idpMetadataUrl or idpMetadataXml is given.",
        });
  })
  .meta({ id: "SamlConnectionSettings" });

export const OidcSettingsSchema = z
  .strictObject({
    protocol: z.literal("oidc"),
    issuer: HttpsUrl.meta({ description: "The issuer; its /.well-known/openid-configuration names the endpoints." }),
    clientId: z.string().trim().min(1).max(500),
    clientSecret: z.string().min(1).max(2000).meta({ description: "Stored encrypted; never shown again." }),
    ...Common,
  })
  .meta({ id: "OidcConnectionSettings" });

export const SsoSettingsSchema = z.discriminatedUnion("protocol", [SamlSettingsSchema, OidcSettingsSchema], {
  error: 'protocol must be "saml" or "oidc".',
});

export type SamlSettings = z.output<typeof SamlSettingsSchema>;
export type OidcSettings = z.output<typeof OidcSettingsSchema>;
export type SsoSettings = z.output<typeof SsoSettingsSchema>;

/** A PEM certificate or its bare base64 body → the base64 body node-saml and samlify compare. */
export function certificateBody(certificate: string): string | null {
  const body = certificate.replace(/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----/g, "").replace(/\s+/g, "");
  return /^[A-Za-z0-9+/]+={0,2}$/.test(body) && body.length >= 100 ? body : null;
}
