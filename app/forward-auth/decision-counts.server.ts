import type { AuditLog } from "~/audit/audit.server";
import { errorField, log } from "~/ops/log.server";
import { forwardAuthDecisions } from "~/ops/metrics.server";
import type { Credential } from "./credential";

/**
 * Decisions are counted, not logged one by one: a gateway asks on every request, and a row per
 * request would drown the audit log. Counts per (tenant, rule, outcome) are kept in memory and
 * written every minute (and at shutdown) as one `forward_auth.decisions` audit entry per rule and
 * outcome. The Prometheus counter has no tenant or rule label: those are unbounded.
 */
export const DECISION_OUTCOMES = ["allowed", "unauthenticated", "forbidden", "rate_limited", "redirect"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISIONS_AUDIT_TYPE = "forward_auth.decisions";

export type RuleCount = { ruleId: string; outcome: DecisionOutcome; count: number };

export class DecisionCounts {
  readonly #metric = forwardAuthDecisions;
  /** tenant id → "rule\toutcome" → count since the last flush. */
  #pending = new Map<string, Map<string, number>>();
  #windowStart = new Date();

  count(tenantId: string, ruleId: string, outcome: DecisionOutcome, credential: Credential): void {
    this.#metric.inc({ outcome, credential });
    let counts = this.#pending.get(tenantId);
    if (!counts) this.#pending.set(tenantId, (counts = new Map()));
    const key = `${ruleId}\t${outcome}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  /** Counts not yet written to the audit log. */
  pending(tenantId: string): RuleCount[] {
    return [...(this.#pending.get(tenantId) ?? new Map<string, number>())].map(([key, count]) => {
      const [ruleId, outcome] = key.split("\t") as [string, DecisionOutcome];
      return { ruleId, outcome, count };
    });
  }

  /** Writes one audit entry per tenant, rule and outcome for the window just ended. */
  async flush(audit: AuditLog): Promise<void> {
    const pending = this.#pending;
    const from = this.#windowStart;
    const to = new Date();
    this.#pending = new Map();
    this.#windowStart = to;
    for (const [tenantId, counts] of pending) {
      for (const [key, count] of counts) {
        const [ruleId, outcome] = key.split("\t") as [string, DecisionOutcome];
        await audit
          .record({
            tenantId,
            type: DECISIONS_AUDIT_TYPE,
            actor: { type: "system", label: "forward-auth" },
            target: { type: "forward_auth_rule", id: ruleId, label: ruleId },
            data: { rule: ruleId, outcome, count, from: from.toISOString(), to: to.toISOString() },
          })
          .catch((error: unknown) => log.error({ err: errorField(error) }, "Could not write forward-auth counts"));
      }
    }
  }

  /** Flushes every `intervalMs` (unref'd); `stop()` flushes what is left. */
  start(audit: AuditLog, { intervalMs }: { intervalMs: number }): { stop(): Promise<void> } {
    const timer = setInterval(() => void this.flush(audit), intervalMs);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        await this.flush(audit);
      },
    };
  }
}

let processCounts: DecisionCounts | undefined;

export function decisionCounts(): DecisionCounts {
  return (processCounts ??= new DecisionCounts());
}

/** Totals per rule and outcome over the audit entries given plus what is still pending. */
export function sumCounts(entries: { data: Record<string, unknown> }[], pending: RuleCount[]): RuleCount[] {
  const totals = new Map<string, RuleCount>();
  const add = (ruleId: string, outcome: DecisionOutcome, count: number) => {
    const key = `${ruleId}\t${outcome}`;
    const total = totals.get(key) ?? { ruleId, outcome, count: 0 };
    total.count += count;
    totals.set(key, total);
  };
  for (const { data } of entries) {
    if (typeof data.rule === "string" && typeof data.count === "number")
      add(data.rule, data.outcome as DecisionOutcome, data.count);
  }
  for (const { ruleId, outcome, count } of pending) add(ruleId, outcome, count);
  return [...totals.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.outcome.localeCompare(b.outcome));
}
