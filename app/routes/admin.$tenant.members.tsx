import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { adminActor, requireTenantRole, type ConsoleAccess } from "~/admin/access.server";
import { getInvitations, InvitationError } from "~/admin/invitations.server";
import { MembershipError } from "~/admin/memberships.server";
import { ROLES } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: role[0]!.toUpperCase() + role.slice(1) }));
const Id = z.string().min(1).max(100);
const InviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@example.com.")),
  role: z.enum(ROLES, { error: "Choose owner, admin or viewer." }),
});
const ChangeRoleSchema = z.object({ userId: Id, role: z.enum(ROLES, { error: "Choose owner, admin or viewer." }) });
const RemoveSchema = z.object({ userId: Id });
const RevokeSchema = z.object({ invitationId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role, user } = await requireTenantRole(request, params.tenant, "viewer");
  const [members, invitations] = await Promise.all([
    getPortico().memberships.list(tenant.id),
    getInvitations().listPending(tenant.id),
  ]);
  return { slug: tenant.slug, canManage: role === "owner", me: user.id, members, invitations, now: Date.now() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "owner");
  const form = Object.fromEntries(await readForm(request));
  switch (form.intent) {
    case "invite":
      return inviteAction(access, request, form);
    case "change-role":
      return changeRoleAction(access, request, form);
    case "remove":
      return removeAction(access, request, form);
    case "revoke":
      return revokeAction(access, request, form);
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

type Form = Record<string, FormDataEntryValue>;
const page = (access: ConsoleAccess) => `/admin/${access.tenant.slug}/members`;
const failure = (intent: string, errors: Record<string, string>, status = 400) => data({ intent, errors }, { status });

async function inviteAction(access: ConsoleAccess, request: Request, form: Form) {
  const parsed = InviteSchema.safeParse(form);
  if (!parsed.success)
    return failure("invite", Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  try {
    const invitation = await getInvitations().invite({ tenant: access.tenant, invitedBy: access.user, ...parsed.data });
    await getPortico().audit.record({
      ...adminActor(access, request),
      type: "admin.member.invited",
      target: { type: "invitation", id: invitation.id, label: parsed.data.email },
      data: { role: parsed.data.role },
    });
  } catch (error) {
    if (error instanceof InvitationError) return failure("invite", { email: error.message });
    throw error;
  }
  return redirectWithToast(page(access), {
    type: "success",
    message: `Invitation sent to ${parsed.data.email}. It is in their outbox until email delivery is set up.`,
  });
}

async function changeRoleAction(access: ConsoleAccess, request: Request, form: Form) {
  const parsed = ChangeRoleSchema.safeParse(form);
  if (!parsed.success) return failure("members", { form: "Choose a member and a role." });
  return withMembershipErrors(async () => {
    const member = await getPortico().memberships.changeRole(access.tenant.id, parsed.data.userId, parsed.data.role);
    await getPortico().audit.record({
      ...adminActor(access, request),
      type: "admin.member.role_changed",
      target: { type: "platform_user", id: member.userId, label: member.email },
      data: { from: member.role, to: parsed.data.role },
    });
    return redirectWithToast(page(access), { type: "success", message: `${member.email} is now ${parsed.data.role}.` });
  });
}

async function removeAction(access: ConsoleAccess, request: Request, form: Form) {
  const parsed = RemoveSchema.safeParse(form);
  if (!parsed.success) return failure("members", { form: "Choose a member to remove." });
  return withMembershipErrors(async () => {
    const member = await getPortico().memberships.remove(access.tenant.id, parsed.data.userId);
    await getPortico().audit.record({
      ...adminActor(access, request),
      type: "admin.member.removed",
      target: { type: "platform_user", id: member.userId, label: member.email },
      data: { role: member.role },
    });
    // Someone who removed themselves can no longer see this tenant.
    const to = member.userId === access.user.id ? "/admin" : page(access);
    return redirectWithToast(to, {
      type: "success",
      message: `${member.email} was removed from ${access.tenant.name}.`,
    });
  });
}

async function revokeAction(access: ConsoleAccess, request: Request, form: Form) {
  const parsed = RevokeSchema.safeParse(form);
  if (!parsed.success) return failure("invitations", { form: "Choose an invitation to revoke." });
  try {
    const invitation = await getInvitations().revoke(access.tenant.id, parsed.data.invitationId);
    await getPortico().audit.record({
      ...adminActor(access, request),
      type: "admin.member.invitation_revoked",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      data: { role: invitation.role },
    });
    return redirectWithToast(page(access), {
      type: "success",
      message: `The invitation for ${invitation.email} was revoked.`,
    });
  } catch (error) {
    if (error instanceof InvitationError) return failure("invitations", { form: error.message }, 404);
    throw error;
  }
}

async function withMembershipErrors(change: () => Promise<Response>) {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof MembershipError)) throw error;
    return failure("members", { form: error.message }, error.code === "member_not_found" ? 404 : 400);
  }
}

export default function Members() {
  const { canManage, me, members, invitations, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errorsFor = (intent: string): Record<string, string | undefined> =>
    result?.intent === intent ? result.errors : {};
  return (
    <>
      <PageHeader
        title="Members"
        description="Platform accounts that can administer this tenant. Viewers read, admins change settings, owners also manage members and can delete the tenant."
      />
      <FormError message={errorsFor("members").form} />
      <Table label="Members">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            {canManage ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>
                <p className="font-medium">
                  {member.name} {member.userId === me ? <Badge>you</Badge> : null}
                </p>
                <p className="text-muted">{member.email}</p>
              </td>
              <td>
                {canManage ? (
                  <Form method="post" className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="userId" value={member.userId} />
                    <select
                      name="role"
                      defaultValue={member.role}
                      aria-label={`Role of ${member.email}`}
                      className="max-w-full rounded-theme border border-border bg-card px-2 py-1.5"
                    >
                      {ROLE_OPTIONS.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    <Button variant="secondary" disabled={pending} aria-label={`Save role of ${member.email}`}>
                      Save
                    </Button>
                  </Form>
                ) : (
                  member.role
                )}
              </td>
              {canManage ? (
                <td className="text-right">
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={member.userId} />
                    <Button variant="secondary" disabled={pending} aria-label={`Remove ${member.email}`}>
                      Remove
                    </Button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>

      {canManage ? <InviteForm errors={errorsFor("invite")} pending={pending} /> : null}

      <h2 className="mt-8 mb-3 text-base font-semibold">Pending invitations</h2>
      <FormError message={errorsFor("invitations").form} />
      {invitations.length === 0 ? (
        <EmptyState title="No pending invitations">
          {canManage ? "Invite someone above; they get a link that works once for 7 days." : null}
        </EmptyState>
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
                <td>{invitation.email}</td>
                <td>{invitation.role}</td>
                <td>
                  {new Date(invitation.expiresAt).getTime() <= now ? (
                    <Badge tone="danger">expired</Badge>
                  ) : (
                    <time dateTime={new Date(invitation.expiresAt).toISOString()}>
                      {new Date(invitation.expiresAt).toUTCString()}
                    </time>
                  )}
                </td>
                {canManage ? (
                  <td className="text-right">
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <Button
                        variant="secondary"
                        disabled={pending}
                        aria-label={`Revoke invitation for ${invitation.email}`}
                      >
                        Revoke
                      </Button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

function InviteForm({ errors, pending }: { errors: Record<string, string | undefined>; pending: boolean }) {
  return (
    <Card title="Invite a member" className="mt-8">
      <Form method="post" className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <FormField label="Email" name="email" type="email" required maxLength={254} error={errors.email} />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="viewer" error={errors.role} />
        <Button disabled={pending} className="sm:mt-7">
          Send invitation
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
