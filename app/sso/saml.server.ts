import { SAML, ValidateInResponseTo, type Profile } from "@node-saml/node-saml";
import { parseDomFromString } from "@node-saml/node-saml/lib/xml";
import { getPortico } from "~/context.server";
import { LOGIN_REQUEST_TTL_MS, type LoginPurpose, type SsoConnection } from "./connections.server";
import type { IdpAnswer } from "./identity";

/**
 * The SAML 2.0 service provider of an organization's connection, on @node-saml/node-saml
 * (docs/decisions/0028). node-saml checks the signature (the assertion must be signed, whatever
 * else is), the audience, the validity window (a minute of clock skew) and InResponseTo against
 * our login requests; Portico adds what it leaves to the caller: the Issuer, the Destination and
 * Recipient, and refusing an assertion that was already used (replay).
 */
export type SpUrls = { entityId: string; acsUrl: string; metadataUrl: string };

/** Why an answer from the identity provider was refused; the code the error page shows. */
export type SamlRefusal =
  | "saml_signature"
  | "saml_audience"
  | "saml_expired"
  | "saml_unsolicited"
  | "saml_issuer"
  | "saml_destination"
  | "saml_replayed"
  | "saml_invalid";

const CLOCK_SKEW_MS = 60_000;
const ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
const UNSPECIFIED_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

/**
 * The organization's SP values, on the deployment's public URL (what the IdP is configured
 * with). They name the organization, not the connection: an administrator can copy them into
 * the IdP before connecting, and replacing the connection keeps them.
 */
export function spUrls(tenantSlug: string, organizationId: string): SpUrls {
  const base = `${getPortico().env.publicUrl.origin}/t/${tenantSlug}/api/sso/saml/${organizationId}`;
  return { entityId: `${base}/metadata`, metadataUrl: `${base}/metadata`, acsUrl: `${base}/acs` };
}

function serviceProvider(tenantSlug: string, connection: SsoConnection, requestId?: string): SAML {
  const saml = connection.saml;
  if (!saml) throw new Error(`SSO connection ${connection.id} is not a SAML connection.`);
  const urls = spUrls(tenantSlug, connection.organizationId);
  return new SAML({
    issuer: urls.entityId,
    audience: urls.entityId,
    callbackUrl: urls.acsUrl,
    entryPoint: saml.idpSsoUrl,
    idpCert: saml.idpCertificates,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: LOGIN_REQUEST_TTL_MS,
    cacheProvider: getPortico().sso.inResponseToCache(connection.id),
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: UNSPECIFIED_NAME_ID,
    // Entra ID and Okta refuse a RequestedAuthnContext they do not use (e.g. for MFA sign-ins).
    disableRequestedAuthnContext: true,
    signatureAlgorithm: "sha256",
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

/** The SP metadata XML to give the identity provider (or to let it download). */
export function spMetadata(tenantSlug: string, connection: SsoConnection): string {
  return serviceProvider(tenantSlug, connection).generateServiceProviderMetadata(null, null);
}

/** Where to send the browser: the IdP's sign-in page with a fresh AuthnRequest, remembered for its answer. */
export async function samlSignInUrl(
  tenantSlug: string,
  connection: SsoConnection,
  login: { redirectTo: string | null; purpose: LoginPurpose },
) {
  const requestId = await getPortico().sso.startLogin(connection.id, login);
  return serviceProvider(tenantSlug, connection, requestId).getAuthorizeUrlAsync(requestId, undefined, {});
}

function refusalOf(error: unknown): SamlRefusal {
  const message = error instanceof Error ? error.message : "";
  if (/signature/i.test(message)) return "saml_signature";
  if (/audience/i.test(message)) return "saml_audience";
  if (/expired|not yet valid|subject confirmation/i.test(message)) return "saml_expired";
  if (/InResponseTo/i.test(message)) return "saml_unsolicited";
  return "saml_invalid";
}

type XmlNode = { $?: Record<string, string>; _?: string; [child: string]: unknown };
const first = (node: XmlNode | undefined, child: string) => (node?.[child] as XmlNode[] | undefined)?.[0];
const textOf = (node: XmlNode | string | undefined) => (typeof node === "string" ? node : node?._)?.trim();

/** The Issuer, Recipient, ID and expiry of the assertion node-saml verified (its signed copy). */
function signedAssertionFacts(profile: Profile) {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const confirmation = first(first(first(assertion, "Subject"), "SubjectConfirmation"), "SubjectConfirmationData");
  const expiries = [confirmation?.$?.NotOnOrAfter, first(assertion, "Conditions")?.$?.NotOnOrAfter]
    .filter((value): value is string => Boolean(value))
    .map((value) => Date.parse(value))
    .filter((value) => Number.isFinite(value));
  return {
    id: assertion?.$?.ID ?? null,
    issuer: textOf(first(assertion, "Issuer")),
    recipient: confirmation?.$?.Recipient ?? null,
    expiresAt: expiries.length ? new Date(Math.max(...expiries) + CLOCK_SKEW_MS) : null,
  };
}

function attributeValues(profile: Profile, name: string): string[] {
  const value = (profile.attributes as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((entry) => (typeof entry === "string" ? entry : (textOf(entry as XmlNode) ?? ""))).filter(Boolean);
}

/**
 * Checks the identity provider's answer posted to the ACS. On success: who signed in, and
 * where they were going; otherwise the refusal's code.
 */
export async function acceptSamlResponse(
  tenantSlug: string,
  connection: SsoConnection,
  form: { SAMLResponse?: string; RelayState?: string },
): Promise<IdpAnswer & ({ ok: true } | { ok: false; code: SamlRefusal })> {
  if (!form.SAMLResponse) return { ok: false, code: "saml_invalid", detail: "no SAMLResponse in the form" };
  const urls = spUrls(tenantSlug, connection.organizationId);
  let doc: Document;
  try {
    doc = await parseDomFromString(Buffer.from(form.SAMLResponse, "base64").toString("utf8"));
  } catch {
    return { ok: false, code: "saml_invalid", detail: "SAMLResponse is not well-formed XML" };
  }
  // Optional in the Response (SAML core §3.2.2); when present it must be this ACS.
  const destination = doc.documentElement.getAttribute("Destination");
  if (destination && destination !== urls.acsUrl)
    return { ok: false, code: "saml_destination", detail: `Destination ${destination} is not this ACS` };
  // A used assertion is refused before anything else looks at it (only refusing on an unsigned
  // copy's ID is safe; it is recorded as used below, once verified).
  const presentedId = doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion")[0]?.getAttribute("ID");
  if (presentedId && (await getPortico().sso.assertionUsed(connection.id, presentedId)))
    return { ok: false, code: "saml_replayed", detail: `assertion ${presentedId} was already used` };
  let profile: Profile | null;
  try {
    ({ profile } = await serviceProvider(tenantSlug, connection).validatePostResponseAsync({
      SAMLResponse: form.SAMLResponse,
    }));
  } catch (error) {
    return { ok: false, code: refusalOf(error), detail: error instanceof Error ? error.message : String(error) };
  }
  if (!profile) return { ok: false, code: "saml_invalid", detail: "no assertion" };
  const facts = signedAssertionFacts(profile);
  if (facts.issuer !== connection.saml?.idpEntityId)
    return { ok: false, code: "saml_issuer", detail: `Issuer ${facts.issuer ?? "(none)"} is not the configured IdP` };
  if (facts.recipient !== urls.acsUrl)
    return { ok: false, code: "saml_destination", detail: `Recipient ${facts.recipient ?? "(none)"} is not this ACS` };
  if (!facts.id || !facts.expiresAt)
    return { ok: false, code: "saml_invalid", detail: "the assertion has no ID or no NotOnOrAfter" };
  if (!(await getPortico().sso.consumeAssertion(connection.id, facts.id, facts.expiresAt)))
    return { ok: false, code: "saml_replayed", detail: `assertion ${facts.id} was already used` };
  const mapping = connection.attributeMapping;
  // Without the mapped attribute, the NameID when it is an email address (Okta's default).
  const email = attributeValues(profile, mapping.email)[0] ?? profile.nameID;
  return {
    ok: true,
    identity: {
      subject: profile.nameID,
      email: email.trim().toLowerCase(),
      name: attributeValues(profile, mapping.name)[0] ?? null,
      groups: attributeValues(profile, mapping.groups),
    },
    ...(typeof profile.inResponseTo === "string"
      ? await getPortico().sso.loginTarget(connection.id, profile.inResponseTo)
      : { redirectTo: null, test: false }),
  };
}
