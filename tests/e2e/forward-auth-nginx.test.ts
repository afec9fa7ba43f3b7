/**
 * Portico in front of an app through a real nginx `auth_request` (docs/gateways.md): the
 * configuration operators copy, Debian's nginx, a small upstream that shows what it received,
 * and Chromium going through the whole sign-in round trip.
 */
import type { APIRequestContext } from "@playwright/test";
import {
  baseURL,
  createTenant,
  expect,
  fillSignIn,
  patchTenantConfig,
  PASSWORD,
  tenantCli,
  test,
  uniqueSlug,
} from "./fixtures";
import { nginxAvailable, startNginx, startUpstream, type RunningNginx, type UpstreamView } from "./nginx-gateway";

test.describe.configure({ mode: "serial" });
// CI installs Debian's nginx (.ci/run), so there a missing nginx fails the run instead of skipping it.
test.skip(!nginxAvailable() && !process.env.CI, "nginx is not installed (.ci/run installs Debian's nginx package)");

const slug = uniqueSlug("gw");
let otherSlug: string;
let nginx: RunningNginx;
let upstream: { port: number; close(): Promise<void> };

test.beforeAll(async () => {
  await createTenant(slug, "Gateway Co");
  otherSlug = (await createTenant(uniqueSlug("gwo"), "Other Co")).slug;
  await patchTenantConfig(slug, {
    forwardAuth: {
      rules: [
        { id: "public", host: "127.0.0.1", path: "/public/**", public: true },
        { id: "admin", host: "127.0.0.1", path: "/admin/**", require: { roles: ["admin"] } },
        {
          id: "search",
          host: "127.0.0.1",
          path: "/search",
          rateLimit: { points: 2, durationSeconds: 60, key: "user" },
        },
        { id: "app", host: "127.0.0.1", path: "/**" },
      ],
    },
  });
  upstream = await startUpstream();
  nginx = await startNginx({ upstreamPort: upstream.port, porticoOrigin: baseURL, slug });
});

test.afterAll(async () => {
  await nginx?.stop();
  await upstream?.close();
});

/** Signs a user up through the tenant's API and returns a JWT the tenant issued for them. */
async function userJwt(request: APIRequestContext, tenant: string, email: string): Promise<string> {
  const signUp = await request.post(`${baseURL}/t/${tenant}/api/auth/sign-up/email`, {
    data: { name: "Gateway User", email, password: PASSWORD },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const token = await request.get(`${baseURL}/t/${tenant}/api/auth/token`);
  expect(token.status()).toBe(200);
  return ((await token.json()) as { token: string }).token;
}

test("an anonymous browser is sent to the hosted sign-in and comes back signed in", async ({
  page,
  apiSignUp,
  uniqueEmail,
  request,
}) => {
  const email = uniqueEmail("gateway");
  await apiSignUp(slug, { name: "Gateway User", email });

  // What nginx answers a browser: a 302 to the tenant's sign-in, coming back to this URL.
  const first = await request.get(`${nginx.origin}/reports?year=2026`, {
    headers: { accept: "text/html" },
    maxRedirects: 0,
  });
  expect(first.status()).toBe(302);
  const location = new URL(first.headers().location!);
  expect(`${location.origin}${location.pathname}`).toBe(`${baseURL}/t/${slug}/sign-in`);
  const redirectTo = new URL(location.searchParams.get("redirectTo")!, baseURL);
  expect(redirectTo.pathname).toBe(`/t/${slug}/forward-auth/authorize`);
  expect(redirectTo.searchParams.get("rd")).toBe(`${nginx.origin}/reports?year=2026`);
  // nginx passes on the round trip's state cookie for the app's host.
  expect(first.headers()["set-cookie"]).toMatch(
    new RegExp(`^portico-gateway-state\\.[^=]+=${redirectTo.searchParams.get("state")}; Path=/; Max-Age=900; HttpOnly`),
  );

  await page.goto(`${nginx.origin}/reports?year=2026`);
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/t/${slug}/sign-in\\?`));
  await fillSignIn(page, { email });
  await expect(page).toHaveURL(`${nginx.origin}/reports?year=2026`);
  await expect(page.getByRole("heading", { name: `Hello ${email}` })).toBeVisible();

  // The cookie belongs to the protected host only, HttpOnly, and holds no readable session.
  const cookies = await page.context().cookies(nginx.origin);
  const gateway = cookies.find((cookie) => cookie.name.startsWith("portico-gateway."));
  expect(gateway).toMatchObject({ domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" });
  expect(gateway!.value).toMatch(/^v1\./);

  // Another page of the app opens at once; signing out on Portico closes the app too.
  await page.goto(`${nginx.origin}/settings`);
  await expect(page.getByRole("heading", { name: `Hello ${email}` })).toBeVisible();
  const signOut = await page.request.post(`${baseURL}/t/${slug}/api/auth/sign-out`, {
    headers: { origin: baseURL },
    data: {},
  });
  expect(signOut.status()).toBe(200);
  const after = await page.request.get(`${nginx.origin}/settings`, { headers: { accept: "application/json" } });
  expect(after.status()).toBe(401);
});

test("API clients get 401 without a token and pass with the tenant's JWT, identity attached", async ({
  request,
  playwright,
  uniqueEmail,
}) => {
  const anonymous = await request.get(`${nginx.origin}/api/things`, { headers: { accept: "application/json" } });
  expect(anonymous.status()).toBe(401);
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

  const client = await playwright.request.newContext();
  try {
    const email = uniqueEmail("jwt");
    const jwt = await userJwt(client, slug, email);
    const allowed = await request.get(`${nginx.origin}/api/things?id=7`, {
      // A client's own identity headers are overwritten by what Portico says.
      headers: { authorization: `Bearer ${jwt}`, "x-portico-email": "forged@evil.test", "x-portico-roles": "admin" },
    });
    expect(allowed.status()).toBe(200);
    const seen = (await allowed.json()) as UpstreamView;
    expect(seen.path).toBe("/api/things?id=7");
    expect(seen.headers["x-portico-email"]).toBe(email);
    expect(seen.headers["x-portico-user-id"]).toMatch(/^\S+$/);
    expect(seen.headers["x-portico-roles"]).toBeUndefined();
    expect(seen.headers["x-portico-token"]).toBe(jwt);

    // On a public path an anonymous client's forged headers do not reach the app either.
    const open = await request.get(`${nginx.origin}/public/logo.txt`, { headers: { "x-portico-user-id": "forged" } });
    expect(open.status()).toBe(200);
    expect(((await open.json()) as UpstreamView).headers["x-portico-user-id"]).toBeUndefined();
  } finally {
    await client.dispose();
  }
});

test("another tenant's JWT is refused, a missing role is 403 and a rate-limited rule 429", async ({
  request,
  playwright,
  uniqueEmail,
}) => {
  const client = await playwright.request.newContext();
  const otherClient = await playwright.request.newContext();
  try {
    const foreign = await userJwt(otherClient, otherSlug, uniqueEmail("foreign"));
    const refused = await request.get(`${nginx.origin}/api/things`, {
      headers: { authorization: `Bearer ${foreign}` },
    });
    expect(refused.status()).toBe(401);

    const jwt = await userJwt(client, slug, uniqueEmail("member"));
    const auth = { authorization: `Bearer ${jwt}` };
    const admin = await request.get(`${nginx.origin}/admin/users`, { headers: auth });
    expect(admin.status()).toBe(403);
    expect(((await admin.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    expect((await request.get(`${nginx.origin}/search`, { headers: auth })).status()).toBe(200);
    expect((await request.get(`${nginx.origin}/search`, { headers: auth })).status()).toBe(200);
    const limited = await request.get(`${nginx.origin}/search`, { headers: auth });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect(nginx.errorLog()).not.toMatch(/auth request unexpected status/);
  } finally {
    await client.dispose();
    await otherClient.dispose();
  }
});

test("the endpoint answers on a tenant's custom domain too, any method", async ({ request }) => {
  const domainSlug = uniqueSlug("gwd");
  const hostname = `${domainSlug}.localhost`;
  await tenantCli("create", domainSlug, "--name", "Domain Gateway", "--hostname", hostname);
  const host = `${hostname}:${new URL(baseURL).port}`;
  const gateway = { "x-forwarded-host": "app.domain.test", "x-forwarded-uri": "/x", accept: "application/json" };
  await expect
    .poll(async () => (await request.get(`${baseURL}/forward-auth`, { headers: { host, ...gateway } })).status(), {
      timeout: 10_000,
    })
    .toBe(401);
  const answer = await request.get(`${baseURL}/forward-auth`, { headers: { host, ...gateway } });
  expect(answer.headers()["x-portico-rule"]).toBe("default");
  // Envoy asks with the original method; a page path would refuse DELETE with 405.
  const deleted = await request.delete(`${baseURL}/forward-auth/envoy/items/1`, { headers: { host, accept: "*/*" } });
  expect(deleted.status()).toBe(401);
  // On the shared host there is no tenant at /forward-auth.
  expect((await request.get(`${baseURL}/forward-auth`, { headers: gateway })).status()).toBe(404);
});
