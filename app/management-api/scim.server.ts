import { z } from "zod";
import {
  findOrganization,
  issueScimToken,
  revokeScimConnection,
  scimStatus,
  type ScimStatus,
} from "~/scim/connection-actions.server";
import { Id, Timestamp } from "./common.server";
import { notFound } from "./errors.server";
import { defineOperation, type ApiContext } from "./operation.server";

/** An organization's SCIM provisioning connection (app/scim): status, token, revocation. */
const ScimStatusSchema = z
  .object({
    organizationId: z.string(),
    baseUrl: z.string().meta({ description: "The SCIM base URL to paste into Entra ID (Tenant URL) or Okta." }),
    connected: z.boolean(),
    tokenPrefix: z.string().nullable().meta({ description: "The token's first characters, to recognise it." }),
    createdAt: Timestamp.nullable(),
    rotatedAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable().meta({ description: "The last SCIM request (to the minute): the last sync." }),
    recentRequests: z.array(
      z.object({ method: z.string(), path: z.string(), status: z.number().int(), createdAt: Timestamp }),
    ),
  })
  .meta({ id: "ScimConnection" });

const IssuedTokenSchema = z
  .object({
    token: z.string().meta({ description: "The bearer token, shown this once; only its hash is stored." }),
    connection: ScimStatusSchema,
  })
  .meta({ id: "ScimToken" });

const OrgParams = z.strictObject({ organizationId: Id });

function toApi(status: ScimStatus) {
  const { connection } = status;
  return {
    organizationId: status.organization.id,
    baseUrl: status.baseUrl,
    connected: Boolean(connection),
    tokenPrefix: connection?.tokenPrefix ?? null,
    createdAt: connection?.createdAt.toISOString() ?? null,
    rotatedAt: connection?.rotatedAt?.toISOString() ?? null,
    lastUsedAt: connection?.lastUsedAt?.toISOString() ?? null,
    recentRequests: (connection?.recentRequests ?? []).map((entry) => ({
      ...entry,
      createdAt: entry.createdAt.toISOString(),
    })),
  };
}

async function requireOrganization(ctx: ApiContext, organizationId: string) {
  const organization = await findOrganization(ctx.live, organizationId);
  if (!organization) throw notFound("organization");
  return organization;
}

const TAG = "SCIM";

export const SCIM_OPERATIONS = [
  defineOperation({
    operationId: "getScimConnection",
    method: "GET",
    path: "/organizations/{organizationId}/scim",
    tag: TAG,
    summary: "Read an organization's SCIM connection",
    description: "Whether it is connected, the base URL for the identity provider, the last sync and recent requests.",
    scope: "organizations:read",
    params: OrgParams,
    errors: [404],
    success: { status: 200, description: "The connection's status.", schema: ScimStatusSchema },
    run: async (ctx, { params }) =>
      toApi(await scimStatus(ctx.live, await requireOrganization(ctx, params.organizationId))),
  }),
  defineOperation({
    operationId: "issueScimToken",
    method: "POST",
    path: "/organizations/{organizationId}/scim",
    tag: TAG,
    summary: "Create or rotate an organization's SCIM token",
    description:
      "Connects the organization (first call) or replaces its token (later calls: the old token stops working at once). The token is in this answer only.",
    scope: "organizations:write",
    params: OrgParams,
    errors: [404],
    success: { status: 201, description: "The new token and the connection.", schema: IssuedTokenSchema },
    run: async (ctx, { params }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      const issued = await issueScimToken(ctx.live, organization, ctx.audit, null);
      return { token: issued.token, connection: toApi(issued.status) };
    },
  }),
  defineOperation({
    operationId: "revokeScimConnection",
    method: "DELETE",
    path: "/organizations/{organizationId}/scim",
    tag: TAG,
    summary: "Revoke an organization's SCIM connection",
    description: "Its token is refused from now on; provisioned users stay.",
    scope: "organizations:write",
    params: OrgParams,
    errors: [404],
    success: { status: 204, description: "Revoked." },
    run: async (ctx, { params }) => {
      const organization = await requireOrganization(ctx, params.organizationId);
      if (!(await revokeScimConnection(ctx.live, organization, ctx.audit))) throw notFound("SCIM connection");
      return null;
    },
  }),
];
