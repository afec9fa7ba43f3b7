import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { publicTenantConfig } from "~/auth-methods/public-config";
import { TenantConfigSchema } from "~/tenancy/config";
import { DEFAULT_THEME } from "~/theme/theme";

/**
 * The widgets' unit tests run in Chromium against this stand-in for a tenant's public
 * endpoints: config.json and theme.json come from Portico's own builders (so they have the
 * real shape), and the auth API answers the way better-auth does for a signed-out browser and
 * a wrong password. Flows against a real server are the e2e tests (tests/e2e/widgets*.test.ts).
 */
const TENANTS = {
  acme: TenantConfigSchema.parse({ authMethods: { bearer: { enabled: true } } }),
  "no-bearer": TenantConfigSchema.parse({}),
  social: TenantConfigSchema.parse({
    authMethods: {
      bearer: { enabled: true },
      github: { enabled: true, clientId: "gh" },
      microsoft: { enabled: true, clientId: "ms" },
      oidc: { enabled: true, clientId: "sso", displayName: "Contoso SSO" },
    },
  }),
};

let server: Server;

export async function setup(project: TestProject) {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://backend");
    const cors = {
      "access-control-allow-origin": request.headers.origin ?? "*",
      "access-control-allow-headers": "content-type, authorization, x-two-factor-token",
      "access-control-expose-headers": "set-auth-token",
    };
    if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { ...cors, "content-type": "application/json" }).end(JSON.stringify(body));
    const match = /^\/t\/([a-z-]+)\/(.*)$/.exec(url.pathname);
    const config = match ? TENANTS[match[1] as keyof typeof TENANTS] : undefined;
    if (!match || !config) return json(404, { error: { code: "not_found", message: "No such tenant." } });
    const [, slug, rest] = match;
    if (rest === "config.json") return json(200, publicTenantConfig({ slug: slug!, name: "Acme", config }));
    if (rest === "theme.json") return json(200, DEFAULT_THEME);
    if (rest === "api/auth/get-session") return json(200, null);
    if (rest === "api/auth/sign-in/email") {
      return json(401, { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
    }
    json(404, { code: "NOT_FOUND", message: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("backendUrl", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

export async function teardown() {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

declare module "vitest" {
  export interface ProvidedContext {
    backendUrl: string;
  }
}
