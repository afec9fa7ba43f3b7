import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { Provider } from "~/db/paths.server";
import { registerOAuthClient, rotateOAuthClientSecret } from "~/oauth-provider/client-store.server";
import { authorizationServerMetadata, openIdConfiguration } from "~/oauth-provider/discovery.server";
import { TOKEN_EVENT_WINDOW_MS } from "~/oauth-provider/token-events.server";
import { forwardToTenantAuth } from "~/auth/auth-api.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { liveTenantHarness, PUBLIC_URL } from "../support/live-tenant";
import { testProviders } from "../support/storage";

const ISSUER = `${PUBLIC_URL}/t/acme`;
const DISCOVERY = new Request(`${ISSUER}/.well-known/openid-configuration`);
/** The tenant's custom domain, as server.ts hands its requests over (rewritten under /t/acme). */
const CUSTOM_DOMAIN = "https://auth.acme.test";
const API = "https://orders.example.com";

/** A form POST to the tenant's token/introspection endpoints, as a service would send it. */
async function formPost(live: LiveTenant, endpoint: string, form: Record<string, string>, basic?: [string, string]) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", [CLIENT_IP_HEADER]: "10.1.2.3" });
  if (basic) headers.set("authorization", `Basic ${Buffer.from(`${basic[0]}:${basic[1]}`).toString("base64")}`);
  const response = await live.auth.handler(
    new Request(`${PUBLIC_URL}/t/${live.tenant.slug}/api/auth/oauth2/${endpoint}`, {
      method: "POST",
      headers,
      body: new URLSearchParams(form).toString(),
    }),
  );
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
}

function onSharedHost(live: LiveTenant) {
  return { ...live, hostMode: false, basePath: `/t/${live.tenant.slug}` };
}

function onCustomDomain(live: LiveTenant) {
  return { ...live, hostMode: true, basePath: "" };
}

describe.each(testProviders())("OAuth provider: client credentials on %s", (provider: Provider) => {
  const harness = liveTenantHarness(provider);
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());
  afterEach(() => harness.reset());

  async function providerTenant(slug = "acme") {
    await harness.createTenant({ slug, name: slug });
    await harness.tenants.updateConfig(slug, {
      authMethods: { jwt: { enabled: true }, oauthProvider: { enabled: true, accessTokenMinutes: 5 } },
    });
    return harness.live();
  }

  async function serviceClient(live: LiveTenant) {
    return registerOAuthClient(live.auth, {
      name: "Billing service",
      tokenEndpointAuthMethod: "client_secret_basic",
      grantTypes: ["client_credentials"],
      clientCredentialsScopes: ["orders:read", "orders:write"],
      audiences: [API],
    });
  }

  it("issues a short-lived JWT for the client's audience that verifies against the tenant JWKS", async () => {
    const live = await providerTenant();
    const { clientId, clientSecret } = await serviceClient(live);
    expect(clientSecret).toMatch(/^pcs_/);
    const token = await formPost(
      live,
      "token",
      { grant_type: "client_credentials", scope: "orders:read", resource: API },
      [clientId, clientSecret!],
    );
    expect(token.status, JSON.stringify(token.json)).toBe(200);
    expect(token.json.token_type).toBe("Bearer");
    expect(token.json.expires_in).toBe(300);
    const jwks = (await (await live.auth.handler(new Request(`${ISSUER}/api/auth/jwks`))).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(String(token.json.access_token), createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: API,
    });
    expect(payload.scope).toBe("orders:read");
    expect(payload.azp ?? payload.client_id).toBe(clientId);
    expect(payload.exp! - payload.iat!).toBe(300);

    const introspection = await formPost(live, "introspect", { token: String(token.json.access_token) }, [
      clientId,
      clientSecret!,
    ]);
    expect(introspection.status).toBe(200);
    expect(introspection.json.active).toBe(true);
  });

  it("refuses a wrong secret, a scope the client was not given and an audience it is not linked to", async () => {
    const live = await providerTenant();
    const { clientId, clientSecret } = await serviceClient(live);
    const wrong = await formPost(live, "token", { grant_type: "client_credentials" }, [clientId, "pcs_wrong"]);
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe("invalid_client");
    const scope = await formPost(live, "token", { grant_type: "client_credentials", scope: "admin" }, [
      clientId,
      clientSecret!,
    ]);
    expect(scope.status).toBe(400);
    expect(scope.json.error).toBe("invalid_scope");
    const audience = await formPost(
      live,
      "token",
      { grant_type: "client_credentials", resource: "https://other.example.com" },
      [clientId, clientSecret!],
    );
    expect(audience.status).toBe(400);
    expect(audience.json.error).toBe("invalid_target");
  });

  it("stores only a hash of the secret, and a rotated secret replaces the old one at once", async () => {
    const live = await providerTenant();
    const { clientId, clientSecret } = await serviceClient(live);
    const row = await live.db.oauthClient.findUnique({ where: { clientId } });
    expect(row?.clientSecret).toBeTruthy();
    expect(row?.clientSecret).not.toContain(clientSecret!);
    const rotated = await rotateOAuthClientSecret(live.auth, clientId);
    expect(rotated).toMatch(/^pcs_/);
    const old = await formPost(live, "token", { grant_type: "client_credentials" }, [clientId, clientSecret!]);
    expect(old.status).toBe(401);
    const fresh = await formPost(live, "token", { grant_type: "client_credentials" }, [clientId, rotated!]);
    expect(fresh.status).toBe(200);
  });

  it("publishes one truthful discovery document, and RFC 8414 metadata only with the provider on", async () => {
    const live = await providerTenant();
    const oidc = (await (await openIdConfiguration(onSharedHost(live), DISCOVERY)).json()) as Record<string, unknown>;
    expect(oidc).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/api/auth/oauth2/authorize`,
      token_endpoint: `${ISSUER}/api/auth/oauth2/token`,
      jwks_uri: `${ISSUER}/api/auth/jwks`,
    });
    expect(oidc.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "offline_access"]));
    expect(oidc.code_challenge_methods_supported).toEqual(["S256"]);
    const metadata = await authorizationServerMetadata(onSharedHost(live), DISCOVERY);
    expect(metadata.status).toBe(200);
    expect(((await metadata.json()) as { issuer: string }).issuer).toBe(ISSUER);

    await harness.tenants.updateConfig("acme", { authMethods: { oauthProvider: { enabled: false } } });
    const off = await authorizationServerMetadata(onSharedHost(await harness.live()), DISCOVERY);
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: { code: string } }).error.code).toBe("oauth_provider_disabled");
  });

  it("on a custom domain, discovery and the tokens asked for there name that domain as issuer", async () => {
    const live = await providerTenant();
    const { clientId, clientSecret } = await serviceClient(live);
    const onDomain = onCustomDomain(live);
    const discovery = await openIdConfiguration(
      onDomain,
      new Request(`${CUSTOM_DOMAIN}/t/acme/.well-known/openid-configuration`),
    );
    const document = (await discovery.json()) as Record<string, unknown>;
    expect(document).toMatchObject({
      issuer: CUSTOM_DOMAIN,
      authorization_endpoint: `${CUSTOM_DOMAIN}/api/auth/oauth2/authorize`,
      token_endpoint: `${CUSTOM_DOMAIN}/api/auth/oauth2/token`,
      userinfo_endpoint: `${CUSTOM_DOMAIN}/api/auth/oauth2/userinfo`,
      jwks_uri: `${CUSTOM_DOMAIN}/api/auth/jwks`,
    });
    // Not one URL of the shared host is left in it.
    expect(JSON.stringify(document)).not.toContain(PUBLIC_URL);

    const grant = (host: string, context: Parameters<typeof forwardToTenantAuth>[0]) =>
      forwardToTenantAuth(
        context,
        new Request(`${host}/t/acme/api/auth/oauth2/token`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
            [CLIENT_IP_HEADER]: "10.1.2.3",
          },
          body: new URLSearchParams({ grant_type: "client_credentials", resource: API }).toString(),
        }),
      ).then((response) => response.json() as Promise<{ access_token: string }>);
    const [onCustom, onShared] = await Promise.all([
      grant(CUSTOM_DOMAIN, onDomain),
      grant(PUBLIC_URL, onSharedHost(live)),
    ]);
    const jwks = createLocalJWKSet(
      (await (await live.auth.handler(new Request(`${ISSUER}/api/auth/jwks`))).json()) as JSONWebKeySet,
    );
    expect((await jwtVerify(onCustom.access_token, jwks, { issuer: CUSTOM_DOMAIN, audience: API })).payload.sub).toBe(
      clientId,
    );
    // The same instance, at the same moment, still signs the shared host's tokens as before.
    expect((await jwtVerify(onShared.access_token, jwks, { issuer: ISSUER, audience: API })).payload.sub).toBe(
      clientId,
    );
  });

  it.runIf(provider === "sqlite")(
    "reports issued tokens as one event per client and minute, not one per token",
    async () => {
      const live = await providerTenant();
      const { clientId, clientSecret } = await serviceClient(live);
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
      try {
        for (let i = 0; i < 3; i++) {
          const grant = await formPost(live, "token", { grant_type: "client_credentials" }, [clientId, clientSecret!]);
          expect(grant.status).toBe(200);
        }
        await formPost(live, "token", { grant_type: "client_credentials" }, [clientId, "pcs_wrong"]);
        const issued = () => harness.state.events.filter((event) => event.type === "oauth_token.issued");
        expect(issued()).toHaveLength(0);
        vi.advanceTimersByTime(TOKEN_EVENT_WINDOW_MS);
        expect(issued()).toHaveLength(1);
        expect(issued()[0]!.data).toMatchObject({ clientId, total: 3, byGrantType: { client_credentials: 3 } });
      } finally {
        vi.useRealTimers();
      }
    },
  );
});
