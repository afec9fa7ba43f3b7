import { z } from "zod";
import { decisionTotals, saveForwardAuthRules } from "~/forward-auth/admin.server";
import { DECISION_OUTCOMES } from "~/forward-auth/decision-counts.server";
import { ForwardAuthRuleSchema, ForwardAuthRulesSchema } from "~/forward-auth/rules";
import { Timestamp } from "./common.server";
import { defineOperation } from "./operation.server";

/** Forward-auth rules and decision counts (docs/gateways.md), through the console's own services. */
const Rule = ForwardAuthRuleSchema.meta({ id: "ForwardAuthRule" });
const Rules = z.object({ rules: z.array(Rule) }).meta({ id: "ForwardAuthRules" });
const RulesBody = z.strictObject({ rules: ForwardAuthRulesSchema }).meta({ id: "ReplaceForwardAuthRules" });

const DecisionCount = z
  .object({
    ruleId: z.string().meta({ description: "The rule's id, or `default` when no rule matched." }),
    outcome: z.enum(DECISION_OUTCOMES),
    count: z.number().int(),
  })
  .meta({ id: "ForwardAuthDecisionCount" });

const DecisionsQuery = z.strictObject({
  hours: z.coerce
    .number({ error: "hours must be a number." })
    .int("hours must be a whole number.")
    .min(1, "hours must be at least 1.")
    .max(24 * 90, "hours must be at most 2160 (90 days).")
    .default(24),
});

const TAG = "Forward auth";

export const FORWARD_AUTH_OPERATIONS = [
  defineOperation({
    operationId: "getForwardAuthRules",
    method: "GET",
    path: "/forward-auth/rules",
    tag: TAG,
    summary: "List the forward-auth rules",
    description: "In evaluation order: the first rule whose host and path match decides.",
    scope: "forward-auth:read",
    success: { status: 200, description: "The rules.", schema: Rules },
    run: async (ctx) => ({ rules: ctx.live.tenant.config.forwardAuth.rules }),
  }),
  defineOperation({
    operationId: "replaceForwardAuthRules",
    method: "PUT",
    path: "/forward-auth/rules",
    tag: TAG,
    summary: "Replace the forward-auth rules",
    description:
      "Host patterns: a hostname, `*.example.com` or `*`. Path globs start with `/`: `*` within a segment, `**` across. Every instance serves the new rules within a second. Fires `tenant.config_updated`.",
    scope: "forward-auth:write",
    body: RulesBody,
    errors: [413, 415, 422],
    requestExample: {
      rules: [
        { id: "health", host: "app.example.com", path: "/healthz", public: true },
        { id: "admin", host: "app.example.com", path: "/admin/**", require: { roles: ["admin"] } },
        {
          id: "app",
          host: "app.example.com",
          path: "/**",
          rateLimit: { points: 600, durationSeconds: 60, key: "user" },
        },
      ],
    },
    success: { status: 200, description: "The saved rules.", schema: Rules },
    run: async (ctx, { body }) => {
      const tenant = await saveForwardAuthRules(ctx.live.tenant.slug, body.rules, ctx.audit);
      return { rules: tenant.config.forwardAuth.rules };
    },
  }),
  defineOperation({
    operationId: "getForwardAuthDecisions",
    method: "GET",
    path: "/forward-auth/decisions",
    tag: TAG,
    summary: "Count forward-auth decisions",
    description: "Decisions per rule and outcome over the last `hours` (default 24), across every instance.",
    scope: "forward-auth:read",
    query: DecisionsQuery,
    errors: [400],
    success: {
      status: 200,
      description: "The counts.",
      schema: z.object({ since: Timestamp, counts: z.array(DecisionCount) }),
    },
    run: async (ctx, { query }) => {
      const { since, counts } = await decisionTotals(ctx.live.tenant.id, query.hours);
      return { since: since.toISOString(), counts };
    },
  }),
];
