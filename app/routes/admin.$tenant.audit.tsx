import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  auditCursor,
  parseAuditQuery,
  type AuditQueryErrors,
} from "~/audit/audit.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import { consoleTime } from "~/components/console-time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenantRole(request, params.tenant, "viewer");
  const url = new URL(request.url);
  const values = Object.fromEntries(
    ["type", "actor", "from", "to"].map((key) => [key, url.searchParams.get(key) ?? ""]),
  );
  const parsed = parseAuditQuery(url.searchParams);
  const page = { slug: tenant.slug, values, exportLimit: AUDIT_EXPORT_LIMIT };
  if (!parsed.ok) return data({ ...page, errors: parsed.errors, events: [], older: null }, 400);
  const rows = await getPortico().audit.list({ tenantId: tenant.id, ...parsed.filter, limit: AUDIT_PAGE_SIZE + 1 });
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  const older = rows.length > AUDIT_PAGE_SIZE ? auditCursor(events.at(-1)!) : null;
  return data({ ...page, errors: {} as AuditQueryErrors, events, older });
}

/** Event types an admin filters by most; any other type or prefix can be typed. */
const COMMON_TYPES = [
  "admin.",
  "user.created",
  "session.created",
  "sign_in.failed",
  "session.revoked",
  "password.reset",
  "admin.denied",
];

export default function AuditLogPage() {
  const { slug, values, exportLimit, errors, events, older } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
  const filtered = query.size > 0;
  const olderQuery = new URLSearchParams(query);
  if (older) olderQuery.set("before", older);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every admin action and sign-in event for this tenant, newest first. Times are UTC."
        actions={
          <a
            href={`/admin/${slug}/audit.csv${query.size ? `?${query}` : ""}`}
            download
            className="inline-flex items-center rounded-theme border border-border bg-card px-3.5 py-2 text-sm font-semibold hover:bg-background"
          >
            Export CSV
          </a>
        }
      />
      <Form method="get" className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <FormField
          label="Event type"
          name="type"
          defaultValue={values.type}
          error={errors.type}
          list="audit-event-types"
          placeholder="admin. or session.created"
          maxLength={100}
        />
        <datalist id="audit-event-types">
          {COMMON_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <FormField
          label="Actor"
          name="actor"
          defaultValue={values.actor}
          error={errors.actor}
          placeholder="Email or id"
          maxLength={200}
        />
        <FormField label="From" name="from" type="date" defaultValue={values.from} error={errors.from} />
        <FormField label="To" name="to" type="date" defaultValue={values.to} error={errors.to} />
        <div className="flex gap-2">
          <Button disabled={navigation.state === "loading"}>Filter</Button>
          {filtered ? (
            <Link
              to={`/admin/${slug}/audit`}
              className="inline-flex items-center px-2 text-sm text-primary hover:underline"
            >
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      {errors.before ? <p className="mb-4 text-sm text-danger">{errors.before}</p> : null}
      {events.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
          {filtered
            ? "Try a wider date range or a type prefix such as admin."
            : "Sign-ups, sign-ins and admin actions will appear here."}
        </EmptyState>
      ) : (
        <Table label="Audit events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Actor</th>
              <th scope="col">Target</th>
              <th scope="col">IP address</th>
              <th scope="col">User agent</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="whitespace-nowrap tabular-nums">
                  <time dateTime={event.createdAt.toISOString()}>{consoleTime(event.createdAt)}</time>
                </td>
                <td>
                  <Badge tone={event.type === "sign_in.failed" || event.type === "admin.denied" ? "danger" : "neutral"}>
                    {event.type}
                  </Badge>
                </td>
                <td>
                  <span className="block">{event.actorLabel ?? event.actorId ?? "—"}</span>
                  <span className="text-xs text-muted">{event.actorType}</span>
                </td>
                <td>{event.targetLabel ?? event.targetId ?? "—"}</td>
                <td className="font-mono text-xs">{event.ipAddress ?? "—"}</td>
                <td className="max-w-56 truncate text-xs text-muted" title={event.userAgent ?? undefined}>
                  {event.userAgent ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span>The CSV export holds up to {exportLimit.toLocaleString("en")} rows of the current filter.</span>
        {older ? (
          <Link to={`?${olderQuery}`} className="font-medium text-primary hover:underline">
            Older events →
          </Link>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
