import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import * as oidc from "openid-client";
import type { OAuthClientRegistration, RegisteredOAuthClient } from "~/oauth-provider/client-store.server";
import { baseURL, createTenant, e2eStorageEnv, patchTenantConfig, uniqueSlug } from "./fixtures";

/** A tenant with JWTs and the OAuth provider on, and its issuer. */
export async function providerTenant(prefix = "oidc") {
  const slug = uniqueSlug(prefix);
  await createTenant(slug);
  await patchTenantConfig(slug, { authMethods: { jwt: { enabled: true }, oauthProvider: { enabled: true } } });
  return { slug, issuer: `${baseURL}/t/${slug}` };
}

/**
 * Registers clients in the running server's storage through the same server-side capability
 * the console and the management API use (app/oauth-provider/client-store.server.ts). One
 * process for all of them: loading the app's modules takes seconds.
 */
export async function registerClients(
  slug: string,
  inputs: OAuthClientRegistration[],
): Promise<RegisteredOAuthClient[]> {
  // Not withControlDb: loading the tenant's better-auth takes long enough on a busy machine
  // to need more than its 30 s.
  const code = `
    const { readEnv } = await import("./app/config/env.server.ts");
    const { createStorage } = await import("./app/db/index.server.ts");
    const { TenantService } = await import("./app/tenancy/tenants.server.ts");
    const { TenantRegistry } = await import("./app/tenancy/registry.server.ts");
    const { registerOAuthClient } = await import("./app/oauth-provider/client-store.server.ts");
    const env = readEnv();
    const storage = createStorage(env);
    const tenants = new TenantService(storage, env.secret);
    const registry = new TenantRegistry({ tenants, storage, publicUrl: env.publicUrl, maxHotTenants: 1, closeGraceMs: 0 });
    try {
      const live = await registry.resolve({ slug: ${JSON.stringify(slug)} });
      if (live.status !== "ok") throw new Error("tenant " + live.status);
      const created = [];
      for (const input of ${JSON.stringify(inputs)}) created.push(await registerOAuthClient(live.auth, input));
      process.stdout.write(JSON.stringify(created));
    } finally { await registry.close(); await storage.close(); }`;
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", code],
    { cwd: path.resolve(import.meta.dirname, "../.."), timeout: 90_000, env: e2eStorageEnv() },
  );
  return JSON.parse(out) as RegisteredOAuthClient[];
}

export async function registerClient(slug: string, input: OAuthClientRegistration): Promise<RegisteredOAuthClient> {
  const [client] = await registerClients(slug, [input]);
  return client!;
}

/** openid-client's view of the tenant: discovery over plain http (the test server's), as a given client. */
export function discover(issuer: string, client: RegisteredOAuthClient, auth?: oidc.ClientAuth) {
  const clientAuth = auth ?? (client.clientSecret ? oidc.ClientSecretBasic(client.clientSecret) : oidc.None());
  return oidc.discovery(new URL(issuer), client.clientId, undefined, clientAuth, {
    execute: [oidc.allowInsecureRequests],
  });
}
