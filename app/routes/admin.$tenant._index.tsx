import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GettingStartedCard } from "~/admin/getting-started";
import { dismissGettingStarted, gettingStarted } from "~/admin/getting-started.server";
import { roleAtLeast } from "~/admin/roles";
import { ACTIVITY_SERIES, getTenantOverview } from "~/analytics/overview.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BarChart, type ChartSeries } from "~/components/ui/bar-chart";
import { Card, PageHeader } from "~/components/ui/layout";
import { getPortico } from "~/context.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const { tenant } = access;
  const { audit, registry } = getPortico();
  const resolved = await registry.resolve({ slug: tenant.slug });
  const [overview, start] = await Promise.all([
    getTenantOverview({ audit, tenantId: tenant.id, db: resolved.status === "ok" ? resolved.db : null }),
    gettingStarted(access),
  ]);
  const range = new URL(request.url).searchParams.get("range") === "24h" ? "24h" : "30d";
  return {
    slug: tenant.slug,
    overview,
    range,
    seriesLabels: ACTIVITY_SERIES.map((s) => s.label),
    gettingStarted: start,
    canDismiss: roleAtLeast(access.role, "admin"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const form = await request.formData();
  if (form.get("intent") !== "dismiss-getting-started") throw new Response("Unknown action.", { status: 400 });
  await dismissGettingStarted(access, request);
  return { dismissed: true };
}

const TONES: ChartSeries["tone"][] = ["primary", "success", "danger"];

const RANGES = [
  { value: "30d", label: "Last 30 days" },
  { value: "24h", label: "Last 24 hours" },
] as const;

export default function TenantOverview() {
  const { slug, overview, range, seriesLabels, gettingStarted, canDismiss } = useLoaderData<typeof loader>();
  const current = range === "24h" ? overview.last24Hours : overview.last30Days;
  const series = seriesLabels.map((label, i) => ({ label, tone: TONES[i]! }));
  const rangeLabel = RANGES.find((r) => r.value === range)!.label;
  const totalsText = (counts: typeof current.totals) =>
    `${counts.signIns} sign-ins, ${counts.signUps} sign-ups, ${counts.failedSignIns} failed sign-ins`;

  return (
    <>
      <PageHeader title="Overview" description="Users, sessions and sign-in activity for this tenant." />
      <GettingStartedCard slug={slug} data={gettingStarted} canDismiss={canDismiss} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="Users" value={overview.users} />
        <Stat label="Active sessions" value={overview.activeSessions} />
        <Stat
          label="Sign-ins (24 h)"
          value={overview.last24Hours.totals.signIns}
          detail={`${overview.last30Days.totals.signIns} in 30 days`}
        />
        <Stat
          label="Sign-ups (24 h)"
          value={overview.last24Hours.totals.signUps}
          detail={`${overview.last30Days.totals.signUps} in 30 days`}
        />
        <Stat
          label="Failed sign-ins (24 h)"
          value={overview.last24Hours.totals.failedSignIns}
          detail={`${overview.last30Days.totals.failedSignIns} in 30 days`}
        />
      </div>
      {overview.users === null ? (
        <p className="mt-3 text-sm text-muted">
          User and session counts are unavailable while the tenant is disabled or its database cannot be reached.
        </p>
      ) : null}
      <Card className="mt-6">
        <nav aria-label="Chart range" className="mb-4 flex gap-1">
          {RANGES.map((r) => (
            <Link
              key={r.value}
              to={`/admin/${slug}?range=${r.value}`}
              aria-current={r.value === range ? "page" : undefined}
              preventScrollReset
              className={`rounded-theme px-3 py-1.5 text-sm ${r.value === range ? "bg-primary text-primary-foreground" : "border border-border hover:bg-background"}`}
            >
              {r.label}
            </Link>
          ))}
        </nav>
        <BarChart
          title={`Sign-in activity, ${rangeLabel.toLowerCase()} (UTC)`}
          description={`${rangeLabel}: ${totalsText(current.totals)}. Each bar group is one ${range === "24h" ? "hour" : "day"}; the table below lists every value.`}
          groupHeader={range === "24h" ? "Hour (UTC)" : "Day (UTC)"}
          series={series}
          groups={current.buckets.map((bucket) => ({
            label: bucket.label,
            values: [bucket.signIns, bucket.signUps, bucket.failedSignIns],
          }))}
        />
      </Card>
    </>
  );
}

/** One key number; the 24-hour figure large, the 30-day figure under it. */
function Stat({ label, value, detail }: { label: string; value: number | null; detail?: string }) {
  return (
    <div role="group" aria-label={label} className="rounded-theme border border-border bg-card p-4">
      {/* A list of its own: a <dl> may hold only its terms and definitions, not a labelled group. */}
      <dl>
        <dt className="text-sm text-muted">{label}</dt>
        <dd className="mt-1 text-2xl font-bold tabular-nums">{value ?? "—"}</dd>
        {detail ? <dd className="text-xs text-muted">{detail}</dd> : null}
      </dl>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
