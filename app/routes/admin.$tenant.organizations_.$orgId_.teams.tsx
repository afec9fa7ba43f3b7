import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { organizationTeamsAction, organizationTeamsPage } from "~/organizations/console-teams.server";
import { ConsoleOrganizationHeader, NeedsAuthMethodNote } from "~/organizations/ui/console-organization-header";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return {
    slug: access.tenant.slug,
    canManage: roleAtLeast(access.role, "admin"),
    ...(await organizationTeamsPage(access, params.orgId)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return organizationTeamsAction(access, request, params.orgId);
}

export default function OrganizationTeams() {
  const { slug, canManage, organization, teamsOn, limits, teams, members } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errorOf = (intent: string) =>
    failure?.intent === intent ? Object.values(failure.errors as Record<string, string>)[0] : undefined;
  const manage = canManage && teamsOn;
  return (
    <>
      <ConsoleOrganizationHeader slug={slug} organization={organization} />
      {!teamsOn ? (
        <NeedsAuthMethodNote slug={slug} what="Teams are off for this tenant (they need Organizations on too)." />
      ) : null}
      {teams.length === 0 ? (
        <EmptyState title="No teams yet">
          Teams split an organization&apos;s members (at most {limits.teams} teams of {limits.membersPerTeam}).
        </EmptyState>
      ) : (
        <div className="grid gap-4">
          {teams.map((team) => {
            const outside = members.filter((member) => !team.members.some((m) => m.userId === member.userId));
            return (
              <section
                key={team.id}
                aria-label={`Team ${team.name}`}
                className="rounded-theme border border-border bg-card p-5"
              >
                <h2 className="mb-3 text-base font-semibold">
                  {team.name}{" "}
                  <span className="text-sm font-normal text-muted">
                    ({team.members.length} of at most {limits.membersPerTeam})
                  </span>
                </h2>
                <FormError message={errorOf(`team:${team.id}`)} />
                <ul aria-label={`Members of ${team.name}`} className="mb-3 grid gap-1 text-sm">
                  {team.members.map((member) => (
                    <li key={member.userId} className="flex items-center justify-between gap-2">
                      {member.email}
                      {manage ? (
                        <Form method="post">
                          <input type="hidden" name="teamId" value={team.id} />
                          <input type="hidden" name="userId" value={member.userId} />
                          <Button
                            name="intent"
                            value="remove-member"
                            variant="secondary"
                            disabled={pending}
                            aria-label={`Remove ${member.email} from ${team.name}`}
                          >
                            Remove
                          </Button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                  {team.members.length === 0 ? <li className="text-muted">No members yet.</li> : null}
                </ul>
                {manage ? (
                  <div className="flex flex-wrap items-end gap-4">
                    {outside.length > 0 ? (
                      <Form method="post" className="flex items-end gap-2">
                        <input type="hidden" name="teamId" value={team.id} />
                        <SelectField
                          label={`Add to ${team.name}`}
                          name="userId"
                          options={outside.map((member) => ({ value: member.userId, label: member.email }))}
                        />
                        <Button name="intent" value="add-member" variant="secondary" disabled={pending}>
                          Add to team
                        </Button>
                      </Form>
                    ) : null}
                    <Form method="post" className="flex items-end gap-2">
                      <input type="hidden" name="teamId" value={team.id} />
                      <FormField label={`New name for ${team.name}`} name="name" defaultValue={team.name} required />
                      <Button name="intent" value="rename" variant="secondary" disabled={pending}>
                        Rename
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="teamId" value={team.id} />
                      <Button
                        name="intent"
                        value="delete"
                        variant="danger"
                        disabled={pending}
                        aria-label={`Delete team ${team.name}`}
                      >
                        Delete team
                      </Button>
                    </Form>
                  </div>
                ) : null}
              </section>
            );
          })}
        </div>
      )}
      {manage ? (
        <Card title="Create a team" className="mt-6">
          <Form method="post" className="flex flex-wrap items-end gap-2" noValidate>
            <input type="hidden" name="intent" value="create" />
            <FormField label="Team name" name="name" required maxLength={100} error={errorOf("create")} />
            <Button disabled={pending}>Create team</Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
