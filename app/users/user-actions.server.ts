import { data, redirect } from "@remix-run/node";
import type { ConsoleAccess } from "~/admin/access.server";
import { redirectWithToast } from "~/http/toast.server";
import { banUser, unbanUser } from "./bans.server";
import { deleteTenantUser } from "./delete-user.server";
import type { FormErrors } from "./forms.server";
import { startImpersonation } from "./impersonation.server";
import { sendPasswordReset } from "./password-reset.server";
import { revokeAllUserSessions, revokeUserSession } from "./sessions.server";
import { requireLiveTenant, requireTenantUser } from "./tenant-users.server";
import { readForm } from "~/http/read-form.server";

export type UserActionFailure = { intent: string; errors: FormErrors };

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
    case "delete": {
      const result = await deleteTenantUser(access, request, live, user, form);
      if (!result.ok) return refused(result.errors);
      return redirectWithToast(`/admin/${access.tenant.slug}/users`, { type: "success", message: result.message });
    }
    default:
      return refused({ form: "Unknown action." });
  }
}
