import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { adminActor, requireTenantRole } from "~/admin/access.server";
import { compareEnvironments, promoteEnvironment, PromotionError } from "~/admin/environments.server";
import { roleAtLeast } from "~/admin/roles";
import { settingLabel, settingValue } from "~/admin/setting-labels";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { TypedConfirmForm } from "~/components/ui/confirm-form";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role, user } = await requireTenantRole(request, params.tenant, "viewer");
  const portico = getPortico();
  const others = (await portico.memberships.accessibleTenants(user.id)).filter((other) => other.id !== tenant.id);
  const compareSlug = new URL(request.url).searchParams.get("compare");
  const target = others.find((other) => other.slug === compareSlug) ?? null;
  const targetTenant = target ? await portico.tenants.getBySlug(target.slug) : null;
  const comparison = targetTenant ? await compareEnvironments(portico, tenant, targetTenant) : null;
  return {
    tenant: { name: tenant.name, slug: tenant.slug, environment: tenant.environment },
    others,
    target,
    unknownTarget: Boolean(compareSlug) && !target,
    differences: (comparison?.differences ?? []).map((difference) => ({
      path: difference.path,
      label: settingLabel(difference.path),
      from: settingValue(difference.path, difference.from),
      to: settingValue(difference.path, difference.to),
    })),
    theme: comparison?.theme ?? null,
    canPromote: Boolean(target) && roleAtLeast(role, "admin") && roleAtLeast(target!.role, "admin"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const parsed = z
    .object({ target: z.string().min(1).max(100), confirm: z.string().max(200).default("") })
    .safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw new Response("Choose a tenant to promote to.", { status: 400 });
  // Not a member there: 404 as anywhere else; a viewer there: 403, audited on that tenant.
  const targetAccess = await requireTenantRole(request, parsed.data.target, "admin");
  if (parsed.data.confirm.trim() !== targetAccess.tenant.slug)
    return data(
      { error: `Type ${targetAccess.tenant.slug} to confirm: promoting replaces that tenant's settings and theme.` },
      { status: 400 },
    );
  try {
    const { target, changes, themeVersion } = await promoteEnvironment(
      getPortico(),
      access.tenant,
      targetAccess.tenant,
      adminActor(targetAccess, request),
    );
    const { audit, registry } = getPortico();
    registry.invalidate(target.id);
    await audit.record({
      ...adminActor(access, request),
      type: "admin.config.promoted",
      target: { type: "tenant", id: target.id, label: target.slug },
      data: { direction: "out", to: target.slug, changes, themeVersion },
    });
    await audit.record({
      ...adminActor(targetAccess, request),
      type: "admin.config.promoted",
      target: { type: "tenant", id: target.id, label: target.slug },
      data: { direction: "in", from: access.tenant.slug, changes, themeVersion },
    });
    return redirectWithToast(`/admin/${access.tenant.slug}/environments?compare=${target.slug}`, {
      type: "success",
      message: `Promoted to ${target.name}: ${changes.length} setting${changes.length === 1 ? "" : "s"} changed${themeVersion === null ? "" : `, theme published as version ${themeVersion}`}.`,
    });
  } catch (error) {
    if (error instanceof PromotionError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
}

/** Compare this tenant's configuration with another environment's, and promote it there. */
export default function Environments() {
  const { tenant, others, target, unknownTarget, differences, theme, canPromote } = useLoaderData<typeof loader>();
  const changes = differences.length + (theme?.differs ? 1 : 0);
  const result = useActionData<typeof action>();
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
          {changes === 0 ? (
            <EmptyState title="The configurations and themes are identical">
              Nothing would change if you promoted.
            </EmptyState>
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
                  <tr key={difference.path} aria-label={`${difference.label}: ${difference.from} → ${difference.to}`}>
                    <td>
                      {difference.label}
                      <span className="block font-mono text-xs text-muted">{difference.path}</span>
                    </td>
                    <td className="text-danger line-through">{difference.from}</td>
                    <td>{difference.to}</td>
                  </tr>
                ))}
                {theme?.differs ? (
                  <tr aria-label="Theme: published look differs">
                    <td>Theme (the published look, with its images)</td>
                    <td className="text-danger line-through">
                      {theme.targetVersion === null ? "Default theme" : `Version ${theme.targetVersion}`}
                    </td>
                    <td>
                      {theme.sourceVersion === null
                        ? "Default theme"
                        : `${tenant.name}'s version ${theme.sourceVersion}, as a new version`}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </Table>
          )}
          <div className="mt-4 max-w-xl">
            {canPromote && changes > 0 ? (
              <TypedConfirmForm
                intent="promote"
                hidden={{ target: target.slug }}
                confirmText={target.slug}
                label={`Promoting replaces ${changes} setting${changes === 1 ? "" : "s"} in ${target.name} (${target.environment}). To confirm, type`}
                buttonLabel={`Promote to ${target.name}`}
                error={result?.error}
              />
            ) : (
              <FormError message={result?.error} />
            )}
            {!canPromote && changes > 0 ? (
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
