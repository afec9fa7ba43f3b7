import { message, type Message } from "~/i18n/message";
import type { MessageKey } from "~/i18n/messages";

/** Messages by form field; "form" holds what belongs to no one field. */
export type OrgFieldErrors = Partial<Record<string, Message>>;
export type OrgFailure = { ok: false; status: number; errors: OrgFieldErrors };

/** better-auth's organization error codes → the field they concern and what the user reads. */
const BY_CODE: Readonly<Record<string, { field: string; key: MessageKey }>> = {
  ORGANIZATION_SLUG_ALREADY_TAKEN: { field: "slug", key: "organizations.error.slugTaken" },
  ORGANIZATION_ALREADY_EXISTS: { field: "slug", key: "organizations.error.slugTaken" },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION: { field: "form", key: "organizations.error.createNotAllowed" },
  YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS: { field: "form", key: "organizations.error.organizationLimit" },
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION: {
    field: "form",
    key: "organizations.error.inviteNotAllowed",
  },
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE: { field: "role", key: "organizations.error.roleNotAllowed" },
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: { field: "email", key: "organizations.error.alreadyMember" },
  USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION: { field: "email", key: "organizations.error.alreadyInvited" },
  ORGANIZATION_MEMBERSHIP_LIMIT_REACHED: { field: "form", key: "organizations.error.membershipLimit" },
  INVITATION_LIMIT_REACHED: { field: "form", key: "organizations.error.invitationLimit" },
  YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION: { field: "form", key: "organizations.error.cancelNotAllowed" },
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER: { field: "form", key: "organizations.error.updateMemberNotAllowed" },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER: { field: "form", key: "organizations.error.removeMemberNotAllowed" },
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER: { field: "form", key: "organizations.error.lastOwner" },
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: { field: "form", key: "organizations.error.lastOwner" },
  ROLE_NOT_FOUND: { field: "role", key: "organizations.error.roleNotFound" },
  ROLE_NAME_IS_ALREADY_TAKEN: { field: "roleName", key: "organizations.error.roleTaken" },
  ROLE_IS_ASSIGNED_TO_MEMBERS: { field: "form", key: "organizations.error.roleInUse" },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE: { field: "form", key: "organizations.error.rolesNotAllowed" },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE: { field: "form", key: "organizations.error.rolesNotAllowed" },
  TEAM_ALREADY_EXISTS: { field: "teamName", key: "organizations.error.teamTaken" },
  YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS: { field: "form", key: "organizations.error.teamLimit" },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION: {
    field: "form",
    key: "organizations.error.teamsNotAllowed",
  },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION: {
    field: "form",
    key: "organizations.error.teamsNotAllowed",
  },
  UNABLE_TO_REMOVE_LAST_TEAM: { field: "form", key: "organizations.error.lastTeam" },
  INVITATION_NOT_FOUND: { field: "form", key: "organizations.error.invitationGone" },
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: { field: "form", key: "organizations.error.notRecipient" },
};

/**
 * A failed call to the tenant's organization endpoints as a form failure: the status kept for
 * refusals (403) and rate limits (429), 400 for the rest, and a message on the right field.
 */
export async function orgFailure(response: Response): Promise<OrgFailure> {
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  if (response.status === 429) return { ok: false, status: 429, errors: { form: message("authErrors.tooManyAttempts") } };
  const status = response.status === 403 || response.status === 401 ? 403 : 400;
  const known = body.code ? BY_CODE[body.code] : undefined;
  if (known) return { ok: false, status, errors: { [known.field]: message(known.key) } };
  if (status === 403) return { ok: false, status, errors: { form: message("organizations.error.notAllowed") } };
  return { ok: false, status, errors: { form: message("errors.generic") } };
}
