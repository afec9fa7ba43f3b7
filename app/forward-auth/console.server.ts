import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import { decisionTotals, saveForwardAuthRules } from "./admin.server";
import { ForwardAuthRulesSchema } from "./rules";
import { GATEWAY_SNIPPETS } from "./snippets";

/** The console's forward-auth page: the rules as JSON, the gateway snippets, the counts. */
const EXAMPLE_APP_HOST = "app.example.com";
const EXAMPLE_UPSTREAM = "http://127.0.0.1:8080";

export async function forwardAuthPage({ tenant }: ConsoleAccess) {
  const { publicUrl } = getPortico().env;
  const rules = tenant.config.forwardAuth.rules;
  // The snippets name the first host the rules protect, so they can be pasted as they are.
  const appHost = rules.find((rule) => rule.host !== "*" && !rule.host.startsWith("*."))?.host ?? EXAMPLE_APP_HOST;
  const target = { porticoOrigin: publicUrl.origin, slug: tenant.slug, appHost, appUpstream: EXAMPLE_UPSTREAM };
  const { since, counts } = await decisionTotals(tenant.id, 24);
  return {
    endpoint: `${publicUrl.origin}/t/${tenant.slug}/forward-auth`,
    rules,
    rulesJson: JSON.stringify(rules, null, 2),
    snippets: GATEWAY_SNIPPETS.map(({ id, label, render }) => ({ id, label, text: render(target) })),
    since: since.toISOString(),
    counts,
  };
}

export type RulesFormResult = { ok: true; message: string } | { ok: false; error: string; value: string };

/** Saves the rules from the page's JSON field; a mistake names the rule field it is about. */
export async function saveRulesFromForm(
  access: ConsoleAccess,
  request: Request,
  form: FormData,
): Promise<RulesFormResult> {
  const value = String(form.get("rules") ?? "");
  let input: unknown;
  try {
    input = JSON.parse(value || "[]");
  } catch (error) {
    return { ok: false, value, error: `This is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = ForwardAuthRulesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ["rules", ...issue.path.map(String)].join(".");
    return { ok: false, value, error: `${field}: ${issue.message}` };
  }
  await saveForwardAuthRules(access.tenant.slug, parsed.data, adminActor(access, request));
  return { ok: true, message: `Saved ${parsed.data.length} forward-auth rule${parsed.data.length === 1 ? "" : "s"}.` };
}
