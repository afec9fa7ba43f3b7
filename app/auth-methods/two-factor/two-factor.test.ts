import { randomInt } from "node:crypto";
import * as OTPAuth from "otpauth";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { Provider } from "~/db/paths.server";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../../../tests/support/storage";
import { isTwoFactorRequired, keyUriWithEncodedSpaces, totpSecret } from "./two-factor.server";
import { testRegistry } from "../../../tests/support/registry";

/**
 * Two-factor over the tenant's plain HTTP API (what widgets and backends call), on a real
 * tenant database, plus the rule Portico adds: enforcement for admins.
 */

const PUBLIC_URL = "http://localhost:3997";
const SECRET = "two-factor-test-deployment-secret".padEnd(48, "z");
const PASSWORD = "correct-horse-battery";

function expectOk(resolved: ResolvedTenant): Extract<ResolvedTenant, { status: "ok" }> {
  if (resolved.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(resolved)}`);
  return resolved;
}

function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(previous ? previous.split("; ").map((pair) => pair.split("=", 2) as [string, string]) : []);
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const [name, value] = pair!.split("=", 2) as [string, string];
    if (/max-age=0/i.test(cookie) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

describe("otpauth URIs", () => {
  it("reads the key of an otpauth URI and nothing else", () => {
    expect(totpSecret("otpauth://totp/Acme:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme")).toBe(
      "JBSWY3DPEHPK3PXP",
    );
    expect(totpSecret("https://example.com/?secret=JBSWY3DPEHPK3PXP")).toBeNull();
    expect(totpSecret("not a uri")).toBeNull();
    expect(keyUriWithEncodedSpaces("otpauth://totp/Acme%20Login:a%2Bb%40example.com?secret=AB&issuer=Acme+Login")).toBe(
      "otpauth://totp/Acme%20Login:a%2Bb%40example.com?secret=AB&issuer=Acme%20Login",
    );
  });
});

describe.each(testProviders())("two-factor on a live tenant (%s)", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;
  let events: TenantAuthEvent[];

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  beforeEach(() => {
    events = [];
    registry = testRegistry(tenants, test.storage, PUBLIC_URL, {
      onAuthEvent: (_tenant, event) => events.push(event),
    });
  });
  afterEach(async () => {
    await registry.close();
    await resetTestStorage(test);
  });

  const clientIp = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  async function call(endpoint: string, { body, cookie = "", base = PUBLIC_URL } = {} as CallOptions) {
    const live = expectOk(await registry.resolve({ slug: "acme" }));
    const response = await live.auth.handler(
      new Request(`${base}/t/acme/api/auth${endpoint}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          origin: base,
          cookie,
          [CLIENT_IP_HEADER]: clientIp,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const json = (await response
      .clone()
      .json()
      .catch(() => null)) as Record<string, unknown> | null;
    return { response, status: response.status, json, cookie: cookieHeader(response, cookie) };
  }
  type CallOptions = { body?: unknown; cookie?: string; base?: string };

  it("turns on TOTP, then asks for it at sign-in, refusing a wrong code, over plain HTTP", async () => {
    await tenants.create({ slug: "acme", name: "Acme", config: { authMethods: { twoFactor: { enabled: true } } } });
    const signedUp = await call("/sign-up/email", {
      body: { name: "Ada", email: "ada@example.com", password: PASSWORD },
    });
    expect(signedUp.status).toBe(200);

    const enabled = await call("/two-factor/enable", { body: { password: PASSWORD }, cookie: signedUp.cookie });
    expect(enabled.status, JSON.stringify(enabled.json)).toBe(200);
    const uri = OTPAuth.URI.parse(String(enabled.json?.totpURI));
    expect(uri.issuer).toBe("Acme");
    expect(enabled.json?.backupCodes).toHaveLength(10);
    const totp = uri as OTPAuth.TOTP;
    const confirmed = await call("/two-factor/verify-totp", {
      body: { code: totp.generate() },
      cookie: enabled.cookie,
    });
    expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200);
    expect(events.filter((event) => event.type === "two_factor.enabled")).toEqual([
      expect.objectContaining({ type: "two_factor.enabled", email: "ada@example.com", ipAddress: clientIp }),
    ]);

    const signedIn = await call("/sign-in/email", { body: { email: "ada@example.com", password: PASSWORD } });
    expect(signedIn.json).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    expect(signedIn.cookie).toMatch(/portico\.[^.]+\.two_factor=/);
    expect(signedIn.cookie).not.toMatch(/session_token=/);

    const wrong = totp.generate() === "000000" ? "111111" : "000000";
    const refused = await call("/two-factor/verify-totp", { body: { code: wrong }, cookie: signedIn.cookie });
    expect(refused.status).toBe(401);
    expect(refused.json?.code).toBe("INVALID_CODE");
    expect(events.at(-1)).toMatchObject({ type: "sign_in.failed", data: { code: "INVALID_CODE" } });

    const accepted = await call("/two-factor/verify-totp", {
      body: { code: totp.generate() },
      cookie: signedIn.cookie,
    });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    const session = await call("/get-session", { cookie: accepted.cookie });
    expect((session.json?.user as { email: string }).email).toBe("ada@example.com");
  });

  it("requires two-factor of admins only when enforced for admins", async () => {
    await tenants.create({
      slug: "acme",
      name: "Acme",
      config: { authMethods: { twoFactor: { enabled: true, enforce: "admins" } } },
    });
    const live = expectOk(await registry.resolve({ slug: "acme" }));
    const context = { ...live, basePath: "/t/acme", hostMode: false };
    const owner = await call("/sign-up/email", { body: { name: "O", email: "owner@example.com", password: PASSWORD } });
    const plain = await call("/sign-up/email", { body: { name: "P", email: "plain@example.com", password: PASSWORD } });
    const ownerId = (owner.json?.user as { id: string }).id;
    const plainId = (plain.json?.user as { id: string }).id;
    await live.db.organization.create({
      data: {
        id: "org_1",
        name: "Org",
        slug: "org",
        createdAt: new Date(),
        members: { create: { id: "mem_1", userId: ownerId, role: "owner", createdAt: new Date() } },
      },
    });
    expect(await isTwoFactorRequired(context, ownerId)).toBe(true);
    expect(await isTwoFactorRequired(context, plainId)).toBe(false);
  });
});
