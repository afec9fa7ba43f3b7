import type { APIRequestContext, APIResponse } from "@playwright/test";
import * as oidc from "openid-client";
import { baseURL, expect, fillSignIn, looksLikeStackTrace, test } from "./fixtures";
import { discover, providerTenant, registerClients, relyingPartyForFile, resignedQueries } from "./oauth-helpers";

/**
 * The hosted steps of an authorization (`oauth2/sign-in`, `oauth2/resume`, `oauth2/consent`)
 * carry the request signed by the server. Whatever part of it is changed, or when it has
 * expired, each step answers a 400 that says so (no stack trace, no redirect), and the consent
 * form's answer counts only from the browser of the signed-in user.
 */

// Test set-up runs the app's modules in a separate process (several seconds each time).
test.describe.configure({ timeout: 120_000 });

const INVALID = "This sign-in request is no longer valid";
const STEPS = ["sign-in", "resume", "consent"] as const;

const relyingParty = relyingPartyForFile();

/** An authorization request for `openid email` to the test RP (its code is never redeemed here). */
async function authorizationUrl(config: oidc.Configuration) {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: relyingParty().redirectUri,
    scope: "openid email",
    code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
    code_challenge_method: "S256",
    state: oidc.randomState(),
  });
}

async function expectRefused(response: APIResponse, what: string) {
  const body = await response.text();
  expect(response.status(), `${what}: ${body.slice(0, 200)}`).toBe(400);
  expect(body, what).toContain(INVALID);
  expect(looksLikeStackTrace(body), what).toBe(false);
}

/** The consent form's answer, as the page's own form posts it. */
function postConsent(request: APIRequestContext, slug: string, oauthQuery: string, origin = baseURL) {
  return request.post(`/t/${slug}/oauth2/consent`, {
    form: { oauth_query: oauthQuery, decision: "allow" },
    headers: { origin },
    maxRedirects: 0,
  });
}

test("a changed or expired signed request is a clear 400 at every step, and the consent answer too", async ({
  request,
}) => {
  const { slug, issuer } = await providerTenant("tamper");
  const [shop, other] = await registerClients(
    slug,
    ["Shop", "Other"].map((name) => ({
      name,
      tokenEndpointAuthMethod: "none" as const,
      grantTypes: ["authorization_code" as const],
      redirectUris: [relyingParty().redirectUri],
      scopes: ["openid", "email", "offline_access"],
    })),
  );
  const config = await discover(issuer, shop!);
  const authorization = await authorizationUrl(config);
  const toLogin = await request.get(authorization.href, { maxRedirects: 0 });
  expect(toLogin.status()).toBe(302);
  const login = new URL(toLogin.headers()["location"]!, baseURL);
  expect(login.pathname).toBe(`/t/${slug}/oauth2/sign-in`);
  const signed = login.search.slice(1);

  // The untouched request goes on to the hosted sign-in page, and so does one signed again
  // here with the tenant's secret (the expired one below is refused for its expiry alone).
  const [resigned, expired] = await resignedQueries(slug, signed, [600, -60]);
  for (const query of [signed, resigned]) {
    const onward = await request.get(`/t/${slug}/oauth2/sign-in?${query}`, { maxRedirects: 0 });
    expect(onward.status()).toBe(302);
    expect(onward.headers()["location"]).toMatch(new RegExp(`^/t/${slug}/sign-in\\?redirectTo=`));
  }

  const changed = (name: string, value: string) => {
    const params = new URLSearchParams(signed);
    params.set(name, value);
    return params.toString();
  };
  const params = new URLSearchParams(signed);
  const sig = params.get("sig")!;
  const tampered: Record<string, string> = {
    sig: changed("sig", `${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`),
    exp: changed("exp", String(Number(params.get("exp")) + 3600)),
    client_id: changed("client_id", other!.clientId),
    redirect_uri: changed("redirect_uri", "https://evil.example/callback"),
    scope: changed("scope", "openid email offline_access"),
    "no signature": (() => {
      const unsigned = new URLSearchParams(signed);
      unsigned.delete("sig");
      return unsigned.toString();
    })(),
    expired: expired!,
  };

  for (const [what, query] of Object.entries(tampered)) {
    for (const step of STEPS) {
      await expectRefused(
        await request.get(`/t/${slug}/oauth2/${step}?${query}`, { maxRedirects: 0 }),
        `${what} on ${step}`,
      );
    }
    await expectRefused(await postConsent(request, slug, query), `${what} in the consent answer`);
  }
  await expectRefused(await request.get(`/t/${slug}/oauth2/consent`, { maxRedirects: 0 }), "no request at all");
});

test("the consent answer counts only from the signed-in user's browser", async ({
  page,
  playwright,
  apiSignUp,
  uniqueEmail,
  extraHTTPHeaders,
}) => {
  const { slug, issuer } = await providerTenant("consent");
  const email = uniqueEmail("consent");
  await apiSignUp(slug, { name: "Con Sent", email });
  const [shop] = await registerClients(slug, [
    {
      name: "Shop",
      tokenEndpointAuthMethod: "none",
      grantTypes: ["authorization_code"],
      redirectUris: [relyingParty().redirectUri],
      scopes: ["openid", "email"],
    },
  ]);
  const config = await discover(issuer, shop!);
  const authorization = await authorizationUrl(config);
  await page.goto(authorization.href);
  await fillSignIn(page, { email });
  await expect(page.getByRole("heading", { name: `Allow Shop to use your Tenant ${slug} account?` })).toBeVisible();
  const oauthQuery = new URL(page.url()).search.slice(1);

  // Another browser (no session) answering with the same signed request is sent to sign in.
  const stranger = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
  try {
    const answer = await postConsent(stranger, slug, oauthQuery);
    expect(answer.status()).toBe(302);
    expect(answer.headers()["location"]).toBe(`/t/${slug}/oauth2/sign-in?${oauthQuery}`);
    // Another site cannot make the user's own browser answer either.
    const crossSite = await page.request.post(`/t/${slug}/oauth2/consent`, {
      form: { oauth_query: oauthQuery, decision: "allow" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
  } finally {
    await stranger.dispose();
  }

  // Nothing reached the RP; the user's own answer does.
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Test RP received: code" })).toBeVisible();
  const callback = await relyingParty().nextCallback();
  expect(callback.searchParams.get("code")).toBeTruthy();
});
