import type { AuditEventInput } from "~/audit/audit.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { ScimRequestEntry } from "./connections.server";
import { scimBaseUrl } from "./handler.server";

/**
 * An organization's SCIM connection as the console and the management API manage it: its
 * status, a new token (created or rotated, shown once), and revocation. Each change is audited
 * (`scim.token_created`, `scim.token_rotated`, `scim.connection_revoked`).
 */
type ScimActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

export type ScimStatus = {
  organization: { id: string; slug: string; name: string };
  baseUrl: string;
  connection: {
    tokenPrefix: string;
    createdAt: Date;
    rotatedAt: Date | null;
    lastUsedAt: Date | null;
    recentRequests: ScimRequestEntry[];
  } | null;
};

/** The organization, or null when the tenant has none with that id. */
export async function findOrganization(live: LiveTenant, organizationId: string) {
  return live.db.organization.findUnique({
    where: { id: organizationId.slice(0, 100) },
    select: { id: true, slug: true, name: true },
  });
}

export async function scimStatus(live: LiveTenant, organization: ScimStatus["organization"]): Promise<ScimStatus> {
  const { scim, env } = getPortico();
  const connection = await scim.get(live.tenant.id, organization.id);
  return {
    organization,
    baseUrl: scimBaseUrl(env.publicUrl.origin, live.tenant.slug),
    connection: connection && {
      tokenPrefix: connection.tokenPrefix,
      createdAt: connection.createdAt,
      rotatedAt: connection.rotatedAt,
      lastUsedAt: connection.lastUsedAt,
      recentRequests: await scim.recentRequests(connection.id),
    },
  };
}

async function record(
  actor: ScimActor,
  type: string,
  organization: ScimStatus["organization"],
  data?: Record<string, unknown>,
) {
  await getPortico().audit.record({
    ...actor,
    type,
    target: { type: "organization", id: organization.id, label: organization.slug },
    data: { organizationId: organization.id, ...data },
  });
}

/** A new token for the organization (connecting it first if needed); the old one stops working. */
export async function issueScimToken(
  live: LiveTenant,
  organization: ScimStatus["organization"],
  actor: ScimActor,
  createdById: string | null,
) {
  const { token, connection, rotated } = await getPortico().scim.issueToken(
    live.tenant.id,
    organization.id,
    createdById,
  );
  await record(actor, rotated ? "scim.token_rotated" : "scim.token_created", organization, {
    tokenPrefix: connection.tokenPrefix,
  });
  return { token, rotated, status: await scimStatus(live, organization) };
}

/** Disconnects the organization: its token is refused from now on. False when it had none. */
export async function revokeScimConnection(
  live: LiveTenant,
  organization: ScimStatus["organization"],
  actor: ScimActor,
) {
  const revoked = await getPortico().scim.revoke(live.tenant.id, organization.id);
  if (revoked) await record(actor, "scim.connection_revoked", organization);
  return revoked;
}
