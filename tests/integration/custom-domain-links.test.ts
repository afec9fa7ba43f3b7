import * as OTPAuth from "otpauth";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forwardToTenantAuth } from "~/auth/auth-api.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { onCustomDomain } from "~/http/custom-domain-scope.server";
import type { Provider } from "~/db/paths.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { liveTenantHarness, PUBLIC_URL, randomIp } from "../support/live-tenant";
import { testProviders } from "../support/storage";

/** The tenant's domain on the deployment's port, as the browser reaches it in development. */
const DOMAIN = `http://auth.acme.test:${new URL(PUBLIC_URL).port}`;

/** A sign-up on `origin`, handed over as server.ts does (under /t/acme, the domain's scope entered). */
function signUp(live: LiveTenant, origin: string, email: string, scopeSlug: string | null) {
  const hostMode = origin === DOMAIN;
  const context = { ...live, hostMode, basePath: hostMode ? "" : "/t/acme" };
  const request = new Request(`${origin}/t/acme/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, [CLIENT_IP_HEADER]: randomIp() },
    body: JSON.stringify({ name: "Dee", email, password: "correct-horse-battery" }),
  });
  const call = () => forwardToTenantAuth(context, request);
  return scopeSlug ? onCustomDomain({ slug: scopeSlug, origin }, call) : call();
}

describe.each(testProviders())("links built for a custom domain on %s", (provider: Provider) => {
  const harness = liveTenantHarness(provider);
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());
  afterEach(() => harness.reset());

  async function tenant() {
    await harness.createTenant({ slug: "acme", name: "Acme", hostnames: ["auth.acme.test"] });
    await harness.tenants.updateConfig("acme", {
      authMethods: { emailPassword: { enabled: true, sendVerificationOnSignUp: true } },
    });
    return harness.live();
  }

  const linkTo = (email: string) => {
    const sent = harness.state.emails.find((message) => message.to === email && "template" in message);
    if (!sent || !("template" in sent) || sent.template !== "verifyEmail")
      throw new Error(`No verification email to ${email}`);
    return new URL(sent.props.url);
  };

  it("a request on the domain gets the domain's API and links; the shared host, at the same moment, its own", async () => {
    const live = await tenant();
    const [onDomain, onShared] = await Promise.all([
      signUp(live, DOMAIN, "domain@example.com", "acme"),
      signUp(live, PUBLIC_URL, "shared@example.com", null),
    ]);
    expect(onDomain.status).toBe(200);
    expect(onShared.status).toBe(200);
    await expect.poll(() => harness.state.emails.length).toBeGreaterThanOrEqual(2);

    const domainLink = linkTo("domain@example.com");
    expect(`${domainLink.origin}${domainLink.pathname}`).toBe(`${DOMAIN}/api/auth/verify-email`);
    expect(domainLink.searchParams.get("callbackURL")).toBe(`${DOMAIN}/verify-email?status=verified`);
    const sharedLink = linkTo("shared@example.com");
    expect(`${sharedLink.origin}${sharedLink.pathname}`).toBe(`${PUBLIC_URL}/t/acme/api/auth/verify-email`);
    expect(sharedLink.searchParams.get("callbackURL")).toBe(`${PUBLIC_URL}/t/acme/verify-email?status=verified`);
  });

  it("a magic link asked for on the domain is on the domain, and its second-factor step too", async () => {
    await harness.createTenant({ slug: "acme", name: "Acme", hostnames: ["auth.acme.test"] });
    await harness.tenants.updateConfig("acme", {
      authMethods: { twoFactor: { enabled: true }, magicLink: { enabled: true } },
    });
    const password = "correct-horse-battery";
    const signedUp = await harness.call("/sign-up/email", {
      body: { name: "Ada", email: "ada@example.com", password },
    });
    const enabled = await harness.call("/two-factor/enable", { body: { password }, cookie: signedUp.cookie });
    const totp = OTPAuth.URI.parse(String(enabled.json?.totpURI)) as OTPAuth.TOTP;
    await harness.call("/two-factor/verify-totp", { body: { code: totp.generate() }, cookie: enabled.cookie });

    const onDomain = <T>(call: () => T) => onCustomDomain({ slug: "acme", origin: DOMAIN }, call);
    const target = `${DOMAIN}/account`;
    const asked = await onDomain(() =>
      harness.call(`${DOMAIN}/api/auth/sign-in/magic-link`, {
        body: { email: "ada@example.com", callbackURL: target },
      }),
    );
    expect(asked.status, JSON.stringify(asked.json)).toBe(200);
    const sent = harness.state.emails.findLast((email) => "template" in email && email.template === "magicLink");
    if (!sent || !("template" in sent) || sent.template !== "magicLink") throw new Error("No magic link");
    const link = new URL(sent.props.url);
    expect(`${link.origin}${link.pathname}`).toBe(`${DOMAIN}/api/auth/magic-link/verify`);

    const followed = await onDomain(() => harness.call(link.toString()));
    expect(followed.status).toBe(302);
    const location = new URL(followed.response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${DOMAIN}/two-factor`);
    expect(location.searchParams.get("redirectTo")).toBe(target);
  });

  it("another tenant's domain scope does not move this tenant's links", async () => {
    const live = await tenant();
    // As if a request for tenant "other" were somehow handling acme's sign-up: acme keeps the shared host.
    const response = await signUp(live, PUBLIC_URL, "scoped@example.com", "other");
    expect(response.status).toBe(200);
    await expect.poll(() => harness.state.emails.length).toBeGreaterThanOrEqual(1);
    expect(linkTo("scoped@example.com").origin).toBe(PUBLIC_URL);
  });
});
