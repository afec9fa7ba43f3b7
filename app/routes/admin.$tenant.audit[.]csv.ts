import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenantRole } from "~/admin/access.server";
import { AUDIT_EXPORT_LIMIT, auditCsv, parseAuditQuery } from "~/audit/audit.server";
import { getPortico } from "~/context.server";

/** The audit log's current filter as a CSV download (viewers may export what they can read). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenantRole(request, params.tenant, "viewer");
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return new Response(`${Object.values(parsed.errors).join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const events = await getPortico().audit.list({
    tenantId: tenant.id,
    ...parsed.filter,
    limit: AUDIT_EXPORT_LIMIT,
  });
  const filename = `audit-${tenant.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(auditCsv(events), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
