import { z } from "zod";

/**
 * What a tenant's OAuth/OIDC client may be: the input schemas of the capability (console forms
 * and /api/v1 both end here) and the lists the console's checkboxes show. Shared with the
 * browser, so nothing here touches the server.
 */
export const OAUTH_GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials"] as const;
export type OAuthGrantType = (typeof OAUTH_GRANT_TYPES)[number];

export const OAUTH_GRANT_TYPE_LABELS: Record<OAuthGrantType, string> = {
  authorization_code: "Authorization code (users sign in, with PKCE)",
  refresh_token: "Refresh tokens",
  client_credentials: "Client credentials (service to service, no user)",
};

export const TOKEN_ENDPOINT_AUTH_METHODS = [
  "client_secret_basic",
  "client_secret_post",
  "private_key_jwt",
  "none",
] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

export const TOKEN_ENDPOINT_AUTH_METHOD_LABELS: Record<TokenEndpointAuthMethod, string> = {
  client_secret_basic: "Client secret, HTTP Basic (confidential)",
  client_secret_post: "Client secret in the form body (confidential)",
  private_key_jwt: "Private key JWT (confidential, no shared secret)",
  none: "None: public client (SPA, mobile, CLI) with PKCE",
};

/** Methods that authenticate with a secret Portico generates, stores hashed and shows once. */
export const SECRET_AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ["client_secret_basic", "client_secret_post"];

export const MAX_URIS = 20;
export const MAX_SCOPES = 50;
export const MAX_AUDIENCES = 10;

/** Loopback hosts may use plain http (RFC 8252 §7.3: native apps listening on the device). */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An absolute https URL, or http on a loopback host; no fragment (RFC 6749 §3.1.2) and no
 * user or password in it. `what` names the list in messages ("Redirect URI").
 */
function safeUri(what: string) {
  return z
    .string({ error: `Each ${what} must be text.` })
    .trim()
    .min(1, `Remove the empty ${what}.`)
    .max(2000, `Each ${what} must be at most 2000 characters.`)
    .superRefine((value, ctx) => {
      const problem = uriProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: `${what} ${value}: ${problem}` });
    });
}

/** Why a URI cannot be a redirect target, or null when it can. */
export function uriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "enter a full URL, like https://app.example.com/callback.";
  }
  if (value.includes("#")) return "remove the fragment (#…); redirect URIs cannot have one.";
  if (url.username || url.password) return "remove the user name and password from the URL.";
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  // An app on the device listens on plain http; no certificate is valid for a loopback address.
  if (url.protocol === "https:" && loopback) return "use http for localhost, 127.0.0.1 and [::1], not https.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && loopback) return null;
  if (url.protocol === "http:") return "use https; plain http is allowed only for localhost, 127.0.0.1 and [::1].";
  return "use an https URL (or http on localhost).";
}

function uriList(what: string, max: number) {
  return z
    .array(safeUri(what), { error: `Send a list of ${what}s.` })
    .max(max, `Use at most ${max} ${what}s.`)
    .transform((uris) => [...new Set(uris)]);
}

/** A scope token (RFC 6749 §3.3): printable ASCII without spaces, quotes or backslashes. */
const ScopeToken = z
  .string({ error: "Each scope must be text." })
  .trim()
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, "Scopes are single words without spaces or quotes, like read:orders.");

/** Members of a JWK that only a private key has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037). */
const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

const Jwk = z
  .record(z.string(), z.unknown(), { error: "Each key must be a JSON object (a JWK)." })
  .refine((key) => typeof key.kty === "string", "Each key needs its key type (kty).")
  // Portico must never hold the client's private key: the client signs, Portico only verifies.
  .refine(
    (key) => !PRIVATE_JWK_MEMBERS.some((member) => member in key),
    "This is a private key: publish only the public key (without d, p, q, dp, dq, qi or k).",
  );
export const JwksSchema = z.object(
  {
    keys: z
      .array(Jwk, { error: "jwks.keys must be a list of public keys." })
      .min(1, "Add at least one public key.")
      .max(10, "Use at most 10 keys."),
  },
  { error: 'Send a JSON Web Key Set, like {"keys": [...]}' },
);

const fields = {
  name: z
    .string({ error: "Enter a name for the application." })
    .trim()
    .min(1, "Enter a name for the application.")
    .max(100, "Use at most 100 characters."),
  logoUrl: z
    .string({ error: "The logo URL must be text." })
    .trim()
    .max(2000, "The logo URL must be at most 2000 characters.")
    .pipe(z.url({ protocol: /^https$/, error: "The logo URL must be a full https URL." }))
    .nullable(),
  redirectUris: uriList("Redirect URI", MAX_URIS),
  postLogoutRedirectUris: uriList("Post-logout redirect URI", MAX_URIS),
  grantTypes: z
    .array(z.enum(OAUTH_GRANT_TYPES, { error: `Grant types are ${OAUTH_GRANT_TYPES.join(", ")}.` }), {
      error: "Send a list of grant types.",
    })
    .min(1, "Choose at least one grant type.")
    .transform((types) => [...new Set(types)]),
  scopes: z
    .array(ScopeToken, { error: "Send a list of scopes." })
    .max(MAX_SCOPES, `Use at most ${MAX_SCOPES} scopes.`)
    .transform((scopes) => [...new Set(scopes)]),
  audiences: uriList("Audience", MAX_AUDIENCES),
  tokenEndpointAuthMethod: z.enum(TOKEN_ENDPOINT_AUTH_METHODS, {
    error: `Choose one of ${TOKEN_ENDPOINT_AUTH_METHODS.join(", ")}.`,
  }),
  jwks: JwksSchema.nullable(),
  // Portico fetches it, so plain http even on loopback is refused (and private hosts, on the server).
  jwksUri: safeUri("JWKS URI")
    .refine((uri) => uri.startsWith("https://"), "The JWKS URI must use https.")
    .nullable(),
  firstParty: z.boolean({ error: "firstParty must be true or false." }),
};

/** Everything a client is, as one object; the rules across fields live in `clientProblems`. */
export const OAuthClientSettingsSchema = z.strictObject(fields);
export type OAuthClientSettings = z.output<typeof OAuthClientSettingsSchema>;

export const CreateOAuthClientSchema = z.strictObject({
  name: fields.name,
  logoUrl: fields.logoUrl.optional().default(null),
  redirectUris: fields.redirectUris.optional().default([]),
  postLogoutRedirectUris: fields.postLogoutRedirectUris.optional().default([]),
  grantTypes: fields.grantTypes.optional().default(["authorization_code", "refresh_token"]),
  scopes: fields.scopes.optional().default(["openid", "profile", "email", "offline_access"]),
  audiences: fields.audiences.optional().default([]),
  tokenEndpointAuthMethod: fields.tokenEndpointAuthMethod.optional().default("client_secret_basic"),
  jwks: fields.jwks.optional().default(null),
  jwksUri: fields.jwksUri.optional().default(null),
  firstParty: fields.firstParty.optional().default(false),
});
export type CreateOAuthClientInput = z.input<typeof CreateOAuthClientSchema>;

/** A partial change: every field optional, at least one present. */
export const UpdateOAuthClientSchema = z
  .strictObject({
    name: fields.name.optional(),
    logoUrl: fields.logoUrl.optional(),
    redirectUris: fields.redirectUris.optional(),
    postLogoutRedirectUris: fields.postLogoutRedirectUris.optional(),
    grantTypes: fields.grantTypes.optional(),
    scopes: fields.scopes.optional(),
    audiences: fields.audiences.optional(),
    tokenEndpointAuthMethod: fields.tokenEndpointAuthMethod.optional(),
    jwks: fields.jwks.optional(),
    jwksUri: fields.jwksUri.optional(),
    firstParty: fields.firstParty.optional(),
    enabled: z.boolean({ error: "enabled must be true or false." }).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.");
export type UpdateOAuthClientInput = z.input<typeof UpdateOAuthClientSchema>;

/**
 * The rules between fields, checked on the client as it would be after a change, each with the
 * field a person fixes: a public client has no secret and so cannot use client credentials; a
 * sign-in flow needs somewhere to return to; private_key_jwt needs exactly one key source.
 */
export function clientProblems(client: OAuthClientSettings): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const grants = new Set(client.grantTypes);
  if (grants.has("authorization_code") && client.redirectUris.length === 0)
    problems.push({
      field: "redirectUris",
      message: "Add at least one redirect URI for the authorization code grant.",
    });
  if (grants.has("refresh_token") && !grants.has("authorization_code"))
    problems.push({ field: "grantTypes", message: "Refresh tokens need the authorization code grant as well." });
  if (grants.has("client_credentials") && client.tokenEndpointAuthMethod === "none")
    problems.push({
      field: "grantTypes",
      message: "A public client (no authentication) cannot use client credentials; choose a secret or private_key_jwt.",
    });
  if (client.tokenEndpointAuthMethod === "private_key_jwt") {
    if (!client.jwks && !client.jwksUri)
      problems.push({
        field: "jwksUri",
        message: "private_key_jwt needs the client's public keys: a JWKS URI or a JWKS.",
      });
    if (client.jwks && client.jwksUri)
      problems.push({ field: "jwks", message: "Give either a JWKS URI or a JWKS, not both." });
  } else if (client.jwks || client.jwksUri) {
    problems.push({
      field: client.jwks ? "jwks" : "jwksUri",
      message: "Public keys are used only with private_key_jwt; choose that method or remove the keys.",
    });
  }
  return problems;
}
