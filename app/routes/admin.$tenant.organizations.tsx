import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { listOrganizationsForConsole } from "~/scim/console.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return { organizations: await listOrganizationsForConsole(access) };
}

export default function Organizations() {
  const { organizations } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Your users' organizations. Open one to connect its identity provider for SCIM provisioning."
      />
      {organizations.length === 0 ? (
        <EmptyState title="No organizations yet">
          Users create them on the hosted account page, or your backend through the management API.
        </EmptyState>
      ) : (
        <Table label="Organizations">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Members</th>
              <th scope="col">SCIM</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id}>
                <td className="font-medium">
                  <Link to={organization.id} className="underline">
                    {organization.name}
                  </Link>
                </td>
                <td className="font-mono text-xs">{organization.slug}</td>
                <td>{organization.members}</td>
                <td>
                  <Badge tone={organization.scimConnected ? "success" : "neutral"}>
                    {organization.scimConnected ? "connected" : "not connected"}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
