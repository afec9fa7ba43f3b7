import * as oidc from "openid-client";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";
import { getPortico } from "~/context.server";
import { allowPrivateWebhookTargets, refuseWebhookTarget } from "~/webhooks/ssrf.server";
import type { LoginPurpose, SsoConnection } from "./connections.server";
import type { IdpAnswer } from "./identity";

/**
 * The OpenID Connect side of enterprise SSO, on openid-client (docs/decisions/0028): the
 * issuer's discovery document, the authorization code flow with PKCE, state and nonce, and the
 * ID token's checks (issuer, audience, signature, expiry, nonce) done by the library. The state
 * is a login request row (one use, ten minutes); the PKCE verifier and nonce are kept in it
 * encrypted.
 */
const CONFIG_CACHE_SIZE = 200;
const DISCOVERY_TIMEOUT_S = 5;
const LOGIN_SECRET_PURPOSE = "sso-login";

/** Discovered configurations by connection (and its last change), a bounded cache. */
const configurations = new Map<string, Promise<oidc.Configuration>>();

/** One redirect URI per tenant: the state names the sign-in, and so the connection. */
export function oidcRedirectUri(tenantSlug: string): string {
  return `${getPortico().env.publicUrl.origin}/t/${tenantSlug}/api/sso/oidc/callback`;
}

/** Plain-http issuers only where the operator allows private targets (tests, private networks). */
function discoveryOptions(issuer: URL): oidc.DiscoveryRequestOptions {
  const insecure = issuer.protocol === "http:" && allowPrivateWebhookTargets();
  return { timeout: DISCOVERY_TIMEOUT_S, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) };
}

/** Fetches the issuer's discovery document; throws when it cannot be read (a 422 at setup). */
export async function discoverIssuer(issuer: string, clientId: string, clientSecret: string) {
  const url = new URL(issuer);
  const refusal = await refuseWebhookTarget(url);
  if (refusal) throw new Error(refusal);
  return oidc.discovery(url, clientId, undefined, oidc.ClientSecretPost(clientSecret), discoveryOptions(url));
}

async function configuration(connection: SsoConnection): Promise<oidc.Configuration> {
  const settings = connection.oidc;
  if (!settings) throw new Error(`SSO connection ${connection.id} is not an OIDC connection.`);
  const key = `${connection.id}:${connection.updatedAt.getTime()}`;
  let found = configurations.get(key);
  if (!found) {
    const secret = (await getPortico().sso.oidcClientSecret(connection)) ?? "";
    found = discoverIssuer(settings.issuer, settings.clientId, secret);
    found.catch(() => configurations.delete(key));
    if (configurations.size >= CONFIG_CACHE_SIZE) configurations.delete(configurations.keys().next().value!);
    configurations.set(key, found);
  }
  return found;
}

export async function oidcSignInUrl(
  tenantSlug: string,
  connection: SsoConnection,
  login: { redirectTo: string | null; purpose: LoginPurpose; loginHint?: string },
): Promise<string> {
  const config = await configuration(connection);
  const verifier = oidc.randomPKCECodeVerifier();
  const nonce = oidc.randomNonce();
  const sealed = encryptSecret(getPortico().env.secret, LOGIN_SECRET_PURPOSE, JSON.stringify({ verifier, nonce }));
  const state = await getPortico().sso.startLogin(connection.id, { ...login, secret: sealed });
  return oidc
    .buildAuthorizationUrl(config, {
      redirect_uri: oidcRedirectUri(tenantSlug),
      scope: "openid email profile",
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      ...(login.loginHint ? { login_hint: login.loginHint } : {}),
    })
    .toString();
}

const claimString = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** Checks the provider's answer at the callback: the code exchanged and the ID token verified. */
export async function acceptOidcCallback(
  tenantSlug: string,
  connection: SsoConnection,
  request: Request,
): Promise<IdpAnswer> {
  const url = new URL(request.url);
  const state = url.searchParams.get("state") ?? "";
  const error = url.searchParams.get("error");
  const login = state ? await getPortico().sso.consumeLogin(connection.id, state) : null;
  if (!login?.secret) return { ok: false, code: "oidc_state", detail: "no sign-in of this connection has this state" };
  if (error) return { ok: false, code: /^[\w.-]{1,100}$/.test(error) ? error : "access_denied", detail: error };
  const { verifier, nonce } = JSON.parse(
    decryptSecret(getPortico().env.secret, LOGIN_SECRET_PURPOSE, login.secret),
  ) as {
    verifier: string;
    nonce: string;
  };
  // The callback URL as the provider was told it (the request may have come through a proxy).
  const callback = new URL(oidcRedirectUri(tenantSlug));
  callback.search = url.search;
  let record: Record<string, unknown>;
  let subject: string;
  try {
    const config = await configuration(connection);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    subject = claims.sub;
    // Providers may keep the scope's claims (email, name, groups) for the UserInfo endpoint
    // (OIDC Core §5.4); its answer must be about the same subject (openid-client checks).
    const userInfo = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, subject)
      : {};
    record = { ...userInfo, ...claims };
  } catch (failure) {
    return { ok: false, code: "oidc_token", detail: failure instanceof Error ? failure.message : String(failure) };
  }
  const mapping = connection.attributeMapping;
  const groups = record[mapping.groups];
  return {
    ok: true,
    identity: {
      subject,
      email: (claimString(record[mapping.email]) ?? "").toLowerCase(),
      name: claimString(record[mapping.name]),
      groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === "string") : [],
    },
    redirectTo: login.redirectTo,
    test: login.test,
  };
}
