import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useDerivedSlug } from "~/components/derived-slug";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { roleAtLeast } from "~/admin/roles";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { requirePlatformUser } from "~/platform/session.server";
import { createTenantFromConsole } from "~/platform/tenants.server";
import { TENANT_ENVIRONMENTS } from "~/tenancy/config";
import { readForm } from "~/http/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePlatformUser(request);
  const tenants = await getPortico().memberships.accessibleTenants(user.id);
  return { tenants, cloneFrom: new URL(request.url).searchParams.get("clone") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePlatformUser(request);
  const result = await createTenantFromConsole(request, user, await readForm(request));
  if (!result.ok) return data(result, { status: 400 });
  return redirectWithToast(`/admin/${result.tenant.slug}`, {
    type: "success",
    message: `Tenant ${result.tenant.name} created. You are its owner.`,
  });
}

const ENVIRONMENT_OPTIONS = TENANT_ENVIRONMENTS.map((value) => ({
  value,
  label: value[0]!.toUpperCase() + value.slice(1),
}));

/** The tenants the signed-in account can administer, and the form that creates (or clones) one. */
export default function TenantList() {
  const { tenants, cloneFrom } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : { name: "", slug: "", environment: "", cloneFrom };
  const cloneSources = tenants.filter((tenant) => roleAtLeast(tenant.role, "admin"));
  const slugField = useDerivedSlug(values.slug, 40);
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <PageHeader
        title="Tenants"
        description="Each tenant is an app or environment with its own users, settings and sign-in pages."
      />
      {tenants.length === 0 ? (
        <EmptyState title="No tenants yet">
          Create your first tenant below, or ask an owner of an existing tenant to invite you.
        </EmptyState>
      ) : (
        <Table label="Your tenants">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col">Environment</th>
              <th scope="col">Status</th>
              <th scope="col">Your role</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr key={tenant.id}>
                <td>
                  <Link to={`/admin/${tenant.slug}`} className="font-medium text-primary hover:underline">
                    {tenant.name}
                  </Link>
                </td>
                <td className="font-mono">{tenant.slug}</td>
                <td>
                  <Badge>{tenant.environment}</Badge>
                </td>
                <td>
                  <Badge tone={tenant.status === "active" ? "success" : "danger"}>{tenant.status}</Badge>
                </td>
                <td>{tenant.role}</td>
                <td className="text-right">
                  {roleAtLeast(tenant.role, "admin") ? (
                    <Link
                      to={`/admin?clone=${tenant.slug}#create-tenant`}
                      className="text-primary hover:underline"
                      aria-label={`Clone ${tenant.name}`}
                    >
                      Clone
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card title="Create a tenant" className="mt-8">
        <Form method="post" id="create-tenant" key={cloneFrom} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
          <div className="sm:col-span-2">
            <FormError message={errors.form} />
          </div>
          <FormField
            label="Name"
            name="name"
            required
            maxLength={80}
            defaultValue={values.name}
            error={errors.name}
            {...slugField.nameProps}
          />
          <FormField
            label="Slug"
            name="slug"
            maxLength={40}
            error={errors.slug}
            hint="Lowercase letters, digits and hyphens; used in URLs (/t/<slug>). Left empty, it is made from the name."
            {...slugField.slugProps}
          />
          <SelectField
            label="Environment"
            name="environment"
            options={ENVIRONMENT_OPTIONS}
            defaultValue={values.environment || "development"}
            error={errors.environment}
          />
          <SelectField
            label="Copy configuration from"
            name="cloneFrom"
            options={[
              { value: "", label: "Nothing (defaults)" },
              ...cloneSources.map((tenant) => ({ value: tenant.slug, label: `${tenant.name} (${tenant.slug})` })),
            ]}
            defaultValue={values.cloneFrom}
            error={errors.cloneFrom}
            hint="Clones auth methods, origins, sessions and rate limits; not hostnames or users."
          />
          <div className="sm:col-span-2">
            <Button disabled={pending}>Create tenant</Button>
          </div>
        </Form>
      </Card>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
