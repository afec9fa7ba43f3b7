/**
 * Which tenants get their own `tenant` label in metrics. Every label value is a separate
 * series in Prometheus, so 10,000 tenants must not become 10,000 × (methods × outcomes) series:
 * with PORTICO_METRICS_TENANTS set, only those slugs are labelled; otherwise the first
 * PORTICO_METRICS_TENANT_LIMIT (default 50) tenants this instance loads are. Everything else
 * counts as "other". Only tenants the registry actually loaded are admitted, so requests for
 * made-up slugs cannot use up the budget.
 */
export const OTHER_TENANTS = "other";

type TenantLabelState = { allow: Set<string> | null; limit: number; admitted: Set<string> };

// server.ts and the Remix build each load this module; the state is one per process.
const STATE_KEY = Symbol.for("portico.metrics.tenantLabels");

function state(): TenantLabelState {
  const globals = globalThis as { [STATE_KEY]?: TenantLabelState };
  return (globals[STATE_KEY] ??= fromEnv(process.env));
}

export function fromEnv(env: Record<string, string | undefined>): TenantLabelState {
  const list = (env.PORTICO_METRICS_TENANTS ?? "")
    .split(",")
    .map((slug) => slug.trim())
    .filter(Boolean);
  const limit = Number.parseInt(env.PORTICO_METRICS_TENANT_LIMIT ?? "", 10);
  return {
    allow: list.length ? new Set(list) : null,
    limit: Number.isSafeInteger(limit) && limit >= 0 ? limit : 50,
    admitted: new Set(),
  };
}

/** Called when a real tenant is loaded: it may take one of the free labels. */
export function admitTenant(slug: string) {
  const { allow, limit, admitted } = state();
  if (allow ? allow.has(slug) : admitted.size < limit) admitted.add(slug);
}

/** The label value for a tenant: its slug if admitted, otherwise "other". */
export function tenantLabel(slug: string | undefined): string {
  return slug && state().admitted.has(slug) ? slug : OTHER_TENANTS;
}

/** For tests: start over with these settings. */
export function resetTenantLabels(env: Record<string, string | undefined>) {
  (globalThis as { [STATE_KEY]?: TenantLabelState })[STATE_KEY] = fromEnv(env);
}
