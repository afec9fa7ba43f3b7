import { z } from "zod";

/**
 * Forward-auth rules (docs/gateways.md): which requests a gateway may pass, per tenant, kept in
 * the tenant's config. Browser-safe (the console's form validates with the same schema).
 *
 * A rule matches a host pattern and a path glob; the first matching rule decides. A request no
 * rule matches needs a signed-in user (deny by default), so forgetting a rule never opens a path.
 */

/** `app.example.com`, `*.example.com` (exactly one label for the star) or `*` (any host). */
const HOST_PATTERN = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/;
/** A path glob: starts with `/`; `*` is one segment's worth, `**` any depth, `?` one character. */
const PATH_PATTERN = /^\/[A-Za-z0-9\-._~/*?%:@!$&'()+,;=]*$/;
const RULE_ID = /^[a-z0-9](-?[a-z0-9])*$/;

export const RATE_LIMIT_KEYS = ["user", "ip"] as const;
export type RateLimitKey = (typeof RATE_LIMIT_KEYS)[number];

const names = (label: string) =>
  z
    .array(
      z
        .string({ error: `${label} must be text.` })
        .trim()
        .min(1, `${label} cannot be empty.`)
        .max(100, `${label} must be at most 100 characters.`)
        .regex(/^[^\s,]+$/, `${label} cannot contain spaces or commas.`),
    )
    .max(20, `List at most 20 ${label.toLowerCase()}s.`)
    .default([]);

export const ForwardAuthRuleSchema = z.object({
  /** Names the rule in counts, metrics and the `X-Portico-Rule` header. */
  id: z
    .string({ error: "The rule id must be text." })
    .trim()
    .min(1, "Give the rule an id.")
    .max(40, "The rule id must be at most 40 characters.")
    .regex(RULE_ID, "The rule id uses lowercase letters, digits and single hyphens (e.g. admin-area)."),
  host: z
    .string({ error: "The host pattern must be text." })
    .trim()
    .toLowerCase()
    .max(253, "The host pattern must be at most 253 characters.")
    .regex(HOST_PATTERN, "The host pattern is a hostname, *.example.com or * (no scheme, port or path).")
    .default("*"),
  path: z
    .string({ error: "The path pattern must be text." })
    .trim()
    .max(200, "The path pattern must be at most 200 characters.")
    .regex(PATH_PATTERN, "The path pattern starts with / and uses URL path characters, * and ** (e.g. /admin/**).")
    .refine((path) => !/\*{3,}/.test(path), "Use * or **, not three stars in a row.")
    .default("/**"),
  /** Anyone passes (identity headers still sent when a valid credential came along). */
  public: z.boolean({ error: "public must be true or false." }).default(false),
  require: z
    .object({
      signedIn: z.boolean({ error: "signedIn must be true or false." }).default(true),
      /** Any one of these roles in the user's active organization. */
      roles: names("Role"),
      /** The user's active organization must be this organization id. */
      organization: z
        .string({ error: "The organization must be text." })
        .trim()
        .max(100, "The organization id must be at most 100 characters.")
        .default(""),
      /** Every one of these scopes in the credential (a JWT's `scope` claim). */
      scopes: names("Scope"),
      emailVerified: z.boolean({ error: "emailVerified must be true or false." }).default(false),
      /** The user has two-factor authentication on (so their sign-ins passed the second factor). */
      twoFactor: z.boolean({ error: "twoFactor must be true or false." }).default(false),
    })
    .prefault({}),
  rateLimit: z
    .object({
      points: z
        .number({ error: "Rate-limit points must be a number." })
        .int("Rate-limit points must be a whole number.")
        .min(1, "Rate-limit points must be at least 1.")
        .max(1_000_000, "Rate-limit points must be at most 1,000,000."),
      durationSeconds: z
        .number({ error: "The rate-limit window must be a number of seconds." })
        .int("The rate-limit window must be a whole number of seconds.")
        .min(1, "The rate-limit window must be at least 1 second.")
        .max(86_400, "The rate-limit window must be at most 86,400 seconds."),
      key: z.enum(RATE_LIMIT_KEYS, { error: "The rate-limit key is user or ip." }).default("user"),
    })
    .nullable()
    .default(null),
});

export type ForwardAuthRule = z.output<typeof ForwardAuthRuleSchema>;
export type ForwardAuthRuleInput = z.input<typeof ForwardAuthRuleSchema>;

export const ForwardAuthRulesSchema = z
  .array(ForwardAuthRuleSchema)
  .max(100, "A tenant has at most 100 forward-auth rules.")
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: "Rule ids must be unique." });
      seen.add(rule.id);
    });
  });

/** The `forwardAuth` section of a tenant's config (app/tenancy/config.ts). */
export const ForwardAuthConfigSchema = z.object({ rules: ForwardAuthRulesSchema.default([]) }).prefault({});

/** The rule id counted for requests no rule matched. */
export const DEFAULT_RULE_ID = "default";

/** What applies when no rule matches: a signed-in user, nothing more. */
export const DEFAULT_RULE: ForwardAuthRule = ForwardAuthRuleSchema.parse({ id: DEFAULT_RULE_ID });

type CompiledRule = { rule: ForwardAuthRule; host: RegExp; path: RegExp };

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** `**` any characters, `*` any but `/`, `?` one but `/`; everything else literally. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      // `/**` at the end also matches the bare prefix: `/admin/**` covers `/admin`.
      if (source.endsWith("/") && i + 2 === glob.length) source = `${source.slice(0, -1)}(?:/.*)?`;
      else source += ".*";
      i++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

function hostToRegExp(pattern: string): RegExp {
  if (pattern === "*") return /^.*$/;
  const wildcard = pattern.startsWith("*.");
  const literal = escapeRegExp(wildcard ? pattern.slice(2) : pattern);
  return new RegExp(wildcard ? `^[^.]+\\.${literal}$` : `^${literal}$`);
}

const compiled = new WeakMap<readonly ForwardAuthRule[], CompiledRule[]>();

function compile(rules: readonly ForwardAuthRule[]): CompiledRule[] {
  let result = compiled.get(rules);
  if (!result) {
    result = rules.map((rule) => ({ rule, host: hostToRegExp(rule.host), path: globToRegExp(rule.path) }));
    compiled.set(rules, result);
  }
  return result;
}

/**
 * The first rule whose host and path patterns match, else the default rule. `hostname` is
 * without its port; `path` must already be normalised (see forwarded-request.server.ts).
 */
export function matchRule(rules: readonly ForwardAuthRule[], hostname: string, path: string): ForwardAuthRule {
  const host = hostname.toLowerCase();
  for (const candidate of compile(rules)) {
    if (candidate.host.test(host) && candidate.path.test(path)) return candidate.rule;
  }
  return DEFAULT_RULE;
}

/** Whether a host pattern of some rule covers this hostname (a host the tenant declared it protects). */
export function ruleCoversHost(rules: readonly ForwardAuthRule[], hostname: string): boolean {
  const host = hostname.toLowerCase();
  return compile(rules).some((candidate) => candidate.rule.host !== "*" && candidate.host.test(host));
}
