import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge, Card, Table } from "~/components/ui/layout";
import { organizationRolesPage } from "~/organizations/console-roles.server";
import { ConsoleOrganizationHeader } from "~/organizations/ui/console-organization-header";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return { slug: access.tenant.slug, ...(await organizationRolesPage(access, params.orgId)) };
}

/** Permissions grouped by resource ("member: create, update, delete"), named as the API and the hosted role form name them. */
function Permissions({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="text-muted">Nothing beyond seeing the organization</span>;
  const byResource = new Map<string, string[]>();
  for (const name of names) {
    const [resource, action] = name.split(":");
    byResource.set(resource!, [...(byResource.get(resource!) ?? []), action!]);
  }
  return (
    <ul className="grid gap-0.5 text-sm">
      {[...byResource].map(([resource, actions]) => (
        <li key={resource}>
          <span className="font-medium">{resource}</span>: {actions.join(", ")}
        </li>
      ))}
    </ul>
  );
}

export default function OrganizationRoles() {
  const { slug, organization, roles } = useLoaderData<typeof loader>();
  return (
    <>
      <ConsoleOrganizationHeader slug={slug} organization={organization} />
      <Card title="Roles">
        <p className="mb-4 text-sm text-muted">
          What each role lets a member do in this organization (members see and use the organization whatever their
          role). The organization&apos;s owners define their own roles on its hosted page; they appear here.
        </p>
        <Table label="Roles">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">May</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.role}>
                <th scope="row" className="text-left font-medium">
                  {role.role} <Badge>{role.builtIn ? "built-in" : "custom"}</Badge>
                </th>
                <td>
                  <Permissions names={role.permissions} />
                </td>
                <td>{role.members}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
