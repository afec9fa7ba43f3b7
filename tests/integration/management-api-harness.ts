import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { rmSync } from "node:fs";
import { Readable } from "node:stream";
import type { ConsoleAccess } from "~/admin/access.server";
import type { ApiKeyScope } from "~/api-keys/scopes";
import type { Tenant } from "~/tenancy/tenants.server";
import { createTestDatabase, tempDir } from "../support/storage";

/**
 * A real HTTP server for management API tests: the app's own services (getPortico) on real
 * storage, serving the /api/v1 route module and the tenants' auth API (for sign-ins) the way
 * server.ts does. SQLite by default; PostgreSQL when TEST_DATABASE_URL is set (getPortico is
 * one per process, and Vitest gives each test file its own process).
 */
export type Harness = {
  baseUrl: string;
  provider: "sqlite" | "postgresql";
  createTenant(slug: string, environment?: "production" | "development"): Promise<Tenant>;
  createKey(
    tenant: Tenant,
    scopes: ApiKeyScope[],
    options?: { rateLimitPerMinute?: number },
  ): Promise<{ key: string; id: string }>;
  api(
    key: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer>;
  /** Through the tenant's hosted sign-in API; `cookie` is the session cookie for later calls. */
  signIn(
    slug: string,
    email: string,
    password: string,
  ): Promise<{ status: number; token: string | null; cookie: string; body: unknown }>;
  close(): Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by assertions, not by types
export type ApiAnswer = { status: number; headers: Headers; body: any; text: string };

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  // server.ts sets this from the socket; tests may pose as distinct clients (sign-in limits are per IP).
  if (!headers.has("x-portico-client-ip")) headers.set("x-portico-client-ip", req.socket.remoteAddress ?? "");
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Node's fetch needs duplex for a streamed body.
    duplex: hasBody ? "half" : undefined,
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

export async function startHarness(label: string): Promise<Harness> {
  const dataDir = tempDir(`portico-${label}-`);
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase() : null;
  process.env.PORTICO_DATA_DIR = dataDir;
  process.env.PORTICO_SECRET = `${label}-test-deployment-secret`.padEnd(48, "m");
  process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE = "true";
  process.env.PORTICO_DEMO_TENANT = "false";
  if (database) process.env.DATABASE_URL = database.url;
  else delete process.env.DATABASE_URL;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = baseUrl;

  const { getPortico } = await import("~/context.server");
  const apiRoute = await import("~/routes/api.v1.$");
  const authRoute = await import("~/routes/t.$tenant.api.auth.$");
  const scimRoute = await import("~/routes/t.$tenant.api.scim.v2.$");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        const request = await toRequest(req, baseUrl);
        const path = new URL(request.url).pathname;
        const tenantAuth = /^\/t\/([^/]+)\/api\/auth\//.exec(path);
        const scim = /^\/t\/([^/]+)\/api\/scim\/v2\/(.*)$/.exec(path);
        const args = { request, params: { tenant: tenantAuth?.[1] }, context: {} };
        const read = request.method === "GET" || request.method === "HEAD";
        let response: Response;
        if (path.startsWith("/api/v1/")) response = await (read ? apiRoute.loader(args) : apiRoute.action(args));
        else if (tenantAuth) response = await (read ? authRoute.loader(args) : authRoute.action(args));
        else if (scim) {
          const scimArgs = { request, params: { tenant: scim[1], "*": scim[2] }, context: {} };
          response = await (read ? scimRoute.loader(scimArgs) : scimRoute.action(scimArgs));
        } else response = new Response("Not found", { status: 404 });
        await send(res, response);
        // Like Node's own server, discard a body the answer did not need (a refused upload).
        req.resume();
      } catch (error) {
        if (error instanceof Response) await send(res, error);
        else {
          console.error(error);
          res.writeHead(500).end(String(error));
        }
      }
    })();
  });

  const portico = getPortico();
  await portico.storage.control();
  let signIns = 1;

  return {
    baseUrl,
    provider: database ? "postgresql" : "sqlite",
    createTenant: (slug, environment = "development") => portico.tenants.create({ slug, name: slug, environment }),
    async createKey(tenant, scopes, options = {}) {
      const { key, apiKey } = await portico.apiKeys.create({
        tenant,
        name: `test key ${scopes.length} scopes`,
        scopes,
        createdById: null,
        rateLimitPerMinute: options.rateLimitPerMinute,
      });
      return { key, id: apiKey.id };
    },
    async api(key, method, path, body, headers = {}) {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    async signIn(slug, email, password) {
      const response = await fetch(`${baseUrl}/t/${slug}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: baseUrl,
          "x-portico-client-ip": `10.${signIns >> 16}.${(signIns >> 8) & 255}.${signIns++ & 255}`,
        },
        body: JSON.stringify({ email, password }),
      });
      const body = (await response.json().catch(() => null)) as { token?: string } | null;
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      return { status: response.status, token: body?.token ?? null, cookie, body };
    },
    async close() {
      server.close();
      await portico.registry.close();
      await portico.storage.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A console admin of the tenant, for calling the console's actions beside the API. */
export function consoleAdmin(tenant: Tenant): ConsoleAccess {
  return {
    user: { id: "platform-admin-1", name: "Olive", email: "olive@console.test", emailVerified: true },
    tenant,
    role: "admin",
  };
}
