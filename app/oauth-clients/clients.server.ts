import { z } from "zod";
import type { AuditEventInput } from "~/audit/audit.server";
import { getPortico } from "~/context.server";
import {
  deleteOAuthClient as deleteClientAndTokens,
  registerOAuthClient,
  rotateOAuthClientSecret as storeNewSecret,
} from "~/oauth-provider/client-store.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { refuseWebhookTarget } from "~/webhooks/ssrf.server";
import {
  clientProblems,
  CreateOAuthClientSchema,
  UpdateOAuthClientSchema,
  type CreateOAuthClientInput,
  type OAuthClientSettings,
  type UpdateOAuthClientInput,
} from "./schema";
import { changedRowFields, providerPolicy, registration, splitScopes, usesSecret } from "./plugin-fields.server";
import {
  countClients,
  findClient,
  listClients,
  OAuthProviderUnavailableError,
  requireProvider,
  setAudiences,
  updateClientRow,
  type OAuthClientView,
} from "./store.server";

/**
 * The tenant's OAuth/OIDC clients (applications that sign users in with Portico, or services
 * that get tokens for each other): one function per change, each given the live tenant, who
 * acts (for the audit log) and its input, checked here whoever calls. Console actions,
 * /api/v1 and tests are thin adapters over these. Every change is audited; the audit entry
 * is what sends the `oauth_client.*` webhook (app/webhooks/event-types.ts).
 */
export type { OAuthClientView } from "./store.server";

/** Who acts: the audit fields of a console member, an API key or the system. */
export type OAuthClientActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

export const MAX_CLIENTS_PER_TENANT = 100;

export type OAuthClientErrorCode = "invalid_input" | "not_found" | "client_limit" | "no_secret";

/** A refused change: a code the adapters map to a status, and the fields a person fixes. */
export class OAuthClientError extends Error {
  constructor(
    readonly code: OAuthClientErrorCode,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** The client and its secret, in the one answer that ever holds the secret. */
export type OAuthClientWithSecret = { client: OAuthClientView; clientSecret: string };

const ClientRef = z.strictObject({ clientId: z.string().trim().min(1, "Choose a client.").max(200) });

function invalid(details: { field: string; message: string }[]): OAuthClientError {
  const first = details[0]!;
  return new OAuthClientError(
    "invalid_input",
    first.field ? `${first.field}: ${first.message}` : first.message,
    details,
  );
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(
    parsed.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ field: key, message: "This field is not accepted here." }))
        : [{ field: issue.path.map(String).join("."), message: issue.message }],
    ),
  );
}

/**
 * The rules across fields, then what this tenant's provider offers: scopes it does not know as
 * user scopes are service scopes, which only a client-credentials token can carry.
 */
async function check(live: LiveTenant, settings: OAuthClientSettings) {
  const problems = clientProblems(settings);
  // The provider fetches the client's keys from the server: no probing of private networks.
  const keysRefused = settings.jwksUri ? await refuseWebhookTarget(new URL(settings.jwksUri)) : null;
  if (keysRefused) problems.push({ field: "jwksUri", message: keysRefused });
  const policy = providerPolicy(live);
  const { serviceScopes } = splitScopes(settings, policy);
  if (serviceScopes.length > 0 && !settings.grantTypes.includes("client_credentials"))
    problems.push({
      field: "scopes",
      message: `${serviceScopes.join(", ")}: only these user scopes are offered for sign-ins: ${policy.userScopes.join(" ")}. Other scopes are for services and need the client credentials grant.`,
    });
  const grants = settings.grantTypes.filter((grant) => !policy.grantTypes.includes(grant));
  if (grants.length > 0)
    problems.push({ field: "grantTypes", message: `This tenant does not offer ${grants.join(", ")}.` });
  if (problems.length > 0) throw invalid(problems);
}

async function requireClient(live: LiveTenant, clientId: string): Promise<OAuthClientView> {
  const found = await findClient(live, clientId);
  if (!found) throw new OAuthClientError("not_found", "This tenant has no such OAuth client.");
  return found.view;
}

async function audit(who: OAuthClientActor, type: string, client: OAuthClientView, data?: Record<string, unknown>) {
  await getPortico().audit.record({
    ...who,
    type,
    target: { type: "oauth_client", id: client.clientId, label: client.name },
    data: { clientId: client.clientId, name: client.name, ...data },
  });
}

/** Whether the tenant runs its provider; clients exist only while it does. */
export function oauthProviderOn(live: LiveTenant): boolean {
  try {
    requireProvider(live);
    return true;
  } catch {
    return false;
  }
}

/** The tenant's clients, newest first. */
export async function listOAuthClients(live: LiveTenant): Promise<OAuthClientView[]> {
  requireProvider(live);
  return listClients(live, MAX_CLIENTS_PER_TENANT);
}

export async function getOAuthClient(live: LiveTenant, input: { clientId: string }): Promise<OAuthClientView> {
  requireProvider(live);
  return requireClient(live, parse(ClientRef, input).clientId);
}

/** Creates a client; a confidential one gets its secret here, once. Only its hash is stored. */
export async function createOAuthClient(
  live: LiveTenant,
  who: OAuthClientActor,
  input: CreateOAuthClientInput,
): Promise<{ client: OAuthClientView; clientSecret: string | null }> {
  requireProvider(live);
  const settings = parse(CreateOAuthClientSchema, input);
  await check(live, settings);
  if ((await countClients(live)) >= MAX_CLIENTS_PER_TENANT)
    throw new OAuthClientError("client_limit", `A tenant can have at most ${MAX_CLIENTS_PER_TENANT} OAuth clients.`);
  const { clientId, clientSecret } = await registerOAuthClient(live.auth, registration(settings, providerPolicy(live)));
  const client = await requireClient(live, clientId);
  await audit(who, "oauth_client.created", client, summary(client));
  return { client, clientSecret };
}

/**
 * Changes a client. Switching to a secret method gives it a new secret (returned, shown once);
 * switching away from one deletes the stored hash.
 */
export async function updateOAuthClient(
  live: LiveTenant,
  who: OAuthClientActor,
  input: { clientId: string; changes: UpdateOAuthClientInput },
): Promise<{ client: OAuthClientView; clientSecret: string | null }> {
  requireProvider(live);
  const { clientId } = parse(ClientRef, { clientId: input.clientId });
  const { enabled, ...changes } = parse(UpdateOAuthClientSchema, input.changes);
  const before = await requireClient(live, clientId);
  const settings: OAuthClientSettings = { ...settingsOf(before), ...changes };
  await check(live, settings);
  await updateClientRow(live, clientId, {
    ...changedRowFields(settings, providerPolicy(live)),
    ...(enabled === undefined ? {} : { disabled: !enabled }),
    // Away from a secret method, the stored hash would only be a credential nobody uses.
    ...(usesSecret(settings) ? {} : { clientSecret: null }),
  });
  if (changes.audiences) await setAudiences(live, clientId, settings.audiences);
  const clientSecret = usesSecret(settings) && !before.hasSecret ? await storeNewSecret(live.auth, clientId) : null;
  const client = await requireClient(live, clientId);
  await audit(who, "oauth_client.updated", client, { fields: changedFields(before, client) });
  return { client, clientSecret };
}

export async function setOAuthClientEnabled(
  live: LiveTenant,
  who: OAuthClientActor,
  input: { clientId: string; enabled: boolean },
): Promise<OAuthClientView> {
  const { client } = await updateOAuthClient(live, who, {
    clientId: input.clientId,
    changes: { enabled: input.enabled },
  });
  return client;
}

/** A new secret, returned once; the old one is refused from now on. */
export async function rotateOAuthClientSecret(
  live: LiveTenant,
  who: OAuthClientActor,
  input: { clientId: string },
): Promise<OAuthClientWithSecret> {
  requireProvider(live);
  const { clientId } = parse(ClientRef, input);
  const before = await requireClient(live, clientId);
  if (!usesSecret(before))
    throw new OAuthClientError(
      "no_secret",
      `This client authenticates with ${before.tokenEndpointAuthMethod}, not a secret; there is nothing to rotate.`,
      [{ field: "tokenEndpointAuthMethod", message: "Only clients using a client secret have one to rotate." }],
    );
  const clientSecret = await storeNewSecret(live.auth, clientId);
  if (!clientSecret) throw new OAuthClientError("not_found", "This tenant has no such OAuth client.");
  const client = await requireClient(live, clientId);
  await audit(who, "oauth_client.secret_rotated", client);
  return { client, clientSecret };
}

/** Deletes the client with its tokens and consents. */
export async function deleteOAuthClient(
  live: LiveTenant,
  who: OAuthClientActor,
  input: { clientId: string },
): Promise<OAuthClientView> {
  requireProvider(live);
  const { clientId } = parse(ClientRef, input);
  const client = await requireClient(live, clientId);
  await deleteClientAndTokens(live.auth, clientId);
  await audit(who, "oauth_client.deleted", client);
  return client;
}

export { OAuthProviderUnavailableError };

function settingsOf(view: OAuthClientView): OAuthClientSettings {
  return {
    name: view.name,
    logoUrl: view.logoUrl,
    redirectUris: view.redirectUris,
    postLogoutRedirectUris: view.postLogoutRedirectUris,
    grantTypes: view.grantTypes,
    scopes: view.scopes,
    audiences: view.audiences,
    tokenEndpointAuthMethod: view.tokenEndpointAuthMethod,
    jwks: view.jwks,
    jwksUri: view.jwksUri,
    firstParty: view.firstParty,
  };
}

function summary(client: OAuthClientView) {
  return {
    grantTypes: client.grantTypes,
    scopes: client.scopes,
    tokenEndpointAuthMethod: client.tokenEndpointAuthMethod,
    firstParty: client.firstParty,
  };
}

const COMPARED: (keyof OAuthClientView)[] = [
  "name",
  "logoUrl",
  "redirectUris",
  "postLogoutRedirectUris",
  "grantTypes",
  "scopes",
  "audiences",
  "tokenEndpointAuthMethod",
  "jwksUri",
  "jwks",
  "firstParty",
  "enabled",
];

function changedFields(before: OAuthClientView, after: OAuthClientView): string[] {
  return COMPARED.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
