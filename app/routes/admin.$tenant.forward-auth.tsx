import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextAreaField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { forwardAuthPage, saveRulesFromForm } from "~/forward-auth/console.server";
import { readForm } from "~/http/read-form.server";
import { redirectWithToast } from "~/http/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return { ...(await forwardAuthPage(access)), canEdit: roleAtLeast(access.role, "admin") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const form = await readForm(request);
  if (form.get("intent") !== "rules") throw new Response("Unknown action.", { status: 400 });
  const result = await saveRulesFromForm(access, request, form);
  if (!result.ok) return data(result, { status: 400 });
  return redirectWithToast(`/admin/${access.tenant.slug}/forward-auth`, { type: "success", message: result.message });
}

export const meta: MetaFunction = () => [{ title: "Forward auth – Console" }];

function requirementSummary(rule: ReturnType<typeof useLoaderData<typeof loader>>["rules"][number]): string {
  if (rule.public) return "Anyone";
  const { require } = rule;
  const parts = [
    require.signedIn ? "signed in" : null,
    require.roles.length ? `role ${require.roles.join(" or ")}` : null,
    require.organization ? `organization ${require.organization}` : null,
    require.scopes.length ? `scopes ${require.scopes.join(", ")}` : null,
    require.emailVerified ? "verified email" : null,
    require.twoFactor ? "two-factor" : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "Anyone";
}

/** Forward auth for the tenant's gateways: rules, ready-to-paste configurations, decision counts. */
export default function TenantForwardAuth() {
  const { endpoint, rules, rulesJson, snippets, since, counts, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : null;
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title="Forward auth"
        description="Put this tenant in front of your apps through the gateway you already run (nginx, Traefik, Caddy, Envoy): it asks Portico about every request and passes the user's identity on. See the gateways guide in the docs."
      />
      <div className="flex flex-col gap-6">
        <p className="text-sm">
          Endpoint: <code className="font-mono break-all">{endpoint}</code>
        </p>
        {rules.length === 0 ? (
          <EmptyState title="No rules yet">
            Every request then needs a signed-in user. Add rules below for public paths, roles and rate limits.
          </EmptyState>
        ) : (
          <Table label="Forward-auth rules">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Host</th>
                <th scope="col">Path</th>
                <th scope="col">Requires</th>
                <th scope="col">Rate limit</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td className="font-mono">{rule.id}</td>
                  <td className="font-mono">{rule.host}</td>
                  <td className="font-mono">{rule.path}</td>
                  <td>{requirementSummary(rule)}</td>
                  <td>
                    {rule.rateLimit
                      ? `${rule.rateLimit.points} per ${rule.rateLimit.durationSeconds} s per ${rule.rateLimit.key}`
                      : "None"}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Card title="Rules">
          <Form method="post" aria-label="Edit forward-auth rules" noValidate>
            <input type="hidden" name="intent" value="rules" />
            <fieldset disabled={!canEdit} className="flex flex-col gap-4">
              <TextAreaField
                label="Rules (JSON)"
                name="rules"
                rows={14}
                spellCheck={false}
                textSize="xs"
                defaultValue={failure?.value ?? rulesJson}
                hint="In order; the first rule whose host and path match decides, and a request no rule matches needs a signed-in user. Each rule: id, host (app.example.com, *.example.com or *), path (/admin/**), public, require (signedIn, roles, organization, scopes, emailVerified, twoFactor), rateLimit (points, durationSeconds, key user or ip)."
                error={failure?.error}
              />
              <div>
                <Button disabled={busy}>Save rules</Button>
              </div>
              {canEdit ? null : <p className="text-sm text-muted">Only admins and owners can change the rules.</p>}
            </fieldset>
          </Form>
        </Card>
        <Card title="Decisions in the last 24 hours">
          {counts.length === 0 ? (
            <p className="text-sm text-muted">No decisions since {new Date(since).toUTCString()}.</p>
          ) : (
            <Table label="Decisions per rule">
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Count</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((count) => (
                  <tr key={`${count.ruleId}-${count.outcome}`}>
                    <td className="font-mono">{count.ruleId}</td>
                    <td>
                      <Badge tone={count.outcome === "allowed" ? "success" : "neutral"}>{count.outcome}</Badge>
                    </td>
                    <td>{count.count}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {snippets.map((snippet) => (
          <Card key={snippet.id} title={snippet.label}>
            <pre
              className="overflow-x-auto rounded-theme bg-background p-3 font-mono text-xs"
              data-testid={`snippet-${snippet.id}`}
              // Focusable, so a keyboard scrolls its long lines too.
              tabIndex={0}
            >
              {snippet.text}
            </pre>
          </Card>
        ))}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
