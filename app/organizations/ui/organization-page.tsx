import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { SelectField } from "~/components/ui/select-field";
import { translateMessage, type Message } from "~/i18n/message";
import type { MessageKey } from "~/i18n/messages";
import { useTranslate } from "~/i18n/use-translate";
import type { loadOrganizationPage } from "../organization-page.server";
import { useRoleLabel } from "./role-label";

type PageData = Awaited<ReturnType<typeof loadOrganizationPage>> & { basePath: string };
type ActionResult =
  | { ok: true; intent: string; notice: Message }
  | { ok: false; intent: string; errors: Partial<Record<string, Message>>; values?: Record<string, string> };

/**
 * One organization on the hosted pages: members and roles, invitations, custom roles and teams.
 * Controls the member's role does not allow are not shown (better-auth refuses them anyway).
 */
export function OrganizationPage({ page, result }: { page: PageData; result: ActionResult | undefined }) {
  const t = useTranslate();
  const { basePath, organization, permissions, isActive } = page;
  const action = `${basePath}/organizations/${organization.id}`;
  const errorsFor = (intent: string) => (result && !result.ok && result.intent === intent ? result.errors : {});
  // A refusal for a form this member's page does not show (posted anyway) is shown at the top.
  const needed = result && !result.ok ? FORM_PERMISSION[result.intent] : undefined;
  const hiddenFormRefusal =
    result && !result.ok && needed && !permissions[needed] ? firstError(result.errors) : undefined;
  return (
    <>
      <p className="text-sm">
        <Link to={`${basePath}/account`} className="text-primary underline-offset-4 hover:underline">
          {t("organizations.backToAccount")}
        </Link>
      </p>
      <h1 className="mt-2 text-xl font-semibold">{organization.name}</h1>
      <p className="mt-1 text-sm text-muted">{organization.slug}</p>
      {isActive ? (
        <p className="mt-2 text-sm font-medium">{t("organizations.page.isActive")}</p>
      ) : (
        <Form method="post" action={`${basePath}/organizations/switch`} className="mt-3">
          <input type="hidden" name="organizationId" value={organization.id} />
          <Button variant="secondary">{t("organizations.page.makeActive")}</Button>
        </Form>
      )}
      <div className="mt-4">
        <FormError message={translateMessage(t, hiddenFormRefusal)} />
      </div>
      {result?.ok ? (
        <p role="status" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
          {translateMessage(t, result.notice)}
        </p>
      ) : null}
      <Members page={page} action={action} errors={errorsFor} />
      {permissions.invite ? <Invitations page={page} action={action} result={result} /> : null}
      <Roles page={page} action={action} result={result} />
      {page.teams ? <Teams page={page} action={action} result={result} /> : null}
    </>
  );
}

/** The permission each form needs; a form whose permission is missing is not on the page. */
const FORM_PERMISSION: Partial<Record<string, keyof PageData["permissions"]>> = {
  invite: "invite",
  "cancel-invitation": "cancelInvitation",
  "update-role": "updateMember",
  "remove-member": "removeMember",
  "create-role": "createRole",
  "delete-role": "deleteRole",
  "create-team": "createTeam",
  "remove-team": "deleteTeam",
};

function firstError(errors: Partial<Record<string, Message>>): Message | undefined {
  return Object.values(errors).find(Boolean);
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8 border-t border-border pt-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function IntentInput({ intent }: { intent: string }) {
  return <input type="hidden" name="intent" value={intent} />;
}

function Members({
  page,
  action,
  errors,
}: {
  page: PageData;
  action: string;
  errors: (intent: string) => Partial<Record<string, Message>>;
}) {
  const t = useTranslate();
  const roleLabel = useRoleLabel();
  const { permissions, members, roleNames } = page;
  const failure = errors("update-role").form ?? errors("update-role").role ?? errors("remove-member").form;
  const leaveError = errors("leave").form;
  return (
    <Section id="org-members" title={t("organizations.members.title")}>
      <FormError message={translateMessage(t, failure)} />
      <ul className="mt-3 flex flex-col gap-4 text-sm">
        {members.map((member) => (
          <li key={member.id} className="flex flex-col gap-2" data-testid="org-member">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span>
                <span className="font-medium">{member.name}</span> <span className="text-muted">{member.email}</span>
              </span>
              <span data-testid="org-member-role">{roleLabel(member.role)}</span>
            </div>
            {!member.isMe && permissions.updateMember ? (
              <Form method="post" action={action} className="flex items-end gap-2">
                <IntentInput intent="update-role" />
                <input type="hidden" name="memberId" value={member.id} />
                <SelectField
                  className="flex-1"
                  label={t("organizations.members.roleFor", { email: member.email })}
                  name="role"
                  defaultValue={member.role}
                  options={roleNames.map((role) => ({ value: role, label: roleLabel(role) }))}
                />
                <Button variant="secondary">{t("organizations.members.changeRole")}</Button>
              </Form>
            ) : null}
            {!member.isMe && permissions.removeMember ? (
              <Form method="post" action={action}>
                <IntentInput intent="remove-member" />
                <input type="hidden" name="memberId" value={member.id} />
                <Button variant="danger" aria-label={t("organizations.members.removeNamed", { email: member.email })}>
                  {t("organizations.members.remove")}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {page.canLeave ? (
        <Form method="post" action={action} className="mt-4 flex flex-col gap-2">
          <IntentInput intent="leave" />
          <FormError message={translateMessage(t, leaveError)} />
          <Button variant="secondary">{t("organizations.members.leave")}</Button>
        </Form>
      ) : null}
    </Section>
  );
}

function Invitations({ page, action, result }: { page: PageData; action: string; result: ActionResult | undefined }) {
  const t = useTranslate();
  const roleLabel = useRoleLabel();
  const failed = result && !result.ok ? result : undefined;
  const errors = failed?.intent === "invite" ? failed.errors : {};
  const cancelError = failed?.intent === "cancel-invitation" ? failed.errors.form : undefined;
  // A successful invitation empties the form for the next one.
  const formKey = result?.ok && result.intent === "invite" ? `sent-${page.invitations.length}` : "invite";
  return (
    <Section id="org-invitations" title={t("organizations.invitations.title")}>
      <Form key={formKey} method="post" action={action} className="mt-3 flex flex-col gap-3" noValidate>
        <IntentInput intent="invite" />
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={t("organizations.invitations.email")}
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={failed?.intent === "invite" ? failed.values?.email : undefined}
          error={translateMessage(t, errors.email)}
        />
        <SelectField
          label={t("organizations.invitations.role")}
          name="role"
          defaultValue="member"
          error={translateMessage(t, errors.role)}
          options={page.roleNames.map((role) => ({ value: role, label: roleLabel(role) }))}
        />
        <Button>{t("organizations.invitations.send")}</Button>
      </Form>
      <h3 className="mt-5 text-sm font-semibold">{t("organizations.invitations.pending")}</h3>
      <FormError message={translateMessage(t, cancelError)} />
      {page.invitations.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t("organizations.invitations.none")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2 text-sm">
          {page.invitations.map((invitation) => (
            <li key={invitation.id} className="flex items-center justify-between gap-2" data-testid="org-invitation">
              <span>
                {invitation.email} <span className="text-muted">({roleLabel(invitation.role)})</span>
              </span>
              {page.permissions.cancelInvitation ? (
                <Form method="post" action={action}>
                  <IntentInput intent="cancel-invitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <Button
                    variant="secondary"
                    aria-label={t("organizations.invitations.cancelNamed", { email: invitation.email })}
                  >
                    {t("organizations.invitations.cancel")}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Roles({ page, action, result }: { page: PageData; action: string; result: ActionResult | undefined }) {
  const t = useTranslate();
  const failed = result && !result.ok ? result : undefined;
  const errors = failed?.intent === "create-role" ? failed.errors : {};
  const deleteError = failed?.intent === "delete-role" ? failed.errors.form : undefined;
  const { customRoles, permissions } = page;
  if (customRoles.length === 0 && !permissions.createRole) return null;
  const formKey = result?.ok && result.intent === "create-role" ? `created-${customRoles.length}` : "create-role";
  return (
    <Section id="org-roles" title={t("organizations.roles.title")}>
      <FormError message={translateMessage(t, deleteError)} />
      {customRoles.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("organizations.roles.none")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3 text-sm">
          {customRoles.map((role) => (
            <li key={role.id} className="flex items-start justify-between gap-2">
              <span>
                <span className="font-medium">{role.role}</span>
                <span className="block text-muted">
                  {role.permissions.map((name) => t(permissionKey(name))).join(", ")}
                </span>
              </span>
              {permissions.deleteRole ? (
                <Form method="post" action={action}>
                  <IntentInput intent="delete-role" />
                  <input type="hidden" name="roleId" value={role.id} />
                  <Button variant="secondary" aria-label={t("organizations.roles.deleteNamed", { role: role.role })}>
                    {t("organizations.roles.delete")}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {permissions.createRole ? (
        <Form key={formKey} method="post" action={action} className="mt-4 flex flex-col gap-3" noValidate>
          <IntentInput intent="create-role" />
          <h3 className="text-sm font-semibold">{t("organizations.roles.create")}</h3>
          <FormError message={translateMessage(t, errors.form)} />
          <FormField
            label={t("organizations.roles.name")}
            name="roleName"
            required
            maxLength={40}
            hint={t("organizations.roles.nameHint")}
            defaultValue={failed?.intent === "create-role" ? failed.values?.roleName : undefined}
            error={translateMessage(t, errors.roleName)}
          />
          <fieldset
            className="flex flex-col gap-1.5"
            aria-describedby={errors.permissions ? "role-permissions-error" : undefined}
          >
            <legend className="text-sm font-medium">{t("organizations.roles.permissions")}</legend>
            {page.grantablePermissions.map((name) => (
              <CheckboxField key={name} name="permission" value={name} label={t(permissionKey(name))} />
            ))}
            {errors.permissions ? (
              <p id="role-permissions-error" className="text-sm font-medium text-danger" aria-live="polite">
                {translateMessage(t, errors.permissions)}
              </p>
            ) : null}
          </fieldset>
          <Button>{t("organizations.roles.submit")}</Button>
        </Form>
      ) : null}
    </Section>
  );
}

function permissionKey(name: string): MessageKey {
  return `organizations.permission.${name.replace(":", ".")}` as MessageKey;
}

function Teams({ page, action, result }: { page: PageData; action: string; result: ActionResult | undefined }) {
  const t = useTranslate();
  const failed = result && !result.ok ? result : undefined;
  const errors = failed?.intent === "create-team" ? failed.errors : {};
  const removeError = failed?.intent === "remove-team" ? failed.errors.form : undefined;
  const teams = page.teams ?? [];
  const formKey = result?.ok && result.intent === "create-team" ? `created-${teams.length}` : "create-team";
  return (
    <Section id="org-teams" title={t("organizations.teams.title")}>
      <FormError message={translateMessage(t, removeError)} />
      {teams.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("organizations.teams.none")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2 text-sm">
          {teams.map((team) => (
            <li key={team.id} className="flex items-center justify-between gap-2">
              <span>
                <span className="font-medium">{team.name}</span>{" "}
                <span className="text-muted">{t("organizations.teams.members", { count: team.memberCount })}</span>
              </span>
              {page.permissions.deleteTeam ? (
                <Form method="post" action={action}>
                  <IntentInput intent="remove-team" />
                  <input type="hidden" name="teamId" value={team.id} />
                  <Button variant="secondary" aria-label={t("organizations.teams.removeNamed", { name: team.name })}>
                    {t("organizations.teams.remove")}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page.permissions.createTeam ? (
        <Form key={formKey} method="post" action={action} className="mt-4 flex flex-col gap-3" noValidate>
          <IntentInput intent="create-team" />
          <FormError message={translateMessage(t, errors.form)} />
          <FormField
            label={t("organizations.teams.name")}
            name="teamName"
            required
            maxLength={100}
            defaultValue={failed?.intent === "create-team" ? failed.values?.teamName : undefined}
            error={translateMessage(t, errors.teamName)}
          />
          <Button>{t("organizations.teams.create")}</Button>
        </Form>
      ) : null}
    </Section>
  );
}
