import { z } from "zod";
import {
  createOAuthClient,
  deleteOAuthClient,
  getOAuthClient,
  listOAuthClients,
  OAuthClientError,
  OAuthProviderUnavailableError,
  rotateOAuthClientSecret,
  updateOAuthClient,
  type OAuthClientView,
} from "~/oauth-clients/clients.server";
import {
  CreateOAuthClientSchema,
  OAUTH_GRANT_TYPES,
  TOKEN_ENDPOINT_AUTH_METHODS,
  UpdateOAuthClientSchema,
} from "~/oauth-clients/schema";
import { Timestamp } from "./common.server";
import { ApiError } from "./errors.server";
import { defineOperation } from "./operation.server";

/** The tenant's OAuth/OIDC clients, through the capability in app/oauth-clients. */
const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

const ClientSchema = z
  .object({
    clientId: z.string(),
    name: z.string().meta({ description: "Shown on the consent screen." }),
    logoUrl: z.string().nullable().meta({ description: "Shown on the consent screen." }),
    redirectUris: z.array(z.string()),
    postLogoutRedirectUris: z.array(z.string()),
    grantTypes: z.array(z.enum(OAUTH_GRANT_TYPES)),
    scopes: z.array(z.string()),
    audiences: z.array(z.string()),
    tokenEndpointAuthMethod: z.enum(TOKEN_ENDPOINT_AUTH_METHODS),
    jwksUri: z.string().nullable(),
    jwks: Jwks.nullable(),
    firstParty: z.boolean().meta({ description: "Skips the consent screen." }),
    enabled: z.boolean(),
    hasSecret: z.boolean().meta({ description: "Whether a secret is stored (only its hash is)." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "OAuthClient" });

const ClientWithSecret = z
  .object({
    client: ClientSchema,
    clientSecret: z.string().nullable().meta({
      description:
        "The client secret, in this answer only: Portico stores its hash. Null for public and private_key_jwt clients.",
    }),
  })
  .meta({ id: "OAuthClientWithSecret" });

const ClientParams = z.strictObject({ clientId: z.string().min(1).max(200) });

const CreateBody = CreateOAuthClientSchema.meta({ id: "CreateOAuthClient" });
const UpdateBody = UpdateOAuthClientSchema.meta({ id: "UpdateOAuthClient" });

const json = (client: OAuthClientView) => ({
  ...client,
  createdAt: client.createdAt.toISOString(),
  updatedAt: client.updatedAt.toISOString(),
});

/** The capability's refusals as API errors; invalid input lists every field. */
async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OAuthClientError) {
      const status = { invalid_input: 422, not_found: 404, client_limit: 409, no_secret: 409 }[error.code];
      const code = error.code === "invalid_input" ? "validation_failed" : error.code;
      throw new ApiError(status, code, error.message, error.details.length > 0 ? error.details : undefined);
    }
    if (error instanceof OAuthProviderUnavailableError)
      throw new ApiError(409, "oauth_provider_disabled", error.message);
    throw error;
  }
}

const TAG = "OAuth clients";

export const OAUTH_CLIENT_OPERATIONS = [
  defineOperation({
    operationId: "listOAuthClients",
    method: "GET",
    path: "/oauth-clients",
    tag: TAG,
    summary: "List OAuth clients",
    description: "Every application of the tenant, newest first (at most 100). Secrets are never listed.",
    scope: "oauth-clients:read",
    errors: [409],
    success: { status: 200, description: "The clients.", schema: z.object({ data: z.array(ClientSchema) }) },
    run: async (ctx) => translated(async () => ({ data: (await listOAuthClients(ctx.live)).map(json) })),
  }),
  defineOperation({
    operationId: "createOAuthClient",
    method: "POST",
    path: "/oauth-clients",
    tag: TAG,
    summary: "Create an OAuth client",
    description:
      "Redirect URIs are https, or http on localhost/127.0.0.1/[::1], without fragments. `tokenEndpointAuthMethod` `none` makes a public client (PKCE required, no client credentials); `private_key_jwt` needs `jwks` or `jwksUri`. Fires `oauth_client.created`.",
    scope: "oauth-clients:write",
    body: CreateBody,
    idempotent: true,
    errors: [409, 413, 415, 422],
    requestExample: {
      name: "Billing service",
      grantTypes: ["client_credentials"],
      scopes: ["invoices:read"],
      audiences: ["https://api.example.com"],
    },
    success: { status: 201, description: "The client and its secret (shown once).", schema: ClientWithSecret },
    run: (ctx, { body }) =>
      translated(async () => {
        const { client, clientSecret } = await createOAuthClient(ctx.live, ctx.audit, body);
        return { client: json(client), clientSecret };
      }),
  }),
  defineOperation({
    operationId: "getOAuthClient",
    method: "GET",
    path: "/oauth-clients/{clientId}",
    tag: TAG,
    summary: "Get an OAuth client",
    scope: "oauth-clients:read",
    params: ClientParams,
    errors: [404, 409],
    success: { status: 200, description: "The client.", schema: ClientSchema },
    run: (ctx, { params }) => translated(async () => json(await getOAuthClient(ctx.live, params))),
  }),
  defineOperation({
    operationId: "updateOAuthClient",
    method: "PATCH",
    path: "/oauth-clients/{clientId}",
    tag: TAG,
    summary: "Update an OAuth client",
    description:
      "Only the fields sent change. `enabled: false` refuses the client at every endpoint until enabled again. Switching to a secret method answers with a new secret. Fires `oauth_client.updated`.",
    scope: "oauth-clients:write",
    params: ClientParams,
    body: UpdateBody,
    errors: [404, 409, 413, 415, 422],
    requestExample: { redirectUris: ["https://app.example.com/callback"], firstParty: true },
    success: {
      status: 200,
      description: "The client; `clientSecret` is set only when this change created one.",
      schema: ClientWithSecret,
    },
    run: (ctx, { params, body }) =>
      translated(async () => {
        const { client, clientSecret } = await updateOAuthClient(ctx.live, ctx.audit, {
          clientId: params.clientId,
          changes: body,
        });
        return { client: json(client), clientSecret };
      }),
  }),
  defineOperation({
    operationId: "rotateOAuthClientSecret",
    method: "POST",
    path: "/oauth-clients/{clientId}/rotate-secret",
    tag: TAG,
    summary: "Rotate an OAuth client's secret",
    description: "The old secret is refused at once. Fires `oauth_client.updated`.",
    scope: "oauth-clients:write",
    params: ClientParams,
    errors: [404, 409],
    success: { status: 200, description: "The client and its new secret (shown once).", schema: ClientWithSecret },
    run: (ctx, { params }) =>
      translated(async () => {
        const { client, clientSecret } = await rotateOAuthClientSecret(ctx.live, ctx.audit, params);
        return { client: json(client), clientSecret };
      }),
  }),
  defineOperation({
    operationId: "deleteOAuthClient",
    method: "DELETE",
    path: "/oauth-clients/{clientId}",
    tag: TAG,
    summary: "Delete an OAuth client",
    description: "With its refresh tokens, opaque access tokens and consents. Fires `oauth_client.deleted`.",
    scope: "oauth-clients:write",
    params: ClientParams,
    errors: [404, 409],
    success: { status: 204, description: "Deleted." },
    run: (ctx, { params }) =>
      translated(async () => {
        await deleteOAuthClient(ctx.live, ctx.audit, params);
        return null;
      }),
  }),
];
