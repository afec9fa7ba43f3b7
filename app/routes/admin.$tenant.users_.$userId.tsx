import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { TypedConfirmForm } from "~/components/ui/confirm-form";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { BAN_DURATIONS } from "~/users/bans.server";
import { consoleTime } from "~/components/console-time";
import { IMPERSONATION_SECONDS } from "~/users/impersonation.server";
import { getUserDetail, requireLiveTenant } from "~/users/tenant-users.server";
import { handleUserAction } from "~/users/user-actions.server";
import { ProfileEditor, SecondFactors } from "~/users/ui/user-edit";
import { parseMetadata } from "~/users/user-input";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const live = await requireLiveTenant(access);
  const { user, accounts, sessions, passkeys } = await getUserDetail(live, params.userId);
  const { publicMetadata, privateMetadata, ...profile } = user;
  return {
    slug: access.tenant.slug,
    canEdit: roleAtLeast(access.role, "admin"),
    user: {
      ...profile,
      publicMetadata: metadataText(publicMetadata),
      privateMetadata: metadataText(privateMetadata),
      created: consoleTime(user.createdAt),
      updated: consoleTime(user.updatedAt),
      banUntil: user.banned && user.banExpires ? consoleTime(user.banExpires) : null,
    },
    passkeys: passkeys.map(({ createdAt, ...passkey }) => ({
      ...passkey,
      added: createdAt ? consoleTime(createdAt) : null,
    })),
    accounts: accounts.map((account) => ({ ...account, linked: consoleTime(account.createdAt) })),
    sessions: sessions.map((session) => ({
      ...session,
      created: consoleTime(session.createdAt),
      expires: consoleTime(session.expiresAt),
    })),
    banDurations: Object.entries(BAN_DURATIONS).map(([value, { label }]) => ({ value, label })),
    impersonationMinutes: IMPERSONATION_SECONDS / 60,
  };
}

/** Stored metadata as the editor shows it: indented JSON, an empty object when there is none. */
function metadataText(stored: string | null): string {
  return JSON.stringify(parseMetadata(stored), null, 2);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return handleUserAction(access, request, params.userId);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.email ?? "User"} – Console` }];

export default function UserDetailPage() {
  const { slug, canEdit, user, accounts, sessions, passkeys, banDurations, impersonationMinutes } =
    useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errorFor = (intent: string, field: string) => (failure?.intent === intent ? failure.errors[field] : undefined);
  return (
    <>
      <Link to={`/admin/${slug}/users`} className="mb-3 inline-block text-sm text-primary hover:underline">
        ← All users
      </Link>
      <PageHeader
        title={user.name}
        description={user.email}
        actions={user.banned ? <Badge tone="danger">Banned</Badge> : <Badge tone="success">Active</Badge>}
      />
      {failure?.intent && failure.intent !== "update-profile" && failure.errors.form ? (
        <p role="alert" className="mb-4 text-sm font-medium text-danger">
          {failure.errors.form}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Profile">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <Fact label="User id">
              <code className="font-mono text-xs break-all">{user.id}</code>
            </Fact>
            <Fact label="Email">
              {user.email} {user.emailVerified ? <Badge tone="success">Verified</Badge> : <Badge>Unverified</Badge>}
              {canEdit && !user.emailVerified ? (
                <IntentForm intent="verify-email" className="mt-1">
                  <Button variant="secondary">Mark email verified</Button>
                </IntentForm>
              ) : null}
            </Fact>
            <Fact label="Created">{user.created}</Fact>
            <Fact label="Updated">{user.updated}</Fact>
          </dl>
        </Card>
        <Card title="Linked accounts">
          {accounts.length === 0 ? (
            <EmptyState title="No linked accounts">This user has no password and no social sign-in.</EmptyState>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {accounts.map((account) => (
                <li key={account.id} className="flex flex-wrap items-center justify-between gap-2">
                  <Badge>{account.providerId === "credential" ? "Email and password" : account.providerId}</Badge>
                  <span className="text-muted">linked {account.linked}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <section className="mt-6">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">Active sessions</h2>
          {canEdit && sessions.length > 0 ? (
            <IntentForm intent="revoke-all-sessions">
              <Button variant="secondary">Revoke all sessions</Button>
            </IntentForm>
          ) : null}
        </div>
        {sessions.length === 0 ? (
          <EmptyState title="No active sessions">This user is signed out everywhere.</EmptyState>
        ) : (
          <Table label="Active sessions">
            <thead>
              <tr>
                <th scope="col">IP address</th>
                <th scope="col">Device</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td className="font-mono text-xs">
                    {session.ipAddress || "—"} {session.impersonated ? <Badge tone="danger">Impersonated</Badge> : null}
                  </td>
                  <td className="max-w-64 truncate text-xs text-muted" title={session.userAgent ?? undefined}>
                    {session.device ?? (session.userAgent ? "Unknown device" : "—")}
                  </td>
                  <td className="whitespace-nowrap">{session.created}</td>
                  <td className="whitespace-nowrap">{session.expires}</td>
                  {canEdit ? (
                    <td>
                      <IntentForm intent="revoke-session">
                        <input type="hidden" name="sessionId" value={session.id} />
                        <Button variant="secondary" aria-label={`Revoke session created ${session.created}`}>
                          Revoke
                        </Button>
                      </IntentForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      {canEdit ? (
        <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
          <ProfileEditor
            user={user}
            errors={failure?.intent === "update-profile" ? failure.errors : {}}
            sent={failure?.intent === "update-profile" ? failure.values : undefined}
          />
          <SecondFactors email={user.email} twoFactorEnabled={user.twoFactorEnabled} passkeys={passkeys} />
          <Card title={user.banned ? "Banned" : "Ban"}>
            {user.banned ? (
              <>
                <p className="text-sm">
                  {user.banUntil ? `Banned until ${user.banUntil}.` : "Banned until unbanned."}{" "}
                  {user.banReason ? `Reason: ${user.banReason}` : "No reason given."}
                </p>
                <IntentForm intent="unban" className="mt-4">
                  <Button variant="secondary">Unban user</Button>
                </IntentForm>
              </>
            ) : (
              <IntentForm intent="ban" className="flex flex-col gap-4">
                <p className="text-sm text-muted">
                  A banned user cannot sign in and sees the reason. Banning signs them out everywhere.
                </p>
                <FormField
                  label="Reason"
                  name="reason"
                  maxLength={500}
                  error={errorFor("ban", "reason")}
                  hint="Shown to the user."
                />
                <SelectField
                  label="Duration"
                  name="duration"
                  options={banDurations}
                  error={errorFor("ban", "duration")}
                />
                <div>
                  <Button variant="danger">Ban user</Button>
                </div>
              </IntentForm>
            )}
          </Card>
          <Card title="Password and access">
            <IntentForm intent="send-password-reset">
              <p className="mb-3 text-sm text-muted">Emails {user.email} a link to choose a new password.</p>
              <Button variant="secondary">Send password reset</Button>
            </IntentForm>
            <IntentForm intent="impersonate" className="mt-6 border-t border-border pt-4">
              <p className="mb-3 text-sm text-muted">
                Opens the tenant&apos;s account page signed in as this user, for {impersonationMinutes} minutes. The
                session is marked as an impersonation and recorded in the audit log.
              </p>
              {errorFor("impersonate", "impersonate") ? (
                <p role="alert" className="mb-3 text-sm font-medium text-danger">
                  {errorFor("impersonate", "impersonate")}
                </p>
              ) : null}
              <Button variant="secondary">Impersonate user</Button>
            </IntentForm>
          </Card>
          <Card title="Personal data">
            <p className="mb-3 text-sm text-muted">
              Everything Portico holds about this user, as JSON, for a data access request: profile, sign-in methods,
              sessions, organizations, passkeys, audit entries and messages sent to them. No passwords or secrets.
            </p>
            <a
              href={`/admin/${slug}/users/${user.id}/export`}
              download
              className="inline-flex items-center rounded-theme border border-border px-3 py-2 text-sm font-medium hover:bg-card"
            >
              Download data (JSON)
            </a>
          </Card>
          <Card title="Delete user" className="border-danger">
            <p className="mb-3 text-sm text-muted">
              Deletes the user, their sessions, sign-in methods, passkeys, two-factor settings and organization
              memberships. This cannot be undone; audit entries about them stay until the audit retention removes them.
            </p>
            <TypedConfirmForm
              intent="delete"
              confirmText={user.email}
              label="To confirm, type"
              buttonLabel="Delete user"
              error={errorFor("delete", "confirm")}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function IntentForm({ intent, className, children }: { intent: string; className?: string; children: ReactNode }) {
  const busy = useNavigation().formData?.get("intent") === intent;
  return (
    <Form method="post" className={className} aria-busy={busy || undefined}>
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
