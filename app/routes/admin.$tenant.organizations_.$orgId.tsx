import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CopyField } from "~/components/ui/copy-field";
import { Badge, Card, EmptyState, Table } from "~/components/ui/layout";
import { ConsoleOrganizationHeader } from "~/organizations/ui/console-organization-header";
import { SecretOnce } from "~/components/ui/secret-once";
import { organizationScimAction, organizationScimPage } from "~/scim/console.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return {
    slug: access.tenant.slug,
    canManage: roleAtLeast(access.role, "admin"),
    ...(await organizationScimPage(access, params.orgId)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return organizationScimAction(access, request, params.orgId);
}

function When({ value, empty }: { value: string | Date | null; empty: string }) {
  if (!value) return <span className="text-muted">{empty}</span>;
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{date.toUTCString()}</time>;
}

export default function OrganizationScim() {
  const { slug, canManage, organization, baseUrl, connection } = useLoaderData<typeof loader>();
  const issued = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  return (
    <>
      <ConsoleOrganizationHeader slug={slug} organization={organization} />
      {issued?.token ? (
        <SecretOnce
          title={issued.rotated ? "Your new SCIM token (the old one no longer works)" : "Your SCIM token"}
          label="SCIM token"
          copyLabel="Copy token"
          secret={issued.token}
        >
          <p className="mb-3 text-sm">
            Paste it into your identity provider as the secret token (Entra ID) or the HTTP header value (Okta).
          </p>
        </SecretOnce>
      ) : null}
      <Card title="SCIM provisioning">
        <div className="grid grid-cols-1 gap-4">
          <p className="text-sm">
            Status:{" "}
            <Badge tone={connection ? "success" : "neutral"}>{connection ? "connected" : "not connected"}</Badge>{" "}
            {connection ? (
              <span className="text-sm">
                token <code className="font-mono">{connection.tokenPrefix}…</code>, last sync{" "}
                <When value={connection.lastUsedAt} empty="never" />
              </span>
            ) : null}
          </p>
          <CopyField label="SCIM base URL (Tenant URL)" value={baseUrl} copyLabel="Copy URL" />
          <p className="text-sm text-muted">
            Setup for Entra ID and Okta, field by field:{" "}
            <a href="/docs/enterprise-sso" className="underline">
              Enterprise SSO and SCIM
            </a>
            .
          </p>
          {canManage ? (
            <div className="flex flex-wrap gap-2">
              <Form method="post">
                <input type="hidden" name="intent" value="issue-token" />
                <Button disabled={pending}>{connection ? "Rotate token" : "Generate token"}</Button>
              </Form>
              {connection ? (
                <Form method="get">
                  <input type="hidden" name="confirm" value="revoke" />
                  <Button variant="secondary">Revoke</Button>
                </Form>
              ) : null}
            </div>
          ) : null}
          {canManage && connection && search.get("confirm") === "revoke" ? (
            <Form method="post" className="flex flex-wrap items-center gap-2 rounded-theme border border-danger p-3">
              <input type="hidden" name="intent" value="revoke" />
              <p className="text-sm">
                The identity provider&apos;s requests are refused from now on; provisioned users stay.
              </p>
              <Button variant="danger" disabled={pending}>
                Revoke SCIM token
              </Button>
            </Form>
          ) : null}
        </div>
      </Card>
      <Card title="Recent SCIM requests" className="mt-6">
        {connection && connection.recentRequests.length > 0 ? (
          <Table label="Recent SCIM requests">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Method</th>
                <th scope="col">Path</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {connection.recentRequests.map((entry, index) => (
                <tr key={index}>
                  <td>
                    <When value={entry.createdAt} empty="" />
                  </td>
                  <td className="font-mono text-xs">{entry.method}</td>
                  <td className="font-mono text-xs break-all">{entry.path}</td>
                  <td>
                    <Badge tone={entry.status < 400 ? "success" : "danger"}>{entry.status}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title="No requests yet">
            The identity provider&apos;s requests appear here (the last 50).
          </EmptyState>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
