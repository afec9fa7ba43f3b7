import type { AuditEventInput } from "~/audit/audit.server";
import { configChanges } from "~/auth-methods/config-changes.server";
import { getPortico } from "~/context.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { decisionCounts, DECISIONS_AUDIT_TYPE, sumCounts, type RuleCount } from "./decision-counts.server";
import type { ForwardAuthRule } from "./rules";

/** The console's and the management API's side of forward auth: rules and decision counts. */
export type AuditFields = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

/**
 * Replaces the tenant's rules (already validated by ForwardAuthRulesSchema): a config change like
 * any other (every instance serves it within a second; `admin.config.updated`, so the
 * `tenant.config_updated` webhook fires).
 */
export async function saveForwardAuthRules(slug: string, rules: ForwardAuthRule[], who: AuditFields): Promise<Tenant> {
  const { tenants, registry, audit } = getPortico();
  const current = await tenants.requireBySlug(slug);
  const tenant = await tenants.updateConfig(slug, { ...current.config, forwardAuth: { rules } });
  registry.invalidate(tenant.id);
  const changes = configChanges(current.config, tenant.config);
  if (changes.length > 0)
    await audit.record({
      ...who,
      type: "admin.config.updated",
      target: { type: "tenant", id: tenant.id, label: tenant.slug },
      data: { changes },
    });
  return tenant;
}

/** The most aggregated entries read for one summary (one per rule, outcome and minute). */
const MAX_ENTRIES = 10_000;

/** Decisions per rule and outcome over the last `hours`, including those not yet written out. */
export async function decisionTotals(tenantId: string, hours: number): Promise<{ since: Date; counts: RuleCount[] }> {
  const since = new Date(Date.now() - hours * 60 * 60 * 1000);
  const entries = await getPortico().audit.list({
    tenantId,
    type: DECISIONS_AUDIT_TYPE,
    from: since,
    limit: MAX_ENTRIES,
  });
  return { since, counts: sumCounts(entries, decisionCounts().pending(tenantId)) };
}
