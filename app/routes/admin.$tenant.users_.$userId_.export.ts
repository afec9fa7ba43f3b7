import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenantRole } from "~/admin/access.server";
import { exportUserForAdmin } from "~/privacy/console.server";
import { requireLiveTenant } from "~/users/tenant-users.server";

/** GET /admin/:tenant/users/:userId/export: the user's data as a JSON download (admins; audited). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return exportUserForAdmin(access, request, await requireLiveTenant(access), params.userId);
}
