import { data } from "@remix-run/node";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import type { FormErrors } from "~/http/forms";
import { readForm } from "~/http/read-form.server";
import { redirectWithToast } from "~/http/toast.server";
import { BULK_ACTIONS, BulkInput, bulkSummary, bulkUserAction, selectedUsers, type BulkAction } from "./bulk.server";
import { createTenantUser } from "./create-user.server";
import { requireLiveTenant } from "./tenant-users.server";
import { UserError } from "./user-errors.server";

/**
 * The user list's forms: "New user", and the bulk actions on the rows ticked. A bulk action
 * takes two posts, so it works without JavaScript: the first answers a confirmation naming
 * the count and the users, the second (with `confirmed`) does it and says how many.
 */
export type BulkConfirmation = {
  action: BulkAction;
  verb: string;
  users: { id: string; email: string }[];
};

export type UserListActionResult =
  | { intent: "create-user"; ok: false; errors: FormErrors; values: { name: string; email: string } }
  | { intent: "bulk"; ok: false; errors: FormErrors }
  | { intent: "bulk"; ok: true; confirm: BulkConfirmation };

export async function handleUserListAction(access: ConsoleAccess, request: Request) {
  const live = await requireLiveTenant(access);
  const form = await readForm(request);
  const list = `/admin/${access.tenant.slug}/users${new URL(request.url).search.replace(/[?&]index(?=&|$)/, "")}`;
  switch (form.get("intent")) {
    case "create-user": {
      const result = await createTenantUser(access, request, live, form);
      if (!result.ok) return data<UserListActionResult>({ intent: "create-user", ...result }, { status: 400 });
      return redirectWithToast(`/admin/${access.tenant.slug}/users/${result.userId}`, {
        type: "success",
        message: `${result.email} was created.`,
      });
    }
    case "bulk": {
      const input = { action: String(form.get("bulkAction") ?? ""), userIds: form.getAll("userId").map(String) };
      const refused = (message: string) =>
        data<UserListActionResult>({ intent: "bulk", ok: false, errors: { form: message } }, { status: 400 });
      const parsed = BulkInput.safeParse(input);
      if (!parsed.success) return refused(parsed.error.issues[0]!.message);
      if (form.get("confirmed") !== "yes") {
        const users = await selectedUsers(live, parsed.data.userIds);
        if (users.length === 0) return refused("None of the selected users is in this tenant any more.");
        const { verb } = BULK_ACTIONS[parsed.data.action];
        return data<UserListActionResult>({
          intent: "bulk",
          ok: true,
          confirm: { action: parsed.data.action, verb, users },
        });
      }
      try {
        const { action, done } = await bulkUserAction(live, adminActor(access, request), input);
        return redirectWithToast(list, { type: "success", message: `${bulkSummary(action, done.length)}.` });
      } catch (error) {
        if (error instanceof UserError) return refused(error.message);
        throw error;
      }
    }
    default:
      return data<UserListActionResult>(
        { intent: "bulk", ok: false, errors: { form: "Unknown action." } },
        { status: 400 },
      );
  }
}
