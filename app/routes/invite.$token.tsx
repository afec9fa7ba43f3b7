import type { ReactNode } from "react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getInvitations, InvitationError, type InvitationLookup } from "~/admin/invitations.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/form-field";
import { AuthShell } from "~/components/ui/auth-shell";
import { Button } from "~/components/ui/button";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { getPlatformUser, requirePlatformUser } from "~/platform/session.server";

const STATUS_CODES = { unknown: 404, used: 410, expired: 410, valid: 200 } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, user] = await Promise.all([getInvitations().lookup(params.token ?? ""), getPlatformUser(request)]);
  const path = new URL(request.url).pathname;
  return data(
    {
      invitation,
      signedInAs: user?.email ?? null,
      verified: user?.emailVerified ?? false,
      path,
      appName: getPortico().env.appName,
    },
    { status: STATUS_CODES[invitation.status] },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePlatformUser(request);
  try {
    const { tenant, role } = await getInvitations().accept(params.token ?? "", user);
    await getPortico().audit.record({
      tenantId: tenant.id,
      type: "admin.member.joined",
      actor: { type: "platform_user", id: user.id, label: user.email },
      target: { type: "platform_user", id: user.id, label: user.email },
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
      userAgent: request.headers.get("user-agent"),
      data: { role },
    });
    return redirectWithToast(`/admin/${tenant.slug}`, {
      type: "success",
      message: `You joined ${tenant.name} as ${role}.`,
    });
  } catch (error) {
    if (error instanceof InvitationError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Invitation – ${data?.appName ?? ""} Console` },
];

/** Where an invitation link lands: accept it, or learn why it no longer works and what to do. */
export default function Invitation() {
  const { invitation, signedInAs, verified, path, appName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <AuthShell appName={appName}>
      <InvitationState invitation={invitation} signedInAs={signedInAs} verified={verified} path={path} />
      {result ? (
        <div className="mt-4">
          <FormError message={result.error} />
        </div>
      ) : null}
    </AuthShell>
  );
}

function InvitationState({
  invitation,
  signedInAs,
  verified,
  path,
}: {
  invitation: InvitationLookup;
  signedInAs: string | null;
  verified: boolean;
  path: string;
}) {
  if (invitation.status === "unknown")
    return (
      <Explanation title="This invitation link does not work">
        It may have been revoked, replaced by a newer invitation, or copied incompletely. Ask an owner of the tenant to
        invite you again.
      </Explanation>
    );
  const { tenant, email, role } = invitation;
  if (invitation.status === "used")
    return (
      <Explanation title="This invitation was already used">
        Each invitation link works once. If you accepted it, {tenant.name} is in{" "}
        <Link to="/admin" className="text-primary underline">
          your tenants
        </Link>
        . Otherwise ask an owner of {tenant.name} to invite you again.
      </Explanation>
    );
  if (invitation.status === "expired")
    return (
      <Explanation title="This invitation has expired">
        Invitation links work for 7 days. Ask an owner of {tenant.name} to send you a new one.
      </Explanation>
    );
  const redirect = `?redirectTo=${encodeURIComponent(path)}`;
  return (
    <>
      <h1 className="text-xl font-semibold">Join {tenant.name}</h1>
      <p className="mt-2 text-sm text-muted">
        You are invited to administer <strong className="text-foreground">{tenant.name}</strong> as{" "}
        <strong className="text-foreground">{role}</strong>. The invitation is for {email}.
      </p>
      {signedInAs === null ? (
        <div className="mt-6 flex flex-col gap-3">
          <p className="text-sm">Sign in, or create an account with {email}, to accept it.</p>
          <Link
            to={`/sign-in${redirect}`}
            className="rounded-theme bg-primary px-4 py-2.5 text-center font-semibold text-primary-foreground"
          >
            Sign in to accept
          </Link>
          <Link
            to={`/sign-up${redirect}&email=${encodeURIComponent(email)}`}
            className="rounded-theme border border-border px-4 py-2.5 text-center font-semibold"
          >
            Create an account
          </Link>
        </div>
      ) : signedInAs !== email ? (
        <div className="mt-6 flex flex-col gap-3">
          <p role="alert" className="text-sm">
            You are signed in as <strong>{signedInAs}</strong>, but this invitation is for <strong>{email}</strong>.
            Sign out, then sign in or create an account with {email}.
          </p>
          <Form method="post" action="/sign-out">
            <input type="hidden" name="redirectTo" value={path} />
            <Button variant="secondary" className="w-full">
              Sign out and switch account
            </Button>
          </Form>
        </div>
      ) : !verified ? (
        <div className="mt-6 flex flex-col gap-3">
          <p role="alert" className="text-sm">
            Confirm that {email} is yours first: open the link in the confirmation email we sent you, then come back to
            this invitation.
          </p>
          <Link
            to={`/verify-email${redirect}`}
            className="rounded-theme border border-border px-4 py-2.5 text-center font-semibold"
          >
            Confirm your email
          </Link>
        </div>
      ) : (
        <Form method="post" className="mt-6">
          <Button className="w-full">Accept and join {tenant.name}</Button>
        </Form>
      )}
    </>
  );
}

function Explanation({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-muted">{children}</p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
