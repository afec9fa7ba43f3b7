import type { AuditEventInput } from "~/audit/audit.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { SsoConnection, SsoConnectionInput } from "./connections.server";
import type { SsoDomain } from "./domains.server";
import { fetchIdpMetadata, IdpMetadataError, readIdpMetadata, type IdpFacts } from "./idp-metadata.server";
import { discoverIssuer, oidcRedirectUri } from "./oidc.server";
import { spUrls, type SpUrls } from "./saml.server";
import { certificateBody, type OidcSettings, type SamlSettings, type SsoSettings } from "./settings";

/**
 * An organization's SSO setup as the console and the management API change it: the connection
 * (IdP metadata read and checked, or the OIDC issuer discovered, before anything is saved), its
 * removal, and its email domains. Each change is audited (`sso.*`).
 */
type SsoActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;
type Organization = { id: string; slug: string; name: string };

export type SsoStatus = {
  organization: Organization;
  connection: SsoConnection | null;
  /** What the identity provider is told about Portico (SAML's values exist before connecting). */
  serviceProvider: (SpUrls & { protocol: "saml" }) | { protocol: "oidc"; redirectUri: string };
  /** A link that starts the organization's SSO sign-in (for an IdP's app tile or a test). */
  signInUrl: string;
  domains: SsoDomain[];
};

export class SsoSetupError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
  }
}

export async function ssoStatus(live: LiveTenant, organization: Organization): Promise<SsoStatus> {
  const { sso, ssoDomains, env } = getPortico();
  const connection = await sso.get(live.tenant.id, organization.id);
  const slug = live.tenant.slug;
  return {
    organization,
    connection,
    serviceProvider:
      connection?.protocol === "oidc"
        ? { protocol: "oidc", redirectUri: oidcRedirectUri(slug) }
        : { protocol: "saml", ...spUrls(slug, organization.id) },
    signInUrl: `${env.publicUrl.origin}/t/${slug}/sso?organization=${encodeURIComponent(organization.slug)}`,
    domains: await ssoDomains.list(live.tenant.id, organization.id),
  };
}

async function record(actor: SsoActor, type: string, organization: Organization, data?: Record<string, unknown>) {
  await getPortico().audit.record({
    ...actor,
    type,
    target: { type: "organization", id: organization.id, label: organization.slug },
    data: { organizationId: organization.id, ...data },
  });
}

async function samlFacts(settings: SamlSettings): Promise<IdpFacts> {
  try {
    if (settings.idpMetadataXml) return await readIdpMetadata(settings.idpMetadataXml);
    if (settings.idpMetadataUrl) return await fetchIdpMetadata(settings.idpMetadataUrl);
  } catch (error) {
    if (error instanceof IdpMetadataError) throw new SsoSetupError(error.field, error.message);
    throw error;
  }
  const certificate = certificateBody(settings.idpCertificate ?? "");
  if (!certificate) throw new SsoSetupError("idpCertificate", "is not a PEM or base64 X.509 certificate.");
  return { entityId: settings.idpEntityId!, ssoUrl: settings.idpSsoUrl!, certificates: [certificate] };
}

async function checkOidc(settings: OidcSettings) {
  try {
    await discoverIssuer(settings.issuer, settings.clientId, settings.clientSecret);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SsoSetupError("issuer", `has no readable OpenID Connect discovery document (${reason.slice(0, 200)}).`);
  }
}

/** Connects the organization (or replaces its connection) once the IdP's details check out. */
export async function saveSsoConnection(
  live: LiveTenant,
  organization: Organization,
  settings: SsoSettings,
  actor: SsoActor,
): Promise<SsoStatus> {
  const common = { defaultRole: settings.defaultRole, attributeMapping: settings.attributeMapping };
  let input: SsoConnectionInput;
  if (settings.protocol === "saml") {
    const facts = await samlFacts(settings);
    input = {
      protocol: "saml",
      saml: { idpEntityId: facts.entityId, idpSsoUrl: facts.ssoUrl, idpCertificates: facts.certificates },
      ...common,
    };
  } else {
    await checkOidc(settings);
    input = {
      protocol: "oidc",
      oidc: { issuer: settings.issuer, clientId: settings.clientId, clientSecret: settings.clientSecret },
      ...common,
    };
  }
  const previous = await getPortico().sso.get(live.tenant.id, organization.id);
  const saved = await getPortico().sso.save(live.tenant.id, organization.id, input);
  await record(actor, previous ? "sso.connection_updated" : "sso.connection_created", organization, {
    connectionId: saved.id,
    protocol: saved.protocol,
  });
  return ssoStatus(live, organization);
}

/** Disconnects the organization's SSO; its people sign in other ways. False when it had none. */
export async function removeSsoConnection(live: LiveTenant, organization: Organization, actor: SsoActor) {
  const removed = await getPortico().sso.remove(live.tenant.id, organization.id);
  if (removed) await record(actor, "sso.connection_removed", organization);
  return removed;
}

export async function addSsoDomain(live: LiveTenant, organization: Organization, domain: string, actor: SsoActor) {
  const added = await getPortico().ssoDomains.add(live.tenant.id, organization.id, domain);
  if (added.ok) await record(actor, "sso.domain_added", organization, { domain: added.domain.domain });
  return added;
}

/** Looks the domain's TXT record up now; null when the organization has no such domain. */
export async function verifySsoDomain(live: LiveTenant, organization: Organization, domain: string, actor: SsoActor) {
  const before = (await getPortico().ssoDomains.list(live.tenant.id, organization.id)).find((d) => d.domain === domain);
  const checked = await getPortico().ssoDomains.verify(live.tenant.id, organization.id, domain);
  if (checked && Boolean(checked.verifiedAt) !== Boolean(before?.verifiedAt))
    await record(actor, checked.verifiedAt ? "sso.domain_verified" : "sso.domain_unverified", organization, { domain });
  return checked;
}

export async function removeSsoDomain(live: LiveTenant, organization: Organization, domain: string, actor: SsoActor) {
  const removed = await getPortico().ssoDomains.remove(live.tenant.id, organization.id, domain);
  if (removed) await record(actor, "sso.domain_removed", organization, { domain });
  return removed;
}
