import { data, redirect } from "@remix-run/node";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { readForm } from "~/http/read-form.server";
import { redirectWithToast } from "~/http/toast.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { banUser, unbanUser } from "./bans.server";
import { deleteTenantUser } from "./delete-user.server";
import type { FormErrors } from "./forms.server";
import { startImpersonation } from "./impersonation.server";
import { sendPasswordReset } from "./password-reset.server";
import { revokeAllUserSessions, revokeUserSession } from "./sessions.server";
import { markEmailVerified, updateUserProfile } from "./profile.server";
import { changedFields, formErrorsOf, readProfileForm, type ProfileFormValues } from "./profile-form.server";
import { removePasskeys, resetTwoFactor } from "./security-reset.server";
import { requireLiveTenant, requireTenantUser, type TenantUser } from "./tenant-users.server";
import { UserError } from "./user-errors.server";

export type UserActionFailure = { intent: string; errors: FormErrors; values?: ProfileFormValues };

const sessionsEnded = (count: number) => (count === 1 ? "1 session was ended" : `${count} sessions were ended`);

/** Runs one intent through its capability; a refusal becomes the form's errors, a missing user a 404. */
async function guarded(intent: string, run: () => Promise<Response>, values?: ProfileFormValues) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.code === "not_found") throw new Response(error.message, { status: 404 });
    return data<UserActionFailure>(
      { intent, errors: formErrorsOf(error), values },
      { status: error.code === "invalid_input" ? 400 : 409 },
    );
  }
}

async function updateProfileAction(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
  form: FormData,
) {
  const here = `/admin/${access.tenant.slug}/users/${user.id}`;
  const { values, changes, errors } = readProfileForm(form);
  if (!changes)
    return data<UserActionFailure>({ intent: "update-profile", errors: errors ?? {}, values }, { status: 400 });
  const changed = changedFields(user, changes);
  if (Object.keys(changed).length === 0)
    return redirectWithToast(here, { type: "success", message: "Nothing changed." });
  return guarded(
    "update-profile",
    async () => {
      await updateUserProfile(live, adminActor(access, request), { userId: user.id, changes: changed });
      const note = changed.email && changed.emailVerified !== true ? " The new email address is unverified." : "";
      return redirectWithToast(here, { type: "success", message: `Profile saved.${note}` });
    },
    values,
  );
}

/**
 * The user detail page's forms, dispatched on their `intent`. The caller has already checked
 * the admin role; the user (and any session id) must belong to this tenant, else 404.
 */
export async function handleUserAction(access: ConsoleAccess, request: Request, userId: string | undefined) {
  const live = await requireLiveTenant(access);
  const user = await requireTenantUser(live, userId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const here = `/admin/${access.tenant.slug}/users/${user.id}`;
  const refused = (errors: FormErrors) => data<UserActionFailure>({ intent, errors }, { status: 400 });

  switch (intent) {
    case "ban": {
      const result = await banUser(access, request, live, user, form);
      return result.ok ? redirectWithToast(here, { type: "success", message: result.message }) : refused(result.errors);
    }
    case "unban":
      return redirectWithToast(here, {
        type: "success",
        message: (await unbanUser(access, request, live, user)).message,
      });
    case "revoke-session": {
      const result = await revokeUserSession(access, request, live, user, String(form.get("sessionId") ?? ""));
      return redirectWithToast(here, { type: "success", message: result.message });
    }
    case "revoke-all-sessions": {
      const result = await revokeAllUserSessions(access, request, live, user);
      return redirectWithToast(here, { type: "success", message: result.message });
    }
    case "send-password-reset": {
      const result = await sendPasswordReset(access, request, live, user);
      return redirectWithToast(here, { type: "success", message: result.message });
    }
    case "impersonate": {
      const result = await startImpersonation(access, request, live, user);
      if (!result.ok) return refused({ impersonate: result.message });
      const headers = new Headers();
      for (const cookie of result.setCookies) headers.append("Set-Cookie", cookie);
      return redirect(`/t/${access.tenant.slug}/account`, { headers });
    }
    case "update-profile":
      return updateProfileAction(access, request, live, user, form);
    case "verify-email":
      return guarded(intent, async () => {
        await markEmailVerified(live, adminActor(access, request), { userId: user.id });
        return redirectWithToast(here, { type: "success", message: `${user.email} is marked as verified.` });
      });
    case "reset-two-factor":
      return guarded(intent, async () => {
        const result = await resetTwoFactor(live, adminActor(access, request), { userId: user.id });
        return redirectWithToast(here, {
          type: "success",
          message: `Two-factor was reset for ${user.email}; ${sessionsEnded(result.sessionsRevoked)}.`,
        });
      });
    case "remove-passkeys":
      return guarded(intent, async () => {
        const passkeyId = form.get("passkeyId") ? String(form.get("passkeyId")) : undefined;
        const result = await removePasskeys(live, adminActor(access, request), { userId: user.id, passkeyId });
        const what = result.removed === 1 ? "1 passkey" : `${result.removed} passkeys`;
        return redirectWithToast(here, {
          type: "success",
          message: `Removed ${what} of ${user.email}; ${sessionsEnded(result.sessionsRevoked)}.`,
        });
      });
    case "delete": {
      const result = await deleteTenantUser(access, request, live, user, form);
      if (!result.ok) return refused(result.errors);
      return redirectWithToast(`/admin/${access.tenant.slug}/users`, { type: "success", message: result.message });
    }
    default:
      return refused({ form: "Unknown action." });
  }
}
