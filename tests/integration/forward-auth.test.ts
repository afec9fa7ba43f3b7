import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { Provider } from "~/db/paths.server";
import { DecisionCounts } from "~/forward-auth/decision-counts.server";
import { decide, type GatewayMode } from "~/forward-auth/decision.server";
import { authorize, callback } from "~/forward-auth/gateway-flow.server";
import { forgetTenantKeys } from "~/forward-auth/jwt-verifier.server";
import { rotateJwtKeys } from "~/jwt/keys.server";
import { memoryDecisionLimiter } from "~/forward-auth/rate-limit.server";
import type { ForwardAuthRuleInput } from "~/forward-auth/rules";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";
import { testRegistry } from "../support/registry";
import { callTenantAuth, cookieHeader } from "../support/tenant-auth";

/**
 * The forward-auth decision at the capability level, against real tenants on real storage:
 * what a gateway is told for each credential, rule and kind of client.
 */
const PUBLIC_URL = "http://localhost:3997";
const SECRET = "forward-auth-test-deployment-secret".padEnd(48, "f");
const PASSWORD = "correct-horse-battery";
const APP = "app.example.com";

type Live = Extract<ResolvedTenant, { status: "ok" }>;

const RULES: ForwardAuthRuleInput[] = [
  { id: "owners", host: APP, path: "/owners/**", require: { roles: ["owner"] } },
  { id: "public", host: APP, path: "/public/**", public: true },
  { id: "admin", host: APP, path: "/admin/**", require: { roles: ["admin"] } },
  { id: "limited", host: APP, path: "/limited", rateLimit: { points: 2, durationSeconds: 60, key: "ip" } },
  { id: "app", host: APP, path: "/**" },
];

describe.each(testProviders())("forward-auth decisions on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;
  let counts: DecisionCounts;
  const deps = () => ({ publicUrl: new URL(PUBLIC_URL), secret: SECRET, limiter: memoryDecisionLimiter(), counts });

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  afterEach(async () => {
    await registry.close();
    await resetTestStorage(test);
  });

  async function liveTenants(...slugs: string[]): Promise<Live[]> {
    registry = testRegistry(tenants, test.storage, PUBLIC_URL);
    counts = new DecisionCounts();
    const lives: Live[] = [];
    for (const slug of slugs) {
      await tenants.create({ slug, name: `Tenant ${slug}`, hostnames: [] });
      await tenants.updateConfig(slug, {
        forwardAuth: { rules: RULES },
        authMethods: { organizations: { enabled: true } },
      });
      const resolved = await registry.resolve({ slug });
      if (resolved.status !== "ok") throw new Error(`tenant ${slug} is ${resolved.status}`);
      lives.push(resolved);
    }
    return lives;
  }

  const callAuth = (live: Live, endpoint: string, options: { body?: unknown; cookie?: string } = {}) =>
    callTenantAuth(live, PUBLIC_URL, endpoint, options);

  /** Signs a user up; their session cookie on Portico's host and a JWT. */
  async function signUp(live: Live, email: string): Promise<{ cookie: string; jwt: string }> {
    const response = await callAuth(live, "sign-up/email", {
      body: { name: "Gateway User", email, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    const cookie = cookieHeader(response);
    const token = await callAuth(live, "token", { cookie });
    return { cookie, jwt: ((await token.json()) as { token: string }).token };
  }

  function ask(
    live: Live,
    uri: string,
    {
      headers = {},
      mode = "standard",
      ip = "10.0.0.1",
    }: { headers?: Record<string, string>; mode?: GatewayMode; ip?: string } = {},
  ) {
    const request = new Request(`${PUBLIC_URL}/t/${live.tenant.slug}/forward-auth`, {
      headers: {
        "x-forwarded-method": "GET",
        "x-forwarded-proto": "https",
        "x-forwarded-host": APP,
        "x-forwarded-uri": uri,
        [CLIENT_IP_HEADER]: ip,
        ...headers,
      },
    });
    return decide(live, request, { mode, envoyPath: null }, deps());
  }

  it("passes a tenant's JWT with identity headers, and refuses another tenant's", async () => {
    const [acme, other] = await liveTenants("fa-acme", "fa-other");
    const { jwt } = await signUp(acme!, "jwt@example.com");
    const allowed = await ask(acme!, "/dashboard", { headers: { authorization: `Bearer ${jwt}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("x-portico-email")).toBe("jwt@example.com");
    expect(allowed.headers.get("x-portico-user-id")).toMatch(/\S+/);
    expect(allowed.headers.get("x-portico-token")).toBe(jwt);
    expect(allowed.headers.get("x-portico-decision")).toBe("allowed");

    const foreign = await ask(other!, "/dashboard", { headers: { authorization: `Bearer ${jwt}` } });
    expect(foreign.status).toBe(401);
    expect(foreign.headers.get("x-portico-user-id")).toBeNull();
    const tampered = await ask(acme!, "/dashboard", { headers: { authorization: `Bearer ${jwt.slice(0, -2)}xx` } });
    expect(tampered.status).toBe(401);
  });

  it("verifies JWTs against keys held in memory: no key lookup after the first, a rotation picked up", async () => {
    const [acme] = await liveTenants("fa-keys");
    const first = await signUp(acme!, "keys-1@example.com");
    const second = await signUp(acme!, "keys-2@example.com");
    forgetTenantKeys();
    const api = acme!.auth.api as unknown as { getJwks: () => Promise<unknown> };
    const getJwks = vi.spyOn(api, "getJwks");
    const getSession = vi.spyOn(acme!.auth.api, "getSession");
    const bearer = (jwt: string) => ({ headers: { authorization: `Bearer ${jwt}` } });
    expect((await ask(acme!, "/a", bearer(first.jwt))).status).toBe(200);
    expect((await ask(acme!, "/b", bearer(second.jwt))).status).toBe(200);
    expect((await ask(acme!, "/c", bearer(first.jwt))).status).toBe(200);
    expect(getJwks).toHaveBeenCalledTimes(1);
    expect(getSession).not.toHaveBeenCalled();

    // A new key (rotation) is unknown to the cached set: the keys are read again, once (made-up
    // key ids can make that happen at most once a second).
    await rotateJwtKeys(acme!);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const rotated = await callAuth(acme!, "token", { cookie: first.cookie });
    const token = ((await rotated.json()) as { token: string }).token;
    expect((await ask(acme!, "/d", bearer(token))).status).toBe(200);
    expect(getJwks).toHaveBeenCalledTimes(2);
  });

  it("answers API clients 401 and sends browsers to the hosted sign-in, only for trusted hosts", async () => {
    const [acme] = await liveTenants("fa-browser");
    const api = await ask(acme!, "/dashboard", { headers: { accept: "application/json" } });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

    const browser = await ask(acme!, "/dashboard?tab=1", { headers: { accept: "text/html" } });
    expect(browser.status).toBe(302);
    const location = new URL(browser.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${PUBLIC_URL}/t/fa-browser/sign-in`);
    const redirectTo = new URL(location.searchParams.get("redirectTo")!, PUBLIC_URL);
    expect(redirectTo.pathname).toBe("/t/fa-browser/forward-auth/authorize");
    expect(redirectTo.searchParams.get("rd")).toBe(`https://${APP}/dashboard?tab=1`);
    // The round trip's state goes along, and into a cookie only this browser has.
    const state = redirectTo.searchParams.get("state")!;
    expect(browser.headers.get("set-cookie")).toBe(
      `__Host-portico-gateway-state.${acme!.tenant.id}=${state}; Path=/; Max-Age=900; HttpOnly; SameSite=Lax; Secure`,
    );

    // nginx's auth_request only understands 401: the same redirect travels in Location.
    const nginx = await ask(acme!, "/dashboard?tab=1", { headers: { accept: "text/html" }, mode: "nginx" });
    expect(nginx.status).toBe(401);
    expect(nginx.headers.get("location")).toMatch(/^http:\/\/localhost:3997\/t\/fa-browser\/sign-in\?redirectTo=/);
    expect(nginx.headers.get("set-cookie")).toMatch(/^__Host-portico-gateway-state\./);

    // A host no rule names and the tenant does not trust gets no redirect (no open redirect).
    const stranger = await ask(acme!, "/", { headers: { accept: "text/html", "x-forwarded-host": "evil.test" } });
    expect(stranger.status).toBe(401);
    expect(stranger.headers.get("location")).toBeNull();
  });

  it("lets public paths through and resolves dot segments before matching", async () => {
    const [acme] = await liveTenants("fa-public");
    expect((await ask(acme!, "/public/logo.png")).status).toBe(200);
    // `/public/../admin/x` is /admin/x to the upstream: it must not ride on the public rule.
    const sneaky = await ask(acme!, "/public/%2e%2e/admin/x");
    expect(sneaky.status).toBe(401);
    expect(sneaky.headers.get("x-portico-rule")).toBe("admin");
  });

  it("passes a session whose active organization gives the rule's role, org and role attached", async () => {
    const [acme] = await liveTenants("fa-owner");
    const { cookie } = await signUp(acme!, "owner@example.com");
    const created = await callAuth(acme!, "organization/create", { body: { name: "Acme", slug: "acme-org" }, cookie });
    expect(created.status).toBe(200);
    const orgId = ((await created.json()) as { id: string }).id;
    const state = "o".repeat(22);
    const url = `${PUBLIC_URL}/t/fa-owner/forward-auth/authorize?rd=${encodeURIComponent(`https://${APP}/owners`)}&state=${state}`;
    const code = new URL(
      (await authorize(acme!, new Request(url, { headers: { cookie } }), deps())).headers.get("location")!,
    ).searchParams.get("code")!;
    const landed = await callback(
      acme!,
      new Request(`${PUBLIC_URL}/t/fa-owner/forward-auth/callback?code=${code}`, {
        headers: {
          "x-forwarded-host": APP,
          "x-forwarded-proto": "https",
          cookie: `__Host-portico-gateway-state.${acme!.tenant.id}=${state}`,
        },
      }),
      deps(),
    );
    const gatewayCookie = landed.headers.getSetCookie()[0]!.split(";")[0]!;

    const owner = await ask(acme!, "/owners/billing", { headers: { cookie: gatewayCookie } });
    expect(owner.status).toBe(200);
    expect(owner.headers.get("x-portico-org-id")).toBe(orgId);
    expect(owner.headers.get("x-portico-roles")).toBe("owner");
    // The JWT minted for the upstream names the organization too.
    const [, payload] = owner.headers.get("x-portico-token")!.split(".");
    expect(JSON.parse(Buffer.from(payload!, "base64url").toString())).toMatchObject({
      org_id: orgId,
      two_factor: false,
    });
    // An owner is not an "admin": that rule still refuses.
    expect((await ask(acme!, "/admin/x", { headers: { cookie: gatewayCookie } })).status).toBe(403);
    // The session's JWT carries the roles too, so the rule decides on it without the database.
    const jwt = ((await (await callAuth(acme!, "token", { cookie })).json()) as { token: string }).token;
    const byJwt = await ask(acme!, "/owners/billing", { headers: { authorization: `Bearer ${jwt}` } });
    expect(byJwt.status).toBe(200);
    expect(byJwt.headers.get("x-portico-roles")).toBe("owner");
    expect(byJwt.headers.get("x-portico-org-id")).toBe(orgId);
  });

  it("refuses a signed-in user without the rule's role with 403", async () => {
    const [acme] = await liveTenants("fa-roles");
    const { jwt } = await signUp(acme!, "norole@example.com");
    const refused = await ask(acme!, "/admin/settings", { headers: { authorization: `Bearer ${jwt}` } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-portico-reason")).toBe("role");
  });

  it("rate-limits a rule per client IP: 429, or 403 with the decision header for nginx", async () => {
    const [acme] = await liveTenants("fa-limits");
    counts = new DecisionCounts();
    const limiter = memoryDecisionLimiter();
    const once = (ip: string, mode: GatewayMode = "standard") =>
      decide(
        acme!,
        new Request(`${PUBLIC_URL}/t/fa-limits/forward-auth`, {
          headers: { "x-forwarded-host": APP, "x-forwarded-uri": "/limited", [CLIENT_IP_HEADER]: ip },
        }),
        { mode, envoyPath: null },
        { ...deps(), limiter },
      );
    expect((await once("10.0.0.9")).status).toBe(401);
    expect((await once("10.0.0.9")).status).toBe(401);
    const limited = await once("10.0.0.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const nginx = await once("10.0.0.9", "nginx");
    expect(nginx.status).toBe(403);
    expect(nginx.headers.get("x-portico-decision")).toBe("rate_limited");
    expect((await once("10.0.0.10")).status).toBe(401);
    expect(counts.pending(acme!.tenant.id)).toEqual(
      expect.arrayContaining([
        { ruleId: "limited", outcome: "rate_limited", count: 2 },
        { ruleId: "limited", outcome: "unauthenticated", count: 3 },
      ]),
    );
  });

  it("names the missing or malformed gateway header with a 400", async () => {
    const [acme] = await liveTenants("fa-headers");
    const noUri = await decide(
      acme!,
      new Request(`${PUBLIC_URL}/t/fa-headers/forward-auth`, { headers: { "x-forwarded-host": APP } }),
      { mode: "standard", envoyPath: null },
      deps(),
    );
    expect(noUri.status).toBe(400);
    expect(((await noUri.json()) as { error: { message: string } }).error.message).toMatch(/X-Forwarded-Uri/);
    const badHost = await ask(acme!, "/", { headers: { "x-forwarded-host": "app.example.com/evil" } });
    expect(badHost.status).toBe(400);
    expect(((await badHost.json()) as { error: { message: string } }).error.message).toMatch(/X-Forwarded-Host/);
    expect((await ask(acme!, "//evil.test/x")).headers.get("x-portico-rule")).toBe("app");
  });

  it("turns a session into a cookie on the protected host with a single-use code", async () => {
    const [acme] = await liveTenants("fa-cookie");
    const { cookie } = await signUp(acme!, "browser@example.com");
    const returnTo = `https://${APP}/dashboard`;
    const state = "s".repeat(22);
    const authorizeUrl = `${PUBLIC_URL}/t/fa-cookie/forward-auth/authorize?rd=${encodeURIComponent(returnTo)}&state=${state}`;
    const stateCookie = `__Host-portico-gateway-state.${acme!.tenant.id}=${state}`;

    // Without a session, authorize sends the browser to sign in first.
    const anonymous = await authorize(acme!, new Request(authorizeUrl), deps());
    expect(anonymous.headers.get("location")).toMatch(`${PUBLIC_URL}/t/fa-cookie/sign-in?redirectTo=`);
    // A return address on a host the tenant does not trust is refused outright.
    const evil = await authorize(
      acme!,
      new Request(authorizeUrl.replace(encodeURIComponent(APP), "evil.test"), { headers: { cookie } }),
      deps(),
    );
    expect(evil.status).toBe(400);

    const signedIn = await authorize(acme!, new Request(authorizeUrl, { headers: { cookie } }), deps());
    const toCallback = new URL(signedIn.headers.get("location")!);
    expect(`${toCallback.origin}${toCallback.pathname}`).toBe(`https://${APP}/.portico/callback`);
    const code = toCallback.searchParams.get("code")!;

    const redeem = (host: string, code: string, browserCookie = stateCookie) =>
      callback(
        acme!,
        new Request(`${PUBLIC_URL}/t/fa-cookie/forward-auth/callback?code=${code}`, {
          headers: { "x-forwarded-host": host, "x-forwarded-proto": "https", cookie: browserCookie },
        }),
        deps(),
      );
    // Someone else's browser (no state cookie, or another round trip's) cannot use the code:
    // that would sign its owner into the app as this user (login CSRF).
    const stolen = await redeem(APP, code, `__Host-portico-gateway-state.${acme!.tenant.id}=${"x".repeat(22)}`);
    expect(stolen.status).toBe(400);
    expect(await stolen.text()).toMatch(/started in another browser/);

    const again = new URL(
      (await authorize(acme!, new Request(authorizeUrl, { headers: { cookie } }), deps())).headers.get("location")!,
    );
    const fresh = again.searchParams.get("code")!;
    expect((await redeem("other.example.com", fresh)).status).toBe(400);
    const third = new URL(
      (await authorize(acme!, new Request(authorizeUrl, { headers: { cookie } }), deps())).headers.get("location")!,
    );
    const good = third.searchParams.get("code")!;
    const landed = await redeem(APP, good);
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe(returnTo);
    const [setCookie, clearedState] = landed.headers.getSetCookie();
    expect(setCookie).toMatch(new RegExp(`^__Host-portico-gateway\\.${acme!.tenant.id}=`));
    expect(setCookie).toMatch(/; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/);
    expect(clearedState).toMatch(new RegExp(`^__Host-portico-gateway-state\\.${acme!.tenant.id}=; Path=/; Max-Age=0;`));
    expect((await redeem(APP, good)).status).toBe(400);

    const gatewayCookie = setCookie!.split(";")[0]!;
    const allowed = await ask(acme!, "/dashboard", { headers: { cookie: gatewayCookie } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("x-portico-email")).toBe("browser@example.com");
    expect(allowed.headers.get("x-portico-token")).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    // The cookie is sealed to its host: copied to another host it opens nothing.
    const elsewhere = await ask(acme!, "/", {
      headers: { cookie: gatewayCookie, "x-forwarded-host": "api.example.com" },
    });
    expect(elsewhere.status).toBe(401);

    // Signing out on Portico's host ends the session behind the gateway cookie too.
    expect((await callAuth(acme!, "sign-out", { body: {}, cookie })).status).toBe(200);
    expect((await ask(acme!, "/dashboard", { headers: { cookie: gatewayCookie } })).status).toBe(401);
  });
});
