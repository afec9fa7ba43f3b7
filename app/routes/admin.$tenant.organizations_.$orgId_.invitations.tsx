import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { consoleTime } from "~/components/console-time";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Table } from "~/components/ui/layout";
import { organizationInvitationsAction, organizationInvitationsPage } from "~/organizations/console-invitations.server";
import { ConsoleEmailRoleForm } from "~/organizations/ui/console-email-role-form";
import { ConsoleOrganizationHeader, NeedsAuthMethodNote } from "~/organizations/ui/console-organization-header";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return {
    slug: access.tenant.slug,
    canManage: roleAtLeast(access.role, "admin"),
    now: Date.now(),
    ...(await organizationInvitationsPage(access, params.orgId)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return organizationInvitationsAction(access, request, params.orgId);
}

export default function OrganizationInvitations() {
  const { slug, canManage, now, organization, invitations, roles, organizationsOn } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = failure?.errors ?? {};
  return (
    <>
      <ConsoleOrganizationHeader slug={slug} organization={organization} />
      {!organizationsOn ? (
        <NeedsAuthMethodNote
          slug={slug}
          what="Invitations are accepted on the hosted pages, which need Organizations on for this tenant."
        />
      ) : null}
      <Card title="Pending invitations">
        {failure?.intent === "invitations" ? <FormError message={errors.form} /> : null}
        {invitations.length === 0 ? (
          <EmptyState title="No pending invitations" />
        ) : (
          <Table label="Pending invitations">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Expires</th>
                {canManage ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="font-medium">{invitation.email}</td>
                  <td>{invitation.role}</td>
                  <td>
                    {new Date(invitation.expiresAt).getTime() <= now ? (
                      <Badge tone="danger">expired</Badge>
                    ) : (
                      consoleTime(invitation.expiresAt)
                    )}
                  </td>
                  {canManage ? (
                    <td>
                      <div className="flex justify-end gap-2">
                        <Form method="post">
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <Button
                            name="intent"
                            value="resend"
                            variant="secondary"
                            disabled={pending || !organizationsOn}
                            aria-label={`Resend the invitation to ${invitation.email}`}
                          >
                            Resend
                          </Button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <Button
                            name="intent"
                            value="revoke"
                            variant="danger"
                            disabled={pending}
                            aria-label={`Revoke the invitation to ${invitation.email}`}
                          >
                            Revoke
                          </Button>
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {canManage ? (
        <Card title="Invite by email" className="mt-6">
          <ConsoleEmailRoleForm
            intent="invite"
            emailLabel="Email address"
            submitLabel="Send invitation"
            roles={roles}
            failure={failure}
            disabled={pending || !organizationsOn}
          />
          <p className="mt-3 text-sm text-muted">
            The email comes from the tenant&apos;s mail in its theme, in the name of the organization&apos;s first
            owner, and links to the hosted page where they accept it.
          </p>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
