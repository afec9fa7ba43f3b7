import { z } from "zod";
import { findOrganization } from "~/scim/connection-actions.server";
import {
  addSsoDomain,
  removeSsoConnection,
  removeSsoDomain,
  saveSsoConnection,
  ssoStatus,
  SsoSetupError,
  verifySsoDomain,
  type SsoStatus,
} from "~/sso/connection-actions.server";
import type { SsoDomain } from "~/sso/domains.server";
import { AttributeMappingSchema, SsoSettingsSchema } from "~/sso/settings";
import { Id, Timestamp } from "./common.server";
import { ApiError, conflict, notFound } from "./errors.server";
import { defineOperation, type ApiContext } from "./operation.server";

/** An organization's enterprise SSO (app/sso): its SAML or OIDC connection and its email domains. */
const DomainSchema = z
  .object({
    domain: z.string(),
    recordName: z.string().meta({ description: "Create a TXT record with this name…" }),
    recordValue: z.string().meta({ description: "…and this value, then verify." }),
    verified: z.boolean(),
    verifiedAt: Timestamp.nullable(),
    lastCheckedAt: Timestamp.nullable(),
  })
  .meta({ id: "SsoDomain" });

const StatusSchema = z
  .object({
    organizationId: z.string(),
    connected: z.boolean(),
    protocol: z.enum(["saml", "oidc"]).nullable(),
    signInUrl: z.string().meta({ description: "Starts the organization's SSO sign-in (IdP app tile, test)." }),
    serviceProvider: z
      .object({
        entityId: z.string().optional().meta({ description: "SAML: the SP entity id (Audience URI)." }),
        acsUrl: z.string().optional().meta({ description: "SAML: the assertion consumer service (Reply URL)." }),
        metadataUrl: z.string().optional().meta({ description: "SAML: the SP metadata to download." }),
        redirectUri: z.string().optional().meta({ description: "OIDC: the redirect URI to register." }),
      })
      .meta({ description: "What to give the IdP; SAML's values exist before the organization is connected." }),
    identityProvider: z
      .object({
        entityId: z.string().optional(),
        ssoUrl: z.string().optional(),
        certificateCount: z.number().int().optional(),
        issuer: z.string().optional(),
        clientId: z.string().optional(),
      })
      .nullable(),
    defaultRole: z.string().nullable(),
    attributeMapping: AttributeMappingSchema.nullable(),
    domains: z.array(DomainSchema),
    updatedAt: Timestamp.nullable(),
  })
  .meta({ id: "SsoConnection" });

const OrgParams = z.strictObject({ organizationId: Id });
const DomainParams = z.strictObject({ organizationId: Id, domain: z.string().min(1).max(253) });

const domainToApi = (domain: SsoDomain) => ({
  domain: domain.domain,
  recordName: domain.recordName,
  recordValue: domain.recordValue,
  verified: Boolean(domain.verifiedAt),
  verifiedAt: domain.verifiedAt?.toISOString() ?? null,
  lastCheckedAt: domain.lastCheckedAt?.toISOString() ?? null,
});

function toApi(status: SsoStatus) {
  const { connection, serviceProvider } = status;
  const { protocol: _protocol, ...spValues } = serviceProvider;
  return {
    organizationId: status.organization.id,
    connected: Boolean(connection),
    protocol: connection?.protocol ?? null,
    signInUrl: status.signInUrl,
    serviceProvider: spValues,
    identityProvider: connection?.saml
      ? {
          entityId: connection.saml.idpEntityId,
          ssoUrl: connection.saml.idpSsoUrl,
          certificateCount: connection.saml.idpCertificates.length,
        }
      : connection?.oidc
        ? { issuer: connection.oidc.issuer, clientId: connection.oidc.clientId }
        : null,
    defaultRole: connection?.defaultRole ?? null,
    attributeMapping: connection?.attributeMapping ?? null,
    domains: status.domains.map(domainToApi),
    updatedAt: connection?.updatedAt.toISOString() ?? null,
  };
}

async function requireOrganization(ctx: ApiContext, organizationId: string) {
  const organization = await findOrganization(ctx.live, organizationId);
  if (!organization) throw notFound("organization");
  return organization;
}

const TAG = "SSO";

export const SSO_OPERATIONS = [
  defineOperation({
    operationId: "getSsoConnection",
    method: "GET",
    path: "/organizations/{organizationId}/sso",
    tag: TAG,
    summary: "Read an organization's SSO connection",
    description: "The values to give the identity provider, what Portico knows of it, and the email domains.",
    scope: "organizations:read",
    params: OrgParams,
    errors: [404],
    success: { status: 200, description: "The connection's status.", schema: StatusSchema },
    run: async (ctx, { params }) =>
      toApi(await ssoStatus(ctx.live, await requireOrganization(ctx, params.organizationId))),
  }),
  defineOperation({
    operationId: "putSsoConnection",
    method: "PUT",
    path: "/organizations/{organizationId}/sso",
    tag: TAG,
    summary: "Connect an organization to its identity provider",
    description:
      "SAML 2.0 (IdP metadata by URL or XML, or entity id, SSO URL and certificate) or OpenID Connect (issuer, client id and secret). The metadata is read or the issuer discovered before anything is saved; a second call replaces the connection and keeps its SP URLs.",
    scope: "organizations:write",
    params: OrgParams,
    body: SsoSettingsSchema,
    errors: [404, 422],
    success: { status: 200, description: "The saved connection.", schema: StatusSchema },
    run: async (ctx, { params, body }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      try {
        return toApi(await saveSsoConnection(ctx.live, organization, body, ctx.audit));
      } catch (error) {
        if (!(error instanceof SsoSetupError)) throw error;
        throw new ApiError(422, "validation_failed", error.message, [{ field: error.field, message: error.message }]);
      }
    },
  }),
  defineOperation({
    operationId: "deleteSsoConnection",
    method: "DELETE",
    path: "/organizations/{organizationId}/sso",
    tag: TAG,
    summary: "Disconnect an organization's SSO",
    description: "Its people sign in other ways from now on; their accounts and memberships stay.",
    scope: "organizations:write",
    params: OrgParams,
    errors: [404],
    success: { status: 204, description: "Disconnected." },
    run: async (ctx, { params }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      if (!(await removeSsoConnection(ctx.live, organization, ctx.audit))) throw notFound("SSO connection");
      return null;
    },
  }),
  defineOperation({
    operationId: "addSsoDomain",
    method: "POST",
    path: "/organizations/{organizationId}/sso/domains",
    tag: TAG,
    summary: "Claim an email domain for an organization's SSO",
    description: "Answers the TXT record to create; the domain routes nobody until verified.",
    scope: "organizations:write",
    params: OrgParams,
    body: z.strictObject({ domain: z.string().min(1).max(253) }).meta({ id: "AddSsoDomain" }),
    errors: [404, 409, 422],
    success: { status: 201, description: "The claimed domain.", schema: DomainSchema },
    run: async (ctx, { params, body }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      const added = await addSsoDomain(ctx.live, organization, body.domain, ctx.audit);
      if (added.ok) return domainToApi(added.domain);
      if (added.code === "taken") throw conflict("domain_taken", added.message, "domain");
      throw new ApiError(422, "validation_failed", added.message, [{ field: "domain", message: added.message }]);
    },
  }),
  defineOperation({
    operationId: "verifySsoDomain",
    method: "POST",
    path: "/organizations/{organizationId}/sso/domains/{domain}/verify",
    tag: TAG,
    summary: "Check an SSO domain's TXT record now",
    description: "verified is true while the record is there; a removed record takes verification back.",
    scope: "organizations:write",
    params: DomainParams,
    errors: [404],
    success: { status: 200, description: "The domain after the check.", schema: DomainSchema },
    run: async (ctx, { params }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      const checked = await verifySsoDomain(ctx.live, organization, params.domain, ctx.audit);
      if (!checked) throw notFound("SSO domain");
      return domainToApi(checked);
    },
  }),
  defineOperation({
    operationId: "removeSsoDomain",
    method: "DELETE",
    path: "/organizations/{organizationId}/sso/domains/{domain}",
    tag: TAG,
    summary: "Release an SSO domain",
    scope: "organizations:write",
    params: DomainParams,
    errors: [404],
    success: { status: 204, description: "Released." },
    run: async (ctx, { params }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      if (!(await removeSsoDomain(ctx.live, organization, params.domain, ctx.audit))) throw notFound("SSO domain");
      return null;
    },
  }),
];
