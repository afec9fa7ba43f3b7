import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { saveHostnames } from "~/auth-methods/tenant-settings.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, TextAreaField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { checkDomains, type DomainStatus } from "~/tenancy/domain-check.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  const { publicUrl } = getPortico().env;
  return {
    slug: tenant.slug,
    hostnames: tenant.hostnames,
    publicHost: publicUrl.hostname,
    port: publicUrl.port,
    protocol: publicUrl.protocol,
    checks: await checkDomains(tenant.hostnames, publicUrl.hostname),
    checkedAt: new Date().toISOString(),
    canEdit: roleAtLeast(role, "admin"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const form = await readForm(request);
  if (form.get("intent") !== "hostnames") throw new Response("Unknown action.", { status: 400 });
  const result = await saveHostnames(access, request, form);
  if (!result.ok) return data(result, { status: 400 });
  return redirectWithToast(`/admin/${access.tenant.slug}/domains`, { type: "success", message: result.message });
}

export const meta: MetaFunction = () => [{ title: "Custom domains – Console" }];

function StatusBadge({ status }: { status: DomainStatus }) {
  switch (status.state) {
    case "resolves-here":
      return <Badge tone="success">Resolves here</Badge>;
    case "points-elsewhere":
      return <Badge tone="danger">Points elsewhere: {status.addresses.join(", ")}</Badge>;
    case "does-not-resolve":
      return <Badge tone="danger">Does not resolve</Badge>;
    case "unknown":
      return <Badge>Could not check: {status.reason}</Badge>;
  }
}

/** A tenant's custom domains: the DNS record each needs and whether it points here yet. */
export default function TenantDomains() {
  const { slug, hostnames, publicHost, port, protocol, checks, checkedAt, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : null;
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title="Custom domains"
        description="Serve this tenant's hosted pages and auth API at the root of your own domain, such as auth.example.com."
        actions={
          <Link
            to={`/admin/${slug}/domains`}
            reloadDocument
            className="rounded-theme border border-border bg-card px-3.5 py-2 text-sm font-semibold hover:bg-background"
          >
            Check again
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        {checks.length === 0 ? (
          <EmptyState title="No custom domains yet">
            Add a hostname below, then create the DNS record this page shows for it.
          </EmptyState>
        ) : (
          <Table label="Custom domains">
            <thead>
              <tr>
                <th scope="col">Hostname</th>
                <th scope="col">DNS record to create</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((check) => (
                <tr key={check.hostname} data-testid={`domain-${check.hostname}`}>
                  <td className="font-mono">{check.hostname}</td>
                  <td className="font-mono text-xs">
                    {check.records.map((record) => (
                      <p key={`${record.type}-${record.value}`}>
                        {record.type} {record.name} → {record.value}
                      </p>
                    ))}
                  </td>
                  <td>
                    <StatusBadge status={check.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <p className="text-sm text-muted">
          Checked <time dateTime={checkedAt}>{new Date(checkedAt).toUTCString()}</time> from this server against{" "}
          <span className="font-mono">{publicHost}</span>, the host of PUBLIC_URL. DNS changes can take a while to reach
          every resolver. Once a domain resolves here, its pages are at{" "}
          <span className="font-mono">
            {protocol}//&lt;domain&gt;{port ? `:${port}` : ""}/sign-in
          </span>{" "}
          and sessions there use cookies scoped to that host alone. Your reverse proxy must also accept the domain and
          hold a TLS certificate for it.
        </p>
        <Card title="Hostnames">
          <Form method="post" aria-label="Edit hostnames" noValidate>
            <input type="hidden" name="intent" value="hostnames" />
            <fieldset disabled={!canEdit} className="flex flex-col gap-4">
              <FormError message={failure?.errors.form} />
              <TextAreaField
                label="Hostnames"
                name="hostnames"
                rows={4}
                defaultValue={failure?.values?.hostnames ?? hostnames.join("\n")}
                hint="One per line, such as auth.example.com. At most 20."
                error={failure?.errors.hostnames}
              />
              <div>
                <Button disabled={busy}>Save hostnames</Button>
              </div>
              {canEdit ? null : <p className="text-sm text-muted">Only admins and owners can change hostnames.</p>}
            </fieldset>
          </Form>
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
