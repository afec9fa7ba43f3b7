import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { adminActor, requireTenantRole } from "~/admin/access.server";
import { diffConfigs, promoteConfig, PromotionError } from "~/admin/environments.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role, user } = await requireTenantRole(request, params.tenant, "viewer");
  const { memberships, tenants } = getPortico();
  const others = (await memberships.accessibleTenants(user.id)).filter((other) => other.id !== tenant.id);
  const compareSlug = new URL(request.url).searchParams.get("compare");
  const target = others.find((other) => other.slug === compareSlug) ?? null;
  const targetTenant = target ? await tenants.getBySlug(target.slug) : null;
  return {
    tenant: { name: tenant.name, slug: tenant.slug, environment: tenant.environment },
    others,
    target,
    unknownTarget: Boolean(compareSlug) && !target,
    differences: targetTenant ? diffConfigs(tenant.config, targetTenant.config) : [],
    canPromote: Boolean(target) && roleAtLeast(role, "admin") && roleAtLeast(target!.role, "admin"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const parsed = z
    .object({ target: z.string().min(1).max(100) })
    .safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Choose a tenant to promote to.", { status: 400 });
  // Not a member there: 404 as anywhere else; a viewer there: 403, audited on that tenant.
  const targetAccess = await requireTenantRole(request, parsed.data.target, "admin");
  try {
    const { target, changes } = await promoteConfig(getPortico().tenants, access.tenant, targetAccess.tenant);
    const { audit, registry } = getPortico();
    registry.invalidate(target.id);
    await audit.record({
      ...adminActor(access, request),
      type: "admin.config.promoted",
      target: { type: "tenant", id: target.id, label: target.slug },
      data: { direction: "out", to: target.slug, changes },
    });
    await audit.record({
      ...adminActor(targetAccess, request),
      type: "admin.config.promoted",
      target: { type: "tenant", id: target.id, label: target.slug },
      data: { direction: "in", from: access.tenant.slug, changes },
    });
    return redirectWithToast(`/admin/${access.tenant.slug}/environments?compare=${target.slug}`, {
      type: "success",
      message: `Promoted the configuration to ${target.name} (${changes.length} setting${changes.length === 1 ? "" : "s"} changed).`,
    });
  } catch (error) {
    if (error instanceof PromotionError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
}

/** Compare this tenant's configuration with another environment's, and promote it there. */
export default function Environments() {
  const { tenant, others, target, unknownTarget, differences, canPromote } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Environments"
        description="See where this tenant's configuration differs from another tenant's (for example staging and production) and promote it."
      />
      {others.length === 0 ? (
        <EmptyState title="No other tenants to compare with">
          Create another environment (for example by cloning this tenant) from the tenant list.
        </EmptyState>
      ) : (
        <Card>
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <SelectField
              label="Compare with"
              name="compare"
              className="min-w-64 flex-1"
              defaultValue={target?.slug ?? ""}
              error={unknownTarget ? "You cannot access that tenant; choose one from the list." : undefined}
              options={[
                { value: "", label: "Choose a tenant…" },
                ...others.map((other) => ({ value: other.slug, label: `${other.name} (${other.environment})` })),
              ]}
            />
            <Button variant="secondary">Compare</Button>
          </Form>
        </Card>
      )}
      {target ? (
        <section className="mt-6" aria-labelledby="differences-heading">
          <h2 id="differences-heading" className="mb-3 text-base font-semibold">
            {tenant.name} <Badge>{tenant.environment}</Badge> → {target.name} <Badge>{target.environment}</Badge>
          </h2>
          {differences.length === 0 ? (
            <EmptyState title="The configurations are identical">Nothing would change if you promoted.</EmptyState>
          ) : (
            <Table label="Configuration differences">
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">In {target.name} now</th>
                  <th scope="col">After promotion</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((difference) => (
                  <tr key={difference.path} aria-label={`${difference.path}: ${difference.from} → ${difference.to}`}>
                    <td className="font-mono">{difference.path}</td>
                    <td className="font-mono text-danger line-through">{difference.from}</td>
                    <td className="font-mono">{difference.to}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <div className="mt-4">
            <FormError message={result?.error} />
            {canPromote && differences.length > 0 ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="target" value={target.slug} />
                <Button disabled={pending}>Promote to {target.name}</Button>
              </Form>
            ) : differences.length > 0 ? (
              <p className="text-sm text-muted">Promoting needs the admin role in both tenants.</p>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
