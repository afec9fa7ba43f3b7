import { getSignedInUser } from "~/auth/hosted-forms.server";
import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import { message } from "~/i18n/message";
import type { TenantRequestContext } from "~/tenancy/request.server";
import { orgFailure, type OrgFailure } from "./auth-errors.server";

/**
 * The page an invitation email links to. The invitation id is the secret in the link; the page
 * says what it is for and lets the invited person (signed in with the invited email) accept or
 * decline it, or sign in or sign up first and come back.
 */
export type InvitationView =
  | { state: "unknown" }
  | {
      state: "pending" | "expired" | "accepted" | "rejected" | "canceled";
      id: string;
      email: string;
      role: string;
      organization: { id: string; name: string };
      inviter: string;
      /** Who is signed in, and whether that is the invited address. */
      viewer: { email: string; isInvitee: boolean } | null;
      /** Whether the invited address already has an account (sign in rather than sign up). */
      hasAccount: boolean;
    };

export async function loadInvitation(
  live: TenantRequestContext,
  request: Request,
  id: string,
): Promise<InvitationView> {
  const invitation = await live.db.invitation.findUnique({
    where: { id: id.slice(0, 100) },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      organization: { select: { id: true, name: true } },
      inviter: { select: { name: true } },
    },
  });
  if (!invitation) return { state: "unknown" };
  const [signedIn, account] = await Promise.all([
    getSignedInUser(live, request),
    live.db.user.findUnique({ where: { email: invitation.email.toLowerCase() }, select: { id: true } }),
  ]);
  const status = invitation.status as "pending" | "accepted" | "rejected" | "canceled";
  const state = status === "pending" && invitation.expiresAt <= new Date() ? "expired" : status;
  return {
    state,
    id: invitation.id,
    email: invitation.email,
    role: invitation.role ?? "member",
    organization: invitation.organization,
    inviter: invitation.inviter.name,
    viewer: signedIn
      ? {
          email: signedIn.user.email,
          isInvitee: signedIn.user.email.toLowerCase() === invitation.email.toLowerCase(),
        }
      : null,
    hasAccount: account !== null,
  };
}

/** Accepts or declines the invitation as the signed-in user (better-auth checks they are its recipient). */
export async function respondToInvitation(
  live: TenantRequestContext,
  request: Request,
  invitationId: string,
  form: FormData,
): Promise<{ ok: true; accepted: boolean; setCookies: string[] } | OrgFailure> {
  const intent = form.get("intent");
  if (intent !== "accept" && intent !== "decline")
    return { ok: false, status: 400, errors: { form: message("errors.generic") } };
  const endpoint = intent === "accept" ? "/organization/accept-invitation" : "/organization/reject-invitation";
  const response = await callTenantAuth(live, request, endpoint, { invitationId: invitationId.slice(0, 100) });
  if (!response.ok) return orgFailure(response);
  return { ok: true, accepted: intent === "accept", setCookies: response.headers.getSetCookie() };
}
