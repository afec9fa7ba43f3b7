import type { AuditEventInput } from "~/audit/audit.server";
import type { LiveTenant } from "~/tenancy/registry.server";

/** What every SCIM operation acts within: one tenant, one organization, one connection. */
export type ScimContext = {
  live: LiveTenant;
  organization: { id: string; slug: string };
  /** Where this organization's SCIM endpoints live (`…/api/scim/v2`), for `meta.location`. */
  baseUrl: string;
  /** The audit fields of a change made through this connection. */
  audit: Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;
};
