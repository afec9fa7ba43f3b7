import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/select-field";
import { useTranslate } from "~/i18n/use-translate";
import type { AccountOrganizations } from "../organizations.server";
import { useRoleLabel } from "./role-label";

/**
 * The account page's organizations: the switcher (the session's active organization), the
 * user's memberships with their role, invitations waiting for them, and a link to create one.
 * Every form posts to the server, so it works without JavaScript.
 */
export function AccountOrganizationsSection({
  basePath,
  organizations,
}: {
  basePath: string;
  organizations: AccountOrganizations | null;
}) {
  const t = useTranslate();
  const roleLabel = useRoleLabel();
  if (!organizations) return null;
  const { memberships, invitations, activeOrganizationId, canCreate } = organizations;
  return (
    <section aria-labelledby="account-organizations" className="mt-8 border-t border-border pt-6">
      <h2 id="account-organizations" className="text-lg font-semibold">
        {t("organizations.account.title")}
      </h2>
      {memberships.length > 0 ? (
        // Keyed by the active organization so the select shows it again after a switch (it is uncontrolled).
        <Form
          key={activeOrganizationId ?? "none"}
          method="post"
          action={`${basePath}/organizations/switch`}
          className="mt-4 flex items-end gap-2"
        >
          <SelectField
            className="flex-1"
            label={t("organizations.account.active")}
            name="organizationId"
            defaultValue={activeOrganizationId ?? ""}
            options={[
              ...(activeOrganizationId ? [] : [{ value: "", label: t("organizations.account.noneActive") }]),
              ...memberships.map(({ id, name }) => ({ value: id, label: name })),
            ]}
          />
          <Button variant="secondary">{t("organizations.account.switch")}</Button>
        </Form>
      ) : (
        <p className="mt-2 text-sm text-muted">{t("organizations.account.none")}</p>
      )}
      {memberships.length > 0 ? (
        <ul className="mt-4 flex flex-col gap-2 text-sm" aria-label={t("organizations.account.listLabel")}>
          {memberships.map(({ id, name, role }) => (
            <li key={id} className="flex items-center justify-between gap-2">
              <Link
                to={`${basePath}/organizations/${id}`}
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                {name}
              </Link>
              <span className="text-muted">
                {roleLabel(role)}
                {id === activeOrganizationId ? ` · ${t("organizations.account.activeBadge")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {invitations.length > 0 ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t("organizations.account.invitations")}</h3>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {invitations.map(({ id, organization, role }) => (
              <li key={id}>
                <Link to={`${basePath}/invitations/${id}`} className="text-primary underline-offset-4 hover:underline">
                  {t("organizations.account.invitationLink", { organization, role: roleLabel(role) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canCreate ? (
        <Link
          to={`${basePath}/organizations/new`}
          className="mt-4 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("organizations.account.create")}
        </Link>
      ) : null}
    </section>
  );
}
