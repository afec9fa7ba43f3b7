import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { consoleDay } from "~/components/console-time";
import { useDerivedSlug } from "~/components/derived-slug";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { createOrganizationFromConsole, listOrganizationsForConsole } from "~/organizations/console.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return {
    q,
    canManage: roleAtLeast(access.role, "admin"),
    organizations: await listOrganizationsForConsole(access, q),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return createOrganizationFromConsole(access, request);
}

export default function Organizations() {
  const { q, canManage, organizations } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = failure?.errors ?? {};
  const slugField = useDerivedSlug(failure?.values?.slug, 64);
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Your users' organizations: their members, roles, invitations and teams, and SCIM provisioning."
      />
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <FormField label="Search organizations" name="q" type="search" defaultValue={q} placeholder="Name or slug" />
        </div>
        <Button variant="secondary">Search</Button>
      </Form>
      {organizations.length === 0 ? (
        <EmptyState title={q ? "No organization matches" : "No organizations yet"}>
          {q
            ? "Try part of the name or the slug."
            : "Create one below; users create them on the hosted account page, your backend through the management API."}
        </EmptyState>
      ) : (
        <Table label="Organizations">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Members</th>
              <th scope="col">Created</th>
              <th scope="col">SCIM</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((organization) => (
              <tr key={organization.id}>
                <td className="font-medium">
                  <Link to={`${organization.id}/members`} className="underline">
                    {organization.name}
                  </Link>
                </td>
                <td className="font-mono text-xs">{organization.slug}</td>
                <td>{organization.members}</td>
                <td>{consoleDay(organization.createdAt)}</td>
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
      {canManage ? (
        <Card title="Create an organization" className="mt-8">
          <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
            <div className="sm:col-span-2">
              <FormError message={errors.form} />
            </div>
            <FormField
              label="Organization name"
              name="name"
              required
              maxLength={100}
              defaultValue={failure?.values?.name}
              error={errors.name}
              {...slugField.nameProps}
            />
            <FormField
              label="Organization slug"
              name="slug"
              maxLength={64}
              error={errors.slug}
              hint="Lowercase letters, digits and hyphens. Left empty, it is made from the name."
              {...slugField.slugProps}
            />
            <div className="sm:col-span-2">
              <Button disabled={pending}>Create organization</Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
