import type { AuditLog } from "~/audit/audit.server";
import type { TenantDb } from "~/db/clients.server";

/**
 * The numbers on a tenant's overview: its users and live sessions (from the tenant's own
 * database) and its sign-in activity (from the audit log, counted per UTC hour over the last
 * 24 hours and per UTC day over the last 30 days).
 */
export const ACTIVITY_SERIES = [
  { type: "session.created", key: "signIns", label: "Sign-ins" },
  { type: "user.created", key: "signUps", label: "Sign-ups" },
  { type: "sign_in.failed", key: "failedSignIns", label: "Failed sign-ins" },
] as const;

export type ActivityKey = (typeof ACTIVITY_SERIES)[number]["key"];
export type ActivityCounts = Record<ActivityKey, number>;
/** `start` is the bucket's first moment (ISO); `label` names it for axes and tables. */
export type ActivityBucket = ActivityCounts & { start: string; label: string };
export type ActivityRange = { totals: ActivityCounts; buckets: ActivityBucket[] };

export type TenantOverview = {
  /** Null when the tenant's database cannot be read (disabled or unavailable tenant). */
  users: number | null;
  activeSessions: number | null;
  last24Hours: ActivityRange;
  last30Days: ActivityRange;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function zeroCounts(): ActivityCounts {
  return { signIns: 0, signUps: 0, failedSignIns: 0 };
}

/** `count` buckets of `sizeMs`, the last one holding `now`, aligned to UTC hours or days. */
function emptyBuckets(now: Date, sizeMs: number, count: number, keyLength: number, label: (start: Date) => string) {
  const lastStart = Math.floor(now.getTime() / sizeMs) * sizeMs;
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(lastStart - (count - 1 - i) * sizeMs);
    return { key: start.toISOString().slice(0, keyLength), start, label: label(start) };
  });
}

async function activity(
  audit: AuditLog,
  tenantId: string,
  buckets: { key: string; start: Date; label: string }[],
  unit: "day" | "hour",
): Promise<ActivityRange> {
  const counts = await audit.countByBucket({
    tenantId,
    types: ACTIVITY_SERIES.map((series) => series.type),
    since: buckets[0]!.start,
    bucket: unit,
  });
  const byKey = new Map(buckets.map((bucket) => [bucket.key, zeroCounts()]));
  const totals = zeroCounts();
  for (const { bucket, type, count } of counts) {
    const series = ACTIVITY_SERIES.find((s) => s.type === type);
    const slot = byKey.get(bucket);
    if (!series || !slot) continue;
    slot[series.key] += count;
    totals[series.key] += count;
  }
  return {
    totals,
    buckets: buckets.map((bucket) => ({
      ...byKey.get(bucket.key)!,
      start: bucket.start.toISOString(),
      label: bucket.label,
    })),
  };
}

const dayLabel = (start: Date) => start.toISOString().slice(5, 10);
const hourLabel = (start: Date) => `${start.toISOString().slice(11, 13)}:00`;

export async function getTenantOverview({
  audit,
  tenantId,
  db,
  now = new Date(),
}: {
  audit: AuditLog;
  tenantId: string;
  db: TenantDb | null;
  now?: Date;
}): Promise<TenantOverview> {
  const [users, activeSessions, last24Hours, last30Days] = await Promise.all([
    db ? db.user.count() : null,
    db ? db.session.count({ where: { expiresAt: { gt: now } } }) : null,
    activity(audit, tenantId, emptyBuckets(now, HOUR_MS, 24, 13, hourLabel), "hour"),
    activity(audit, tenantId, emptyBuckets(now, DAY_MS, 30, 10, dayLabel), "day"),
  ]);
  return { users, activeSessions, last24Hours, last30Days };
}
