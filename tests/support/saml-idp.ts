import { webcrypto } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import * as x509 from "@peculiar/x509";
// The default export: samlify is CommonJS, and its SamlLib is not seen as a named export.
import samlify from "samlify";

/**
 * A SAML 2.0 identity provider on 127.0.0.1 built on samlify, an implementation independent of
 * the node-saml service provider Portico uses: it reads Portico's AuthnRequest (HTTP-Redirect)
 * and answers with a signed Response through the browser (HTTP-POST, an auto-submitted form),
 * as Okta or Entra ID do. Its sign-in page asks for the email to sign in as.
 *
 * `nextAnswer` bends the next Response for negative tests: unsigned, signed with a key the SP
 * does not know, another audience, expired, or made for another service provider. The last
 * Response sent can be posted again (`/replay`), as an attacker who captured it would.
 */
export type Tampering = {
  unsigned?: boolean;
  /** Sign with a key pair the service provider was never given. */
  foreignKey?: boolean;
  audience?: string;
  /** Seconds from now for NotOnOrAfter (negative: already expired). */
  expiresIn?: number;
  /** Build the Response for this SP's metadata URL (audience, destination, recipient) instead. */
  forServiceProvider?: string;
  groups?: string[];
};

export type TestSamlIdp = {
  origin: string;
  entityId: string;
  metadataXml: string;
  /** The bare base64 signing certificate, as an admin would paste it. */
  certificate: string;
  nextAnswer: Tampering | null;
  close(): Promise<void>;
};

const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

// samlify refuses to parse without a schema validator; the Portico side is what is under test,
// so the IdP fixture accepts any well-formed request.
samlify.setSchemaValidator({ validate: async () => "skipped" });

async function keyPair(name: string) {
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: `CN=${name}`,
      keys,
      signingAlgorithm: algorithm,
      notBefore: new Date(Date.now() - 3_600_000),
      notAfter: new Date(Date.now() + 86_400_000),
    },
    webcrypto as Crypto,
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)).toString("base64");
  const privateKey = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join("\n")}\n-----END PRIVATE KEY-----\n`;
  return { privateKey, certificatePem: cert.toString("pem"), certificate: cert.toString("base64") };
}

const escapeXml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function attributeStatement(attributes: Record<string, string[]>): string {
  const rows = Object.entries(attributes)
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values
          .map((value) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue>`)
          .join("")}</saml:Attribute>`,
    )
    .join("");
  return `<saml:AttributeStatement>${rows}</saml:AttributeStatement>`;
}

function autoPostForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeXml(value)}">`)
    .join("");
  return `<!doctype html><title>Signing you in</title><form method="post" action="${escapeXml(action)}">${inputs}<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script>`;
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startSamlIdp(): Promise<TestSamlIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${origin}/idp`;
  const [own, foreign] = await Promise.all([keyPair("Test IdP"), keyPair("Someone else")]);
  const identityProvider = (keys: typeof own) =>
    samlify.IdentityProvider({
      entityID: entityId,
      privateKey: keys.privateKey,
      signingCert: keys.certificatePem,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: REDIRECT, Location: `${origin}/sso` }],
    });
  const idp = identityProvider(own);
  const spMetadata = new Map<string, string>();
  const serviceProvider = async (metadataUrl: string) => {
    if (!spMetadata.has(metadataUrl)) spMetadata.set(metadataUrl, await (await fetch(metadataUrl)).text());
    return samlify.ServiceProvider({ metadata: spMetadata.get(metadataUrl)! });
  };
  let lastPost: { action: string; fields: Record<string, string> } | null = null;

  const fixture: TestSamlIdp = {
    origin,
    entityId,
    metadataXml: idp.getMetadata(),
    certificate: own.certificate,
    nextAnswer: null,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function answer(request: { id: string; issuer: string; relayState: string }, email: string) {
    const tampering = fixture.nextAnswer ?? {};
    fixture.nextAnswer = null;
    const sp = await serviceProvider(tampering.forServiceProvider ?? request.issuer);
    const signer = tampering.foreignKey ? identityProvider(foreign) : idp;
    const acs = sp.entityMeta.getAssertionConsumerService(samlify.Constants.wording.binding.post) as string;
    const now = new Date();
    const notOnOrAfter = new Date(now.getTime() + (tampering.expiresIn ?? 300) * 1000).toISOString();
    const attributes = {
      email: [email],
      name: [`SAML ${email.split("@")[0]}`],
      groups: tampering.groups ?? ["Everyone"],
    };
    const template = samlify.SamlLib.defaultLoginResponseTemplate.context
      .replace(
        "{AuthnStatement}",
        `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
      )
      .replace("{AttributeStatement}", attributeStatement(attributes));
    const values = {
      ID: `_${webcrypto.randomUUID()}`,
      AssertionID: `_${webcrypto.randomUUID()}`,
      Destination: acs,
      Audience: tampering.audience ?? sp.entityMeta.getEntityID(),
      SubjectRecipient: acs,
      Issuer: entityId,
      IssueInstant: now.toISOString(),
      StatusCode: "urn:oasis:names:tc:SAML:2.0:status:Success",
      ConditionsNotBefore: new Date(now.getTime() - 60_000).toISOString(),
      ConditionsNotOnOrAfter: notOnOrAfter,
      SubjectConfirmationDataNotOnOrAfter: notOnOrAfter,
      NameIDFormat: EMAIL_FORMAT,
      NameID: email,
      InResponseTo: request.id,
    };
    let samlResponse: string;
    if (tampering.unsigned) {
      samlResponse = Buffer.from(samlify.SamlLib.replaceTagsByValue(template, values)).toString("base64");
    } else {
      const built = await signer.createLoginResponse(
        sp,
        { extract: { request: { id: request.id } } },
        "post",
        { email },
        {
          customTagReplacement: (raw) => ({
            id: values.ID,
            context: samlify.SamlLib.replaceTagsByValue(template || raw, values),
          }),
        },
      );
      samlResponse = built.context;
    }
    lastPost = { action: acs, fields: { SAMLResponse: samlResponse, RelayState: request.relayState } };
    return autoPostForm(lastPost.action, lastPost.fields);
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    const html = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    void (async () => {
      if (req.method === "GET" && url.pathname === "/sso") {
        // Read with samlify: Portico's AuthnRequest must make sense to another implementation.
        const request = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest") ?? "", "base64")).toString();
        const issuerUrl = /<(?:\w+:)?Issuer[^>]*>([^<]+)</.exec(request)?.[1];
        if (!issuerUrl) return html(400, "No AuthnRequest.");
        const parsed = await idp.parseLoginRequest(await serviceProvider(issuerUrl), "redirect", {
          query: Object.fromEntries(url.searchParams),
          octetString: url.search.slice(1),
        });
        const { id } = parsed.extract.request as { id: string };
        const state = escapeXml(
          JSON.stringify({ id, issuer: issuerUrl, relayState: url.searchParams.get("RelayState") ?? "" }),
        );
        return html(
          200,
          `<!doctype html><title>Test IdP</title><h1>Test IdP sign-in</h1><form method="post" action="/login"><input type="hidden" name="request" value="${state}"><label>Email <input name="email" type="email"></label><button>Sign in to the IdP</button></form>`,
        );
      }
      if (req.method === "POST" && url.pathname === "/login") {
        const form = await readBody(req);
        return html(200, await answer(JSON.parse(form.get("request") ?? "{}"), form.get("email") ?? ""));
      }
      if (req.method === "GET" && url.pathname === "/replay" && lastPost)
        return html(200, autoPostForm(lastPost.action, lastPost.fields));
      html(404, "Not found.");
    })().catch((error: unknown) => html(500, String(error)));
  });
  return fixture;
}
