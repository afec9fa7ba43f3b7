import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { redirectWithToast } from "~/http/toast.server";
import { createTenantUser } from "~/users/create-user.server";
import { countUsers, parseUserSearch, searchUsers } from "~/users/search.server";
import { requireLiveTenant } from "~/users/tenant-users.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const live = await requireLiveTenant(access);
  const search = parseUserSearch(new URL(request.url));
  const [page, total] = await Promise.all([searchUsers(live.db, search), countUsers(live.db)]);
  return {
    slug: access.tenant.slug,
    canEdit: roleAtLeast(access.role, "admin"),
    q: search.q ?? "",
    total,
    ...page,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const live = await requireLiveTenant(access);
  const form = await readForm(request);
  if (form.get("intent") !== "create-user")
    return data(
      { ok: false as const, errors: { form: "Unknown action." }, values: { name: "", email: "" } },
      { status: 400 },
    );
  const result = await createTenantUser(access, request, live, form);
  if (!result.ok) return data(result, { status: 400 });
  return redirectWithToast(`/admin/${access.tenant.slug}/users/${result.userId}`, {
    type: "success",
    message: `${result.email} was created.`,
  });
}

export const meta: MetaFunction = () => [{ title: "Users – Console" }];

export default function UsersPage() {
  const { slug, canEdit, q, total, users, nextCursor, previousCursor } = useLoaderData<typeof loader>();
  const searching = useNavigation().state === "loading";
  const pageLink = (key: "after" | "before", cursor: string) =>
    `?${new URLSearchParams({ ...(q ? { q } : {}), [key]: cursor })}`;
  return (
    <>
      <PageHeader
        title="Users"
        description={`${total.toLocaleString("en")} ${total === 1 ? "user" : "users"} in this tenant, by email.`}
      />
      {canEdit ? <CreateUserForm /> : null}
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <FormField
            label="Search users"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Email or name"
            maxLength={100}
          />
        </div>
        <Button variant="secondary" disabled={searching}>
          Search
        </Button>
        {q ? (
          <Link
            to={`/admin/${slug}/users`}
            className="inline-flex items-center px-2 py-2 text-sm text-primary hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </Form>
      {users.length === 0 ? (
        <EmptyState title={q ? `No users match “${q}”` : total === 0 ? "No users yet" : "No more users"}>
          {q ? (
            "Search looks for part of an email address or a name."
          ) : total === 0 ? (
            "Users appear here when they sign up on the hosted pages or an admin creates one."
          ) : (
            <Link to={`/admin/${slug}/users`} className="text-primary hover:underline">
              Back to the first page
            </Link>
          )}
        </EmptyState>
      ) : (
        <Table label="Users">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/${slug}/users/${user.id}`} className="font-medium text-primary hover:underline">
                    {user.email}
                  </Link>
                </td>
                <td>{user.name}</td>
                <td className="whitespace-nowrap tabular-nums">
                  <time dateTime={user.createdAt.toISOString()}>{user.createdAt.toISOString().slice(0, 10)}</time>
                </td>
                <td>{user.banned ? <Badge tone="danger">Banned</Badge> : <Badge tone="success">Active</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {previousCursor || nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex justify-between gap-2 text-sm">
          {previousCursor ? (
            <Link to={pageLink("before", previousCursor)} className="text-primary hover:underline" rel="prev">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link to={pageLink("after", nextCursor)} className="text-primary hover:underline" rel="next">
              Next →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function CreateUserForm() {
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const failure = result && !result.ok ? result : undefined;
  const errors: Partial<Record<string, string>> = failure?.errors ?? {};
  const values = failure?.values;
  return (
    <details className="mb-6" open={Boolean(failure)}>
      <summary className="inline-flex cursor-pointer list-none items-center rounded-theme bg-primary px-3.5 py-2 text-sm font-semibold text-primary-foreground hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary">
        New user
      </summary>
      <Card className="mt-3">
        <Form method="post" className="grid grid-cols-1 gap-4 sm:grid-cols-3 sm:items-start" noValidate>
          <input type="hidden" name="intent" value="create-user" />
          <div className="sm:col-span-3">
            <FormError message={errors.form} />
          </div>
          <FormField
            label="Name"
            name="name"
            required
            maxLength={100}
            defaultValue={values?.name}
            error={errors.name}
          />
          <FormField
            label="Email"
            name="email"
            type="email"
            required
            maxLength={254}
            defaultValue={values?.email}
            error={errors.email}
          />
          <FormField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            error={errors.password}
            hint="They can change it after signing in, or you can send a reset link."
          />
          <div className="sm:col-span-3">
            <Button disabled={pending}>Create user</Button>
          </div>
        </Form>
      </Card>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
