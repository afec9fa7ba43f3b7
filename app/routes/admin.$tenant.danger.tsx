import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { adminActor, requireTenantRole, type ConsoleAccess } from "~/admin/access.server";
import { roleAtLeast, type Role } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { TypedConfirmForm } from "~/components/ui/confirm-form";
import { Card, PageHeader } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  return { tenant: { name: tenant.name, slug: tenant.slug, status: tenant.status }, role };
}

/** The role each form needs; an unknown intent still needs membership before it is refused. */
const REQUIRED_ROLE: Record<string, Role> = { disable: "admin", enable: "admin", delete: "owner" };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const access = await requireTenantRole(request, params.tenant, REQUIRED_ROLE[intent] ?? "viewer");
  switch (intent) {
    case "disable":
    case "enable":
      return setStatusAction(access, request, intent === "disable" ? "disabled" : "active");
    case "delete":
      return deleteAction(access, request, String(form.get("confirm") ?? ""));
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

async function setStatusAction(access: ConsoleAccess, request: Request, status: "active" | "disabled") {
  const { tenants, audit, registry } = getPortico();
  await tenants.setStatus(access.tenant.slug, status);
  registry.invalidate(access.tenant.id);
  await audit.record({
    ...adminActor(access, request),
    type: status === "disabled" ? "admin.tenant.disabled" : "admin.tenant.enabled",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
  });
  return redirectWithToast(`/admin/${access.tenant.slug}/danger`, {
    type: "success",
    message:
      status === "disabled"
        ? `${access.tenant.name} is disabled: its sign-in pages and API answer 404.`
        : `${access.tenant.name} is enabled again.`,
  });
}

async function deleteAction(access: ConsoleAccess, request: Request, confirm: string) {
  if (confirm.trim() !== access.tenant.slug)
    return data({ error: `Type ${access.tenant.slug} exactly to confirm.` }, { status: 400 });
  const { tenants, audit, registry } = getPortico();
  // Recorded first and kept: the audit log outlives the tenant's own database.
  await audit.record({
    ...adminActor(access, request),
    type: "admin.tenant.deleted",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
    data: { name: access.tenant.name },
  });
  await tenants.delete(access.tenant.slug);
  registry.invalidate(access.tenant.id);
  return redirectWithToast("/admin", { type: "success", message: `${access.tenant.name} was deleted.` });
}

/** Disable, enable or delete the tenant. */
export default function DangerZone() {
  const { tenant, role } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const disabled = tenant.status === "disabled";
  return (
    <>
      <PageHeader title="Danger zone" description="Changes here affect every user of this tenant at once." />
      <div className="flex flex-col gap-6">
        <Card title={disabled ? "Enable the tenant" : "Disable the tenant"}>
          <p className="mb-4 text-sm text-muted">
            {disabled
              ? "The tenant is disabled: its sign-in pages and API answer 404. Enabling serves them again; users and settings were kept."
              : "Disabling stops serving the tenant's sign-in pages and API (they answer 404) without deleting anything."}
          </p>
          {roleAtLeast(role, "admin") ? (
            <Form method="post">
              <input type="hidden" name="intent" value={disabled ? "enable" : "disable"} />
              <Button variant={disabled ? "primary" : "danger"} disabled={pending}>
                {disabled ? "Enable tenant" : "Disable tenant"}
              </Button>
            </Form>
          ) : (
            <p className="text-sm">Only admins and owners can do this.</p>
          )}
        </Card>
        <Card title="Delete the tenant">
          <p className="mb-4 text-sm text-muted">
            Deletes {tenant.name}, its users, sessions and database for good. This cannot be undone.
          </p>
          {role === "owner" ? (
            <TypedConfirmForm
              intent="delete"
              confirmText={tenant.slug}
              label="To confirm, type the slug"
              buttonLabel="Delete tenant"
              error={result?.error}
            />
          ) : (
            <p className="text-sm">Only owners can delete a tenant.</p>
          )}
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
