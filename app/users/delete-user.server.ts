import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
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
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.deleteUser(user.id);
  await getPortico().audit.record({
    ...adminActor(access, request),
    type: "admin.user.deleted",
    target: { type: "user", id: user.id, label: user.email },
  });
  return { ok: true as const, message: `${user.email} was deleted.` };
}
