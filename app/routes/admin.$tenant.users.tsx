import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { MAX_BULK_USERS } from "~/users/bulk.server";
import { handleUserListAction } from "~/users/list-actions.server";
import { countUsers, hasFilters, parseUserSearch, searchUsers } from "~/users/search.server";
import { requireLiveTenant } from "~/users/tenant-users.server";
import { BulkConfirm, SearchAndFilters, SelectAllOnPage } from "~/users/ui/user-list";
import { consoleDay } from "~/components/console-time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const live = await requireLiveTenant(access);
  const search = parseUserSearch(new URL(request.url));
  const [page, total] = await Promise.all([searchUsers(live.db, search), countUsers(live.db)]);
  return {
    slug: access.tenant.slug,
    canEdit: roleAtLeast(access.role, "admin"),
    filters: {
      q: search.q ?? "",
      banned: search.banned === true,
      unverified: search.emailVerified === false,
      twoFactor: search.twoFactorEnabled === true,
      signedInSince: search.signedInSince?.toISOString().slice(0, 10) ?? "",
    },
    filtered: Boolean(search.q) || hasFilters(search),
    total,
    maxBulk: MAX_BULK_USERS,
    ...page,
    // Only what the table shows: metadata and ids of other systems stay on the server.
    users: page.users.map(({ id, email, name, createdAt, banned, emailVerified, twoFactorEnabled }) => ({
      id,
      email,
      name,
      createdAt,
      banned,
      emailVerified,
      twoFactorEnabled: Boolean(twoFactorEnabled),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return handleUserListAction(access, request);
}

export const meta: MetaFunction = () => [{ title: "Users – Console" }];

export default function UsersPage() {
  const { slug, canEdit, filters, filtered, total, maxBulk, users, nextCursor, previousCursor } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const pageLink = (key: "after" | "before", cursor: string) => {
    const query = new URLSearchParams(location.search);
    query.delete("after");
    query.delete("before");
    query.set(key, cursor);
    return `?${query}`;
  };
  const bulk = result?.intent === "bulk" ? result : undefined;
  return (
    <>
      <PageHeader
        title="Users"
        description={`${total.toLocaleString("en")} ${total === 1 ? "user" : "users"} in this tenant, by email.`}
      />
      {canEdit ? <CreateUserForm /> : null}
      <SearchAndFilters slug={slug} filters={filters} />
      {bulk?.ok ? <BulkConfirm {...bulk.confirm} cancel={`${location.pathname}${location.search}`} /> : null}
      {bulk && !bulk.ok ? <FormError message={bulk.errors.form} /> : null}
      {users.length === 0 ? (
        <EmptyState
          title={
            filters.q
              ? `No users match “${filters.q}”`
              : filtered
                ? "No users match these filters"
                : total === 0
                  ? "No users yet"
                  : "No more users"
          }
        >
          {filtered ? (
            "Search looks for part of an email address, a name or a username; the filters narrow it further."
          ) : total === 0 ? (
            "Users appear here when they sign up on the hosted pages or an admin creates one."
          ) : (
            <Link to={`/admin/${slug}/users`} className="text-primary hover:underline">
              Back to the first page
            </Link>
          )}
        </EmptyState>
      ) : (
        <Form method="post" id="user-rows">
          <input type="hidden" name="intent" value="bulk" />
          {canEdit ? (
            <div className="mb-2 flex flex-wrap items-center gap-2" role="group" aria-label="With the selected users">
              <span className="text-sm text-muted">With the selected users (at most {maxBulk}):</span>
              <Button variant="secondary" name="bulkAction" value="revoke-sessions">
                Sign out everywhere
              </Button>
              <Button variant="secondary" name="bulkAction" value="ban">
                Ban
              </Button>
              <Button variant="danger" name="bulkAction" value="delete">
                Delete
              </Button>
            </div>
          ) : null}
          <Table label="Users">
            <thead>
              <tr>
                {canEdit ? (
                  <th scope="col" className="w-8">
                    <SelectAllOnPage form="user-rows" />
                  </th>
                ) : null}
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  {canEdit ? (
                    <td>
                      <input
                        type="checkbox"
                        name="userId"
                        value={user.id}
                        aria-label={`Select ${user.email}`}
                        className="h-4 w-4 accent-primary"
                      />
                    </td>
                  ) : null}
                  <td>
                    <Link to={`/admin/${slug}/users/${user.id}`} className="font-medium text-primary hover:underline">
                      {user.email}
                    </Link>
                  </td>
                  <td>{user.name}</td>
                  <td className="whitespace-nowrap tabular-nums">
                    <time dateTime={user.createdAt.toISOString()}>{consoleDay(user.createdAt)}</time>
                  </td>
                  <td>
                    <span className="flex flex-wrap gap-1">
                      {user.banned ? <Badge tone="danger">Banned</Badge> : <Badge tone="success">Active</Badge>}
                      {user.emailVerified ? null : <Badge>Unverified</Badge>}
                      {user.twoFactorEnabled ? <Badge>2FA</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Form>
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
  const failure = result?.intent === "create-user" ? result : undefined;
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
