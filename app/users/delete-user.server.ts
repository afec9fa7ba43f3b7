import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { deleteUserAsAdmin } from "~/privacy/delete.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import type { TenantUser } from "./tenant-users.server";

/** Deletes the user, their sessions and linked accounts, once the admin has typed their email. */
export async function deleteTenantUser(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
  form: FormData,
) {
  const confirm = String(form.get("confirm") ?? "").trim();
  if (confirm !== user.email)
    return { ok: false as const, errors: { confirm: `Type ${user.email} exactly to confirm.` } };
  await deleteUserAsAdmin(live, user, adminActor(access, request));
  return { ok: true as const, message: `${user.email} was deleted.` };
}
