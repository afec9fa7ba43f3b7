import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import * as oidc from "openid-client";
import type { OAuthClientRegistration, RegisteredOAuthClient } from "~/oauth-provider/client-store.server";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { startRelyingParty, type TestRelyingParty } from "../support/oauth-rp";
import { baseURL, createTenant, e2eStorageEnv, patchTenantConfig, setTenantSecret, test, uniqueSlug } from "./fixtures";

/**
 * A tenant with JWTs and the OAuth provider on (and `authMethods`, e.g. two-factor, passkeys or
 * a social provider, with their `secrets`), and its issuer.
 */
export async function providerTenant(
  prefix = "oidc",
  {
    slug = uniqueSlug(prefix),
    authMethods = {},
    secrets = {},
  }: { slug?: string; authMethods?: Record<string, unknown>; secrets?: Record<string, string> } = {},
) {
  await createTenant(slug);
  for (const [name, value] of Object.entries(secrets)) await setTenantSecret(slug, name, value);
  await patchTenantConfig(slug, {
    authMethods: { jwt: { enabled: true }, oauthProvider: { enabled: true }, ...authMethods },
  });
  return { slug, issuer: `${baseURL}/t/${slug}` };
}

/**
 * Runs `body` in a separate process with `live`, the running server's tenant `slug` loaded
 * from its storage, and prints what `body` writes to stdout. Not withControlDb: loading the
 * tenant's better-auth takes long enough on a busy machine to need more than its 30 s.
 */
async function withLiveTenant(slug: string, body: string): Promise<string> {
  const code = `
    const { readEnv } = await import("./app/config/env.server.ts");
    const { createStorage } = await import("./app/db/index.server.ts");
    const { TenantService } = await import("./app/tenancy/tenants.server.ts");
    const { TenantRegistry } = await import("./app/tenancy/registry.server.ts");
    const env = readEnv();
    const storage = createStorage(env);
    const tenants = new TenantService(storage, env.secret);
    const registry = new TenantRegistry({ tenants, storage, publicUrl: env.publicUrl, maxHotTenants: 1, closeGraceMs: 0 });
    try {
      const live = await registry.resolve({ slug: ${JSON.stringify(slug)} });
      if (live.status !== "ok") throw new Error("tenant " + live.status);
      ${body}
    } finally { await registry.close(); await storage.close(); }`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", code],
    { cwd: path.resolve(import.meta.dirname, "../.."), timeout: 90_000, env: e2eStorageEnv() },
  );
  return stdout;
}

/**
 * Registers clients in the running server's storage through the same server-side capability
 * the console and the management API use (app/oauth-provider/client-store.server.ts). One
 * process for all of them: loading the app's modules takes seconds.
 */
export async function registerClients(
  slug: string,
  inputs: OAuthClientRegistration[],
): Promise<RegisteredOAuthClient[]> {
  const out = await withLiveTenant(
    slug,
    `const { registerOAuthClient } = await import("./app/oauth-provider/client-store.server.ts");
      const created = [];
      for (const input of ${JSON.stringify(inputs)}) created.push(await registerOAuthClient(live.auth, input));
      process.stdout.write(JSON.stringify(created));`,
  );
  return JSON.parse(out) as RegisteredOAuthClient[];
}

/**
 * The signed authorization query `query` signed again with the tenant's secret, once per
 * expiry in `expiresIn` (seconds from now; negative for one that has expired), as the server
 * itself would have signed it then.
 */
export async function resignedQueries(slug: string, query: string, expiresIn: number[]): Promise<string[]> {
  const out = await withLiveTenant(
    slug,
    `const { makeSignature } = await import("better-auth/crypto");
      const { secret } = await live.auth.$context;
      const queries = [];
      for (const seconds of ${JSON.stringify(expiresIn)}) {
        const params = new URLSearchParams(${JSON.stringify(query)});
        params.delete("sig");
        params.set("exp", String(Math.floor(Date.now() / 1000) + seconds));
        // The plugin signs its parameters sorted by name, then value (canonicalizeOAuthQueryParams).
        const byNameThenValue = ([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0);
        const canonical = new URLSearchParams([...params.entries()].sort(byNameThenValue));
        params.set("sig", await makeSignature(canonical.toString(), secret));
        queries.push(params.toString());
      }
      process.stdout.write(JSON.stringify(queries));`,
  );
  return JSON.parse(out) as string[];
}

export async function registerClient(slug: string, input: OAuthClientRegistration): Promise<RegisteredOAuthClient> {
  const [client] = await registerClients(slug, [input]);
  return client!;
}

/**
 * openid-client's view of the tenant: discovery over plain http (the test server's), as a given
 * client; `fetchWith` for hosts Node cannot resolve (a custom domain, tests/support/loopback-fetch.ts).
 */
export async function discover(
  issuer: string,
  client: RegisteredOAuthClient,
  auth?: oidc.ClientAuth,
  fetchWith?: oidc.CustomFetch,
) {
  const clientAuth = auth ?? (client.clientSecret ? oidc.ClientSecretBasic(client.clientSecret) : oidc.None());
  const config = await oidc.discovery(new URL(issuer), client.clientId, undefined, clientAuth, {
    execute: [oidc.allowInsecureRequests],
    ...(fetchWith ? { [oidc.customFetch]: fetchWith } : {}),
  });
  if (fetchWith) config[oidc.customFetch] = fetchWith;
  return config;
}

/**
 * An authorization request as a relying party starts it (code + PKCE S256, state, nonce), and
 * its end: the code redeemed with openid-client (which checks the ID token), the ID token
 * verified once more with jose against the keys the discovery document names, and UserInfo.
 */
export async function beginAuthorization(
  config: oidc.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...extra,
  });
  const redeem = async (callback: URL) => {
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const { issuer, jwks_uri } = config.serverMetadata();
    const fetchKeys = config[oidc.customFetch] ?? fetch;
    const keys = (await (await fetchKeys(jwks_uri!, { method: "GET", headers: {} } as never)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.id_token!, createLocalJWKSet(keys), {
      issuer,
      audience: config.clientMetadata().client_id,
    });
    // The ID token names the user (`sub`); who they are comes from UserInfo.
    const user = await oidc.fetchUserInfo(config, tokens.access_token, payload.sub!);
    return { tokens, idToken: payload, user };
  };
  return { url, redeem };
}

/** A relying party's callback server for one test file: started before its tests, closed after. */
export function relyingPartyForFile(): () => TestRelyingParty {
  let rp: TestRelyingParty | undefined;
  test.beforeAll(async () => {
    rp = await startRelyingParty();
  });
  test.afterAll(async () => {
    await rp?.close();
  });
  return () => rp!;
}
