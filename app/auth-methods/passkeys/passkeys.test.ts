import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { Provider } from "~/db/paths.server";
import { TenantRegistry, type ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../../../tests/support/storage";
import { rpIdForRequest } from "./plugin.server";
import { testRegistry } from "../../../tests/support/registry";

/**
 * The passkey plugin as Portico configures it per tenant: options name the host the request came
 * to (shared host or custom domain), and a passkey this tenant does not know is refused and
 * reported. The WebAuthn ceremonies themselves run in tests/e2e/passkeys.test.ts.
 */

const PUBLIC_URL = "http://localhost:3996";
const SECRET = "passkeys-test-deployment-secret".padEnd(48, "z");

function expectOk(resolved: ResolvedTenant): Extract<ResolvedTenant, { status: "ok" }> {
  if (resolved.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(resolved)}`);
  return resolved;
}

describe("passkey relying party", () => {
  it("names the custom domain a request came to, and the shared host otherwise", () => {
    const ids = ["auth.example.com", "login.acme.com"];
    const at = (url: string) => rpIdForRequest(new Request(url), ids, "auth.example.com");
    expect(at("https://login.acme.com/t/acme/api/auth/passkey/generate-authenticate-options")).toBe("login.acme.com");
    expect(at("https://auth.example.com/t/acme/api/auth/passkey/generate-authenticate-options")).toBe(
      "auth.example.com",
    );
    expect(at("https://evil.example.net/t/acme/api/auth/passkey/generate-authenticate-options")).toBe(
      "auth.example.com",
    );
  });
});

describe.each(testProviders())("passkeys on a live tenant (%s)", (provider: Provider) => {
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

  async function call(endpoint: string, { body, cookie = "", base = PUBLIC_URL }: CallOptions = {}) {
    const live = expectOk(await registry.resolve({ slug: "acme" }));
    const response = await live.auth.handler(
      new Request(`${base}/t/acme/api/auth${endpoint}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          origin: base,
          cookie,
          [CLIENT_IP_HEADER]: "10.0.0.7",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    const setCookie = response.headers.getSetCookie().map((value) => value.split(";")[0]);
    return { status: response.status, json, cookie: [cookie, ...setCookie].filter(Boolean).join("; ") };
  }
  type CallOptions = { body?: unknown; cookie?: string; base?: string };

  it("hands out passkey options for the host the request came to", async () => {
    await tenants.create({
      slug: "acme",
      name: "Acme",
      hostnames: ["login.acme.test"],
      config: { authMethods: { passkey: { enabled: true } } },
    });
    const shared = await call("/passkey/generate-authenticate-options");
    expect(shared.status, JSON.stringify(shared.json)).toBe(200);
    expect(shared.json?.rpId).toBe("localhost");
    const custom = await call("/passkey/generate-authenticate-options", { base: "http://login.acme.test:3996" });
    expect(custom.json?.rpId).toBe("login.acme.test");

    const unknown = await call("/passkey/verify-authentication", {
      body: { response: { id: "bm90LWEtcGFzc2tleQ", rawId: "bm90LWEtcGFzc2tleQ", type: "public-key", response: {} } },
      cookie: shared.cookie,
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json?.code).toBe("PASSKEY_NOT_FOUND");
    expect(events.at(-1)).toMatchObject({ type: "sign_in.failed", data: { code: "PASSKEY_NOT_FOUND" } });
  });
});
