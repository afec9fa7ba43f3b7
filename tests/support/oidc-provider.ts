import { expect, type Page } from "@playwright/test";
import { exportJWK, generateKeyPair } from "jose";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
// oidc-provider ships no type declarations; the few calls below are typed by OidcProviderModule.
import OidcProvider from "oidc-provider";

/**
 * A real OpenID Connect provider (node-oidc-provider, the certified implementation) on
 * 127.0.0.1, standing in for Google or GitHub in end-to-end tests. Its development login form
 * accepts any login: the login typed there is the account's email, which it reports as verified
 * (or unverified for logins starting with "unverified-").
 */
export type TestOidcProvider = {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };
type ProviderInstance = { callback(): RequestListener };
type OidcProviderModule = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

export async function startOidcProvider({ redirectUris }: { redirectUris: string[] }): Promise<TestOidcProvider> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const clientId = "portico-e2e";
  const clientSecret = "oidc-client-secret-must-stay-on-the-server";
  // Listen first on a random port, then build the provider for that issuer and hand it the requests.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const Provider = OidcProvider as unknown as OidcProviderModule;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ["oidc-test-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx: unknown, id: string): Promise<Account> => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id.replace(/^unverified-/, ""),
        email_verified: !id.startsWith("unverified-"),
        name: `OIDC ${id.split("@")[0]}`,
      }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Signs in at the provider's development login form (any login; it becomes the account's email) and consents. */
export async function signInAtProvider(page: Page, idp: TestOidcProvider, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}
