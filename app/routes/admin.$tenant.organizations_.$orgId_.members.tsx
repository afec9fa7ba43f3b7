import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { consoleDay } from "~/components/console-time";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { organizationMembersAction, organizationMembersPage } from "~/organizations/console.server";
import { ConsoleEmailRoleForm } from "~/organizations/ui/console-email-role-form";
import { ConsoleOrganizationHeader } from "~/organizations/ui/console-organization-header";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return {
    slug: access.tenant.slug,
    canManage: roleAtLeast(access.role, "admin"),
    ...(await organizationMembersPage(access, params.orgId)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return organizationMembersAction(access, request, params.orgId);
}

export default function OrganizationMembers() {
  const { slug, canManage, organization, members, roles, membershipLimit } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = failure?.errors ?? {};
  const roleOptions = roles.map((role) => ({ value: role, label: role }));
  return (
    <>
      <ConsoleOrganizationHeader slug={slug} organization={organization} />
      <Card title={`Members (${members.length} of at most ${membershipLimit})`}>
        {failure?.intent === "members" ? <FormError message={errors.form ?? errors.role} /> : null}
        {members.length === 0 ? (
          <EmptyState title="No members yet">Add a user of this tenant by their email address.</EmptyState>
        ) : (
          <Table label="Members">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                {canManage ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <td>
                    <span className="font-medium">{member.user.email}</span>
                    <span className="block text-xs text-muted">{member.user.name}</span>
                  </td>
                  <td>
                    {canManage ? (
                      <Form method="post" className="flex items-end gap-2">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="memberId" value={member.id} />
                        <SelectField
                          label={`Role of ${member.user.email}`}
                          name="role"
                          options={roleOptions}
                          defaultValue={member.role}
                          className="[&>label]:sr-only"
                        />
                        <Button variant="secondary" disabled={pending} aria-label={`Save role of ${member.user.email}`}>
                          Save
                        </Button>
                      </Form>
                    ) : (
                      member.role
                    )}
                  </td>
                  <td>{consoleDay(member.createdAt)}</td>
                  {canManage ? (
                    <td className="text-right">
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="memberId" value={member.id} />
                        <Button variant="danger" disabled={pending} aria-label={`Remove ${member.user.email}`}>
                          Remove
                        </Button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {canManage ? (
        <Card title="Add a member" className="mt-6">
          <ConsoleEmailRoleForm
            intent="add"
            emailLabel="Email of an existing user"
            submitLabel="Add member"
            roles={roles}
            failure={failure}
            disabled={pending}
          />
          <p className="mt-3 text-sm text-muted">
            Someone without an account yet? Invite them by email on the Invitations tab.
          </p>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
