import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  redirectWithCookies,
  requireHostedUser,
  requireOrganizationsEnabled,
  requireTrustedFormPost,
} from "~/organizations/hosted-session.server";
import { loadInvitation, respondToInvitation } from "~/organizations/invitations.server";
import { InvitationPage } from "~/organizations/ui/invitation-page";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  const invitation = await loadInvitation(live, request, String(params.invitationId));
  const { signUp, authMethods } = live.tenant.config;
  return data(
    { basePath: live.basePath, invitation, signUpMode: signUp.mode, multiSession: authMethods.multiSession.enabled },
    { status: invitation.state === "unknown" ? 404 : 200 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  requireTrustedFormPost(live, request);
  await requireHostedUser(live, request);
  const result = await respondToInvitation(live, request, String(params.invitationId), await readForm(request));
  if (!result.ok) return data(result, { status: result.status });
  if (!result.accepted) throw redirect(`${live.basePath}/account`);
  const invitation = await loadInvitation(live, request, String(params.invitationId));
  const organizationId = invitation.state === "unknown" ? "" : invitation.organization.id;
  return redirectWithCookies(live, `${live.basePath}/organizations/${organizationId}`, result.setCookies);
}

export const meta: MetaFunction = () => [{ title: "Invitation" }];

export default function InvitationRoute() {
  return <InvitationPage {...useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
