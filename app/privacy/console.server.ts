import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { buildUserExport, exportResponse } from "./export.server";

/** The console's "Download data": the user's export as a file, recorded as `admin.user.exported`. */
export async function exportUserForAdmin(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  userId: string | undefined,
): Promise<Response> {
  const { storage, audit } = getPortico();
  const data = userId
    ? await buildUserExport({ control: await storage.control(), tenant: live.tenant, db: live.db }, userId)
    : null;
  if (!data) throw new Response("There is no such user in this tenant.", { status: 404 });
  await audit.record({
    ...adminActor(access, request),
    type: "admin.user.exported",
    target: { type: "user", id: data.profile.id, label: data.profile.email },
  });
  return exportResponse(data);
}
