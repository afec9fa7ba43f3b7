import type { LiveTenant } from "~/tenancy/registry.server";
import type { OAuthClientSettings, OAuthGrantType, TokenEndpointAuthMethod } from "./schema";

/**
 * Reading and changing a tenant's OAuth clients in the `oauthClient` table of its own database,
 * owned by @better-auth/oauth-provider, through better-auth's adapter (which knows the plugin's
 * schema). Registering, rotating and deleting are app/oauth-provider/client-store.server.ts's;
 * this module adds what a managed client needs beyond them: the view, changes, audiences.
 */
export type OAuthClientView = OAuthClientSettings & {
  clientId: string;
  enabled: boolean;
  /** Whether a secret is stored (its hash): clients authenticating with a secret. */
  hasSecret: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** The plugin's row as better-auth's adapter returns it. */
type ClientRow = {
  clientId: string;
  clientSecret?: string | null;
  disabled?: boolean | null;
  skipConsent?: boolean | null;
  scopes?: string[] | null;
  clientCredentialsScopes?: string[] | null;
  name?: string | null;
  icon?: string | null;
  redirectUris?: string[] | null;
  postLogoutRedirectUris?: string[] | null;
  tokenEndpointAuthMethod?: string | null;
  jwks?: string | null;
  jwksUri?: string | null;
  grantTypes?: string[] | null;
  createdAt?: Date | string | null;
  updatedAt?: Date | string | null;
};

const CLIENT_MODEL = "oauthClient";
const LINK_MODEL = "oauthClientResource";

export class OAuthProviderUnavailableError extends Error {
  constructor() {
    super(
      "This tenant's OAuth 2.1 / OpenID Connect provider is off: switch on authMethods.oauthProvider (Auth methods in the console) to manage its clients.",
    );
  }
}

/** Clients exist only while the tenant runs the provider (its tables are the plugin's schema). */
export function requireProvider(live: LiveTenant): void {
  const plugins = (live.auth.options as { plugins?: { id: string }[] }).plugins ?? [];
  if (!plugins.some((plugin) => plugin.id === "oauth-provider")) throw new OAuthProviderUnavailableError();
}

async function adapterOf(live: LiveTenant) {
  const { adapter } = await live.auth.$context;
  return adapter;
}

const asDate = (value: Date | string | null | undefined) => (value ? new Date(value) : new Date(0));

function parseJwks(stored: string | null | undefined): OAuthClientView["jwks"] {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as OAuthClientView["jwks"];
    return value && Array.isArray(value.keys) ? value : null;
  } catch {
    return null;
  }
}

export function toView(row: ClientRow, audiences: string[]): OAuthClientView {
  return {
    clientId: row.clientId,
    name: row.name ?? row.clientId,
    logoUrl: row.icon ?? null,
    redirectUris: row.redirectUris ?? [],
    postLogoutRedirectUris: row.postLogoutRedirectUris ?? [],
    grantTypes: (row.grantTypes ?? []) as OAuthGrantType[],
    // One list for people: the user scopes of sign-ins, then the service scopes of client credentials.
    scopes: [...new Set([...(row.scopes ?? []), ...(row.clientCredentialsScopes ?? [])])],
    audiences,
    tokenEndpointAuthMethod: (row.tokenEndpointAuthMethod ?? "client_secret_basic") as TokenEndpointAuthMethod,
    jwksUri: row.jwksUri ?? null,
    jwks: parseJwks(row.jwks),
    firstParty: row.skipConsent === true,
    enabled: row.disabled !== true,
    hasSecret: Boolean(row.clientSecret),
    createdAt: asDate(row.createdAt),
    updatedAt: asDate(row.updatedAt),
  };
}

/**
 * Audiences are the plugin's resources (RFC 8707) the client is linked to: the `aud` its
 * access tokens may carry. Read for many clients in one query.
 */
async function audiencesByClient(live: LiveTenant, clientIds: string[]): Promise<Map<string, string[]>> {
  const byClient = new Map(clientIds.map((id) => [id, [] as string[]]));
  if (clientIds.length === 0) return byClient;
  const adapter = await adapterOf(live);
  const links = await adapter.findMany<{ clientId: string; resourceId: string }>({
    model: LINK_MODEL,
    where: [{ field: "clientId", operator: "in", value: clientIds }],
    sortBy: { field: "createdAt", direction: "asc" },
  });
  for (const link of links) byClient.get(link.clientId)?.push(link.resourceId);
  return byClient;
}

export async function findClient(live: LiveTenant, clientId: string) {
  const adapter = await adapterOf(live);
  const row = await adapter.findOne<ClientRow>({
    model: CLIENT_MODEL,
    where: [{ field: "clientId", value: clientId }],
  });
  if (!row) return null;
  const audiences = (await audiencesByClient(live, [clientId])).get(clientId) ?? [];
  return { row, view: toView(row, audiences) };
}

export async function listClients(live: LiveTenant, limit: number): Promise<OAuthClientView[]> {
  const adapter = await adapterOf(live);
  const rows = await adapter.findMany<ClientRow>({
    model: CLIENT_MODEL,
    limit,
    sortBy: { field: "createdAt", direction: "desc" },
  });
  const audiences = await audiencesByClient(
    live,
    rows.map((row) => row.clientId),
  );
  return rows.map((row) => toView(row, audiences.get(row.clientId) ?? []));
}

/** Links the client to exactly these audiences, creating a resource the first time one is named. */
export async function setAudiences(live: LiveTenant, clientId: string, audiences: string[]): Promise<void> {
  const adapter = await adapterOf(live);
  await adapter.deleteMany({ model: LINK_MODEL, where: [{ field: "clientId", value: clientId }] });
  const now = new Date();
  for (const identifier of audiences) {
    const known = await adapter.findOne({
      model: "oauthResource",
      where: [{ field: "identifier", value: identifier }],
    });
    if (!known)
      await adapter.create({
        model: "oauthResource",
        data: { identifier, name: identifier, disabled: false, createdAt: now, updatedAt: now, policyVersion: 1 },
      });
    await adapter.create({ model: LINK_MODEL, data: { clientId, resourceId: identifier, createdAt: now } });
  }
}

export async function countClients(live: LiveTenant): Promise<number> {
  const adapter = await adapterOf(live);
  return adapter.count({ model: CLIENT_MODEL });
}

export async function updateClientRow(
  live: LiveTenant,
  clientId: string,
  update: Record<string, unknown>,
): Promise<void> {
  const adapter = await adapterOf(live);
  await adapter.update({ model: CLIENT_MODEL, where: [{ field: "clientId", value: clientId }], update });
}
