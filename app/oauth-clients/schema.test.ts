import { describe, expect, it } from "vitest";
import { clientProblems, CreateOAuthClientSchema, uriProblem, type OAuthClientSettings } from "./schema";

/** The client rules a person meets in the console and the API, before anything is stored. */
describe("redirect URIs", () => {
  it("accepts https anywhere and plain http only on loopback", () => {
    for (const uri of [
      "https://app.example.com/callback",
      "https://app.example.com:8443/cb?x=1",
      "http://localhost:3000/cb",
      "http://127.0.0.1:8765/callback",
      "http://[::1]:9000/cb",
    ])
      expect(uriProblem(uri), uri).toBeNull();
  });

  it("refuses plain http elsewhere, fragments, credentials, https on loopback and other schemes, saying why", () => {
    expect(uriProblem("http://app.example.com/cb")).toMatch(/use https/);
    expect(uriProblem("http://192.168.1.10/cb")).toMatch(/use https/);
    expect(uriProblem("https://app.example.com/cb#done")).toMatch(/fragment/);
    expect(uriProblem("https://user:pw@app.example.com/cb")).toMatch(/user name and password/);
    expect(uriProblem("https://localhost/cb")).toMatch(/use http for localhost/);
    expect(uriProblem("javascript:alert(1)")).toMatch(/https URL/);
    expect(uriProblem("/callback")).toMatch(/full URL/);
  });

  it("names the failing entry by its position", () => {
    const parsed = CreateOAuthClientSchema.safeParse({
      name: "App",
      redirectUris: ["https://ok.example.com/cb", "http://bad.example.com/cb"],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["redirectUris", 1] });
    expect(parsed.error!.issues[0]!.message).toContain("http://bad.example.com/cb");
  });
});

describe("rules across fields", () => {
  const base = (changes: Partial<OAuthClientSettings>): OAuthClientSettings => ({
    ...CreateOAuthClientSchema.parse({ name: "App", redirectUris: ["https://app.example.com/cb"] }),
    ...changes,
  });

  it("lets a default sign-in client and a service client through", () => {
    expect(clientProblems(base({}))).toEqual([]);
    expect(clientProblems(base({ grantTypes: ["client_credentials"], redirectUris: [] }))).toEqual([]);
  });

  it("names the field for each broken rule", () => {
    const fields = (changes: Partial<OAuthClientSettings>) => clientProblems(base(changes)).map((p) => p.field);
    expect(fields({ redirectUris: [] })).toEqual(["redirectUris"]);
    expect(fields({ grantTypes: ["refresh_token"] })).toEqual(["grantTypes"]);
    expect(fields({ grantTypes: ["client_credentials"], tokenEndpointAuthMethod: "none" })).toEqual(["grantTypes"]);
    expect(fields({ tokenEndpointAuthMethod: "private_key_jwt" })).toEqual(["jwksUri"]);
    expect(
      fields({
        tokenEndpointAuthMethod: "private_key_jwt",
        jwksUri: "https://app.example.com/jwks",
        jwks: { keys: [{ kty: "OKP" }] },
      }),
    ).toEqual(["jwks"]);
    expect(fields({ jwksUri: "https://app.example.com/jwks" })).toEqual(["jwksUri"]);
  });

  it("takes only public keys for private_key_jwt", () => {
    const withKeys = (keys: Record<string, unknown>[]) =>
      CreateOAuthClientSchema.safeParse({
        name: "Signer",
        grantTypes: ["client_credentials"],
        tokenEndpointAuthMethod: "private_key_jwt",
        jwks: { keys },
      });
    expect(withKeys([{ kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" }]).success).toBe(
      true,
    );
    const privateKey = withKeys([{ kty: "OKP", crv: "Ed25519", x: "11qY", d: "nWGx" }]);
    expect(privateKey.error!.issues[0]).toMatchObject({ path: ["jwks", "keys", 0] });
    expect(privateKey.error!.issues[0]!.message).toMatch(/private key/);
    expect(withKeys([]).error!.issues[0]!.message).toBe("Add at least one public key.");
    const http = CreateOAuthClientSchema.safeParse({
      name: "Signer",
      grantTypes: ["client_credentials"],
      tokenEndpointAuthMethod: "private_key_jwt",
      jwksUri: "http://127.0.0.1:8080/jwks",
    });
    expect(http.error!.issues[0]).toMatchObject({ path: ["jwksUri"], message: "The JWKS URI must use https." });
  });

  it("fills the defaults of a sign-in client with a secret, and refuses unknown fields", () => {
    expect(CreateOAuthClientSchema.parse({ name: " App " })).toMatchObject({
      name: "App",
      grantTypes: ["authorization_code", "refresh_token"],
      scopes: ["openid", "profile", "email", "offline_access"],
      tokenEndpointAuthMethod: "client_secret_basic",
      firstParty: false,
    });
    const unknown = CreateOAuthClientSchema.safeParse({ name: "App", clientSecret: "mine" });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.code).toBe("unrecognized_keys");
  });
});
