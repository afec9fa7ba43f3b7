// node-saml's own XML parser (xmldom, refusing malformed documents); the package has no
// "exports" map, so its lib modules are importable, and it is the same parser that later reads
// the assertions.
import { parseDomFromString } from "@node-saml/node-saml/lib/xml";
import { refuseWebhookTarget } from "~/webhooks/ssrf.server";
import { certificateBody } from "./settings";

/**
 * The three facts Portico needs from a SAML identity provider's metadata (SAML 2.0 metadata,
 * §2.4.3 IDPSSODescriptor): its entity id, where to send the AuthnRequest (the HTTP-Redirect
 * SingleSignOnService) and its signing certificates.
 */
export type IdpFacts = { entityId: string; ssoUrl: string; certificates: string[] };

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const FETCH_TIMEOUT_MS = 5_000;
const MAX_METADATA_BYTES = 512 * 1024;

export class IdpMetadataError extends Error {
  constructor(
    readonly field: "idpMetadataUrl" | "idpMetadataXml",
    message: string,
  ) {
    super(message);
  }
}

export async function readIdpMetadata(
  xml: string,
  field: IdpMetadataError["field"] = "idpMetadataXml",
): Promise<IdpFacts> {
  let doc: Document;
  try {
    doc = await parseDomFromString(xml);
  } catch {
    throw new IdpMetadataError(field, "is not well-formed XML.");
  }
  const entity = doc.getElementsByTagNameNS(MD, "EntityDescriptor")[0];
  const idp = entity?.getElementsByTagNameNS(MD, "IDPSSODescriptor")[0];
  const entityId = entity?.getAttribute("entityID")?.trim();
  if (!entity || !idp || !entityId)
    throw new IdpMetadataError(
      field,
      "is not a SAML identity provider's metadata (no EntityDescriptor with an IDPSSODescriptor).",
    );
  const services = Array.from(idp.getElementsByTagNameNS(MD, "SingleSignOnService"));
  const ssoUrl = services
    .find((service) => service.getAttribute("Binding") === REDIRECT_BINDING)
    ?.getAttribute("Location");
  if (!ssoUrl || !/^https?:\/\//i.test(ssoUrl))
    throw new IdpMetadataError(field, "names no SingleSignOnService with the HTTP-Redirect binding.");
  const certificates = Array.from(idp.getElementsByTagNameNS(MD, "KeyDescriptor"))
    .filter((key) => (key.getAttribute("use") ?? "signing") === "signing")
    .flatMap((key) => Array.from(key.getElementsByTagNameNS(DS, "X509Certificate")))
    .map((node) => certificateBody(node.textContent ?? ""))
    .filter((body): body is string => body !== null);
  if (certificates.length === 0) throw new IdpMetadataError(field, "holds no signing certificate.");
  return { entityId, ssoUrl, certificates: [...new Set(certificates)] };
}

/** Downloads metadata from the identity provider; the host must be public (as webhook targets must). */
export async function fetchIdpMetadata(url: string): Promise<IdpFacts> {
  const refusal = await refuseWebhookTarget(new URL(url));
  if (refusal) throw new IdpMetadataError("idpMetadataUrl", refusal);
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "error" });
    if (!response.ok) throw new IdpMetadataError("idpMetadataUrl", `answered ${response.status}.`);
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_METADATA_BYTES)
      throw new IdpMetadataError("idpMetadataUrl", "answered more than 512 KB.");
    text = new TextDecoder().decode(body);
  } catch (error) {
    if (error instanceof IdpMetadataError) throw error;
    throw new IdpMetadataError(
      "idpMetadataUrl",
      "could not be downloaded (no answer within 5 seconds, or a redirect).",
    );
  }
  return readIdpMetadata(text, "idpMetadataUrl");
}
