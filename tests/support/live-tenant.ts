import { randomInt } from "node:crypto";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { Provider } from "~/db/paths.server";
import type { TenantEmail } from "~/email/templates.server";
import type { TenantRegistry, ResolvedTenant } from "~/tenancy/registry.server";
import { TenantService, type CreateTenantInput } from "~/tenancy/tenants.server";
import { testRegistry } from "./registry";
import { createTestStorage, resetTestStorage, type TestStorage } from "./storage";

/**
 * One tenant served by a real registry on real storage, called over its plain HTTP auth API
 * (what widgets and backends do), with the emails it queues and the events it reports kept
 * for the test to read.
 */
export const PUBLIC_URL = "http://localhost:3997";
const SECRET = "live-tenant-test-deployment-secret".padEnd(48, "z");

export type Call = {
  response: Response;
  status: number;
  json: Record<string, unknown> | null;
  cookie: string;
};
export type CallOptions = { body?: unknown; cookie?: string; ip?: string; method?: string };

export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A cookie jar as a Cookie header: later Set-Cookie lines win, expired ones are dropped. */
export function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(previous ? previous.split("; ").map((pair) => pair.split("=", 2) as [string, string]) : []);
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const [name, value] = pair!.split("=", 2) as [string, string];
    if (/max-age=0/i.test(cookie) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export function liveTenantHarness(provider: Provider) {
  let storage: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry | undefined;
  /**
   * `emailCostMs`: how long queueing an email takes. The app renders the template and writes the
   * outbox row on the request (milliseconds); timing tests make that cost large and exact so a
   * difference between two paths stands out from the machine's noise.
   */
  const state = {
    emails: [] as TenantEmail[],
    texts: [] as { to: string; body: string }[],
    events: [] as TenantAuthEvent[],
    emailCostMs: 0,
  };

  return {
    state,
    async setUp() {
      storage = await createTestStorage(provider);
      tenants = new TenantService(storage.storage, SECRET);
    },
    async tearDown() {
      await storage.cleanup();
    },
    async reset() {
      await registry?.close();
      registry = undefined;
      state.emails.length = 0;
      state.texts.length = 0;
      state.events.length = 0;
      state.emailCostMs = 0;
      await resetTestStorage(storage);
    },
    get tenants() {
      return tenants;
    },
    async createTenant(input: Partial<CreateTenantInput> = {}) {
      const tenant = await tenants.create({ slug: "acme", name: "Acme", ...input });
      registry = testRegistry(tenants, storage.storage, PUBLIC_URL, {
        onAuthEvent: (_tenant, event) => state.events.push(event),
        sendTenantSms: async (_tenant, sms) => {
          state.texts.push(sms);
        },
        sendTenantEmail: async (_tenant, email) => {
          if (state.emailCostMs) await new Promise((resolve) => setTimeout(resolve, state.emailCostMs));
          state.emails.push(email);
        },
      });
      return tenant;
    },
    async live(): Promise<Extract<ResolvedTenant, { status: "ok" }>> {
      const resolved = await registry!.resolve({ slug: "acme" });
      if (resolved.status !== "ok") throw new Error(`tenant not ready: ${resolved.status}`);
      return resolved;
    },
    /** A request to the tenant's auth API; a path starting with "http" is taken as a full URL. */
    async call(endpoint: string, { body, cookie = "", ip = randomIp(), method }: CallOptions = {}): Promise<Call> {
      const live = await this.live();
      const url = endpoint.startsWith("http") ? endpoint : `${PUBLIC_URL}/t/acme/api/auth${endpoint}`;
      const response = await live.auth.handler(
        new Request(url, {
          method: method ?? (body === undefined ? "GET" : "POST"),
          headers: {
            origin: PUBLIC_URL,
            cookie,
            [CLIENT_IP_HEADER]: ip,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: "manual",
        }),
      );
      const json = (await response
        .clone()
        .json()
        .catch(() => null)) as Record<string, unknown> | null;
      return { response, status: response.status, json, cookie: cookieHeader(response, cookie) };
    },
  };
}
