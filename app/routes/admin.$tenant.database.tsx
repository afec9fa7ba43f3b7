import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { z } from "zod";
import { adminActor, requireTenantRole, type ConsoleAccess } from "~/admin/access.server";
import { roleAtLeast, type Role } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import {
  applyTenantMigrations,
  connectTenantDatabase,
  DatabaseUrlSchema,
  getTenantDatabaseStatus,
  restoreDefaultTenantDatabase,
} from "~/db/tenant-database.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

/** The least role each form needs: migrating is routine upkeep, moving the data is the owner's call. */
const INTENT_ROLES: Record<string, Role> = { migrate: "admin", connect: "owner", "use-default": "owner" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  const { storage, tenants } = getPortico();
  const status = await getTenantDatabaseStatus({ storage, tenants }, tenant);
  return { slug: tenant.slug, role, deploymentProvider: storage.provider, ...status };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const intent = String(form.intent ?? "");
  const access = await requireTenantRole(request, params.tenant, INTENT_ROLES[intent] ?? "owner");
  switch (intent) {
    case "migrate":
      return migrateAction(access, request);
    case "connect":
      return connectAction(access, request, form);
    case "use-default":
      return restoreDefaultAction(access, request);
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

const page = (access: ConsoleAccess) => `/admin/${access.tenant.slug}/database`;
const deps = () => ({ storage: getPortico().storage, tenants: getPortico().tenants });

async function migrateAction(access: ConsoleAccess, request: Request) {
  const applied = await applyTenantMigrations(deps(), access.tenant);
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.database.migrated",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
    data: { applied },
  });
  return redirectWithToast(page(access), {
    type: "success",
    message:
      applied.length === 0
        ? "No pending migrations: the database is up to date."
        : `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}.`,
  });
}

async function connectAction(access: ConsoleAccess, request: Request, form: Record<string, FormDataEntryValue>) {
  const parsed = z.object({ databaseUrl: DatabaseUrlSchema }).safeParse(form);
  if (!parsed.success) return data({ errors: { databaseUrl: parsed.error.issues[0]!.message } }, { status: 400 });
  const result = await connectTenantDatabase(deps(), access.tenant, parsed.data.databaseUrl);
  if (!result.ok) return data({ errors: { databaseUrl: result.error } }, { status: 400 });
  getPortico().registry.invalidate(access.tenant.id);
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.database.connected",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
    data: result.target,
  });
  return redirectWithToast(page(access), {
    type: "success",
    message: `New data now goes to ${result.target.database} on ${result.target.host}.`,
  });
}

async function restoreDefaultAction(access: ConsoleAccess, request: Request) {
  await restoreDefaultTenantDatabase(deps(), access.tenant);
  getPortico().registry.invalidate(access.tenant.id);
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.database.default_restored",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
  });
  return redirectWithToast(page(access), {
    type: "success",
    message: "The tenant uses the deployment's storage again.",
  });
}

export default function DatabasePage() {
  const { role, deploymentProvider, location, migrations, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const external = location.kind === "external_postgresql";

  return (
    <>
      <PageHeader
        title="Database"
        description="Where this tenant's users and sessions are stored, and its schema version."
      />
      <div className="flex flex-col gap-6">
        <Card title="Location">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted">Storage</dt>
            <dd>
              {external ? (
                <Badge tone="success">Tenant's own PostgreSQL</Badge>
              ) : (
                <Badge>Deployment default ({deploymentProvider === "sqlite" ? "SQLite" : "PostgreSQL"})</Badge>
              )}
            </dd>
            {location.kind === "sqlite_file" ? (
              <>
                <dt className="text-muted">File</dt>
                <dd className="font-mono text-xs break-all">{location.file}</dd>
              </>
            ) : null}
            {location.kind === "external_postgresql" ? (
              <>
                <dt className="text-muted">Server</dt>
                <dd className="font-mono text-xs break-all">
                  {location.host}:{location.port}
                </dd>
                <dt className="text-muted">Database</dt>
                <dd className="font-mono text-xs break-all">{location.database}</dd>
                <dt className="text-muted">User</dt>
                <dd className="font-mono text-xs break-all">{location.user}</dd>
              </>
            ) : null}
            {location.kind !== "sqlite_file" ? (
              <>
                <dt className="text-muted">Schema</dt>
                <dd className="font-mono text-xs break-all">{location.schema}</dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card title="Migrations">
          {problem ? <p className="text-sm text-danger">{problem}</p> : null}
          {migrations ? (
            <div className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2">
              <MigrationList title={`Applied (${migrations.applied.length})`} names={migrations.applied} />
              <MigrationList
                title={`Pending (${migrations.pending.length})`}
                names={migrations.pending}
                empty="None: up to date."
              />
            </div>
          ) : null}
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="migrate" />
            <Button disabled={busy || !roleAtLeast(role, "admin")}>Apply pending migrations</Button>
            {!roleAtLeast(role, "admin") ? (
              <p className="mt-2 text-sm text-muted">Admins and owners can apply migrations.</p>
            ) : null}
          </Form>
        </Card>

        <Card title="Use the tenant's own PostgreSQL database">
          <p className="mb-2 text-sm text-muted">
            The tenant's tables are created in schema <code>tenant_…</code> of that database, and new sign-ups and
            sessions are stored there. The connection string is checked before it is saved, kept encrypted and never
            shown again.
          </p>
          <p className="mb-4 text-sm font-medium">
            Users and sessions already stored in the current location are not moved: after switching they cannot sign in
            until they sign up again there, or until you copy the data yourself.
          </p>
          {role === "owner" ? (
            <div className="flex flex-col gap-4">
              <Form method="post" className="flex flex-col gap-3">
                <input type="hidden" name="intent" value="connect" />
                <FormField
                  label="Connection string"
                  name="databaseUrl"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="postgresql://user:password@db.example.com:5432/portico"
                  maxLength={2000}
                  error={actionData?.errors.databaseUrl}
                  required
                />
                <div>
                  <Button disabled={busy}>{external ? "Replace connection" : "Check and connect"}</Button>
                </div>
              </Form>
              {external ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="use-default" />
                  <Button variant="secondary" disabled={busy}>
                    Use the deployment's storage again
                  </Button>
                </Form>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-muted">Only owners can change where the tenant's data is stored.</p>
          )}
        </Card>
      </div>
    </>
  );
}

function MigrationList({ title, names, empty = "None." }: { title: string; names: string[]; empty?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 font-medium">
        {title}
      </h3>
      {names.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-1 font-mono text-xs">
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
