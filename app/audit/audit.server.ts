import { normalizeIp } from "~/http/client-ip";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ControlDb } from "~/db/clients.server";
import { CONTROL_SCHEMA } from "~/db/postgres-storage.server";
import type { Storage } from "~/db/storage.server";
import { webhookMessageFor } from "~/events/catalog";
import { errorField, log } from "~/ops/log.server";
import { announceQueued, webhookRows } from "~/webhooks/outbox.server";

/**
 * The audit log: every admin action and every auth event, in the control plane so a tenant's
 * history survives the tenant's own database and can be filtered across time.
 * Event types are dotted names (`user.created`, `session.created`, `sign_in.failed`,
 * `admin.user.banned`, `admin.denied`, …); `data` holds event-specific details.
 */
export type AuditActor =
  | { type: "platform_user"; id: string; label: string }
  | { type: "user"; id: string; label: string }
  | { type: "api_key"; id: string; label: string }
  /** An organization's SCIM connection (app/scim); the label is `scim:<organization slug>`. */
  | { type: "scim"; id: string; label: string }
  /** An organization's SSO connection (app/sso) provisioning at sign-in; the label is `sso:<organization slug>`. */
  | { type: "sso"; id: string; label: string }
  | { type: "anonymous"; label?: string }
  | { type: "system"; label?: string };

export type AuditEventInput = {
  tenantId: string | null;
  type: string;
  actor: AuditActor;
  target?: { type: string; id: string; label?: string };
  ipAddress?: string | null;
  userAgent?: string | null;
  data?: Record<string, unknown>;
};

function auditRow(event: AuditEventInput, { id, createdAt }: PublishOptions) {
  return {
    id: id ?? randomUUID(),
    tenantId: event.tenantId,
    type: event.type,
    actorType: event.actor.type,
    actorId: "id" in event.actor ? event.actor.id : null,
    actorLabel: event.actor.label ?? null,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    targetLabel: event.target?.label ?? null,
    ipAddress: normalizeIp(event.ipAddress),
    userAgent: event.userAgent?.slice(0, 512) ?? null,
    data: JSON.stringify(event.data ?? {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/** Who makes a change and from where: what every capability needs for its audit entry. */
export type ChangeActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

export type AuditEvent = {
  id: string;
  tenantId: string | null;
  type: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

export type AuditFilter = {
  tenantId: string | null;
  /** Exact type, or a prefix ending in "." (e.g. "admin."). */
  type?: string;
  /** Matches the actor's id or label (case-sensitive substring of the label). */
  actor?: string;
  from?: Date;
  to?: Date;
  /** Return events older than this event id's timestamp (keyset pagination). */
  before?: { createdAt: Date; id: string };
  limit?: number;
};

/** One bucket of a grouped count: `bucket` is the UTC day (`2026-01-31`) or hour (`2026-01-31T09`). */
export type AuditBucketCount = { bucket: string; type: string; count: number };

/**
 * How each provider stores `createdAt`: SQLite holds Prisma's ISO text (`…T09:15:00.000+00:00`),
 * so a bucket is a prefix of it and bounds compare as text in the same format; PostgreSQL holds
 * a UTC timestamp.
 */
const BUCKET_SQL = {
  sqlite: {
    table: `"audit_event"`,
    day: `substr("createdAt", 1, 10)`,
    hour: `substr("createdAt", 1, 13)`,
    placeholder: () => "?",
    timestamp: (placeholder: string) => placeholder,
    param: (date: Date) => date.toISOString().replace("Z", "+00:00"),
  },
  postgresql: {
    table: `"${CONTROL_SCHEMA}"."audit_event"`,
    day: `to_char("createdAt", 'YYYY-MM-DD')`,
    hour: `to_char("createdAt", 'YYYY-MM-DD"T"HH24')`,
    placeholder: (index: number) => `$${index}`,
    // A timestamp without time zone ignores the zone in the literal, so this reads as UTC.
    timestamp: (placeholder: string) => `${placeholder}::timestamp`,
    param: (date: Date) => date.toISOString(),
  },
} as const;

/** Options for publishing: the tenant outbox relay passes the event's own id so a second relay is a no-op. */
export type PublishOptions = { id?: string; createdAt?: Date };

export class AuditLog {
  constructor(
    private readonly storage: Storage,
    /**
     * Whether recorded events also become webhook messages (the app's composition root turns
     * this on; tests of other parts leave the webhook tables alone).
     */
    private readonly webhooks: { strictPayloads: boolean } | null = null,
  ) {}

  /**
   * Publishes an event: the audit row and, where the catalog (app/events/catalog.ts) says
   * receivers hear about it, the webhook message and its deliveries, in one transaction so
   * neither exists without the other.
   */
  async record(event: AuditEventInput, options: PublishOptions = {}): Promise<void> {
    const db = await this.storage.control();
    const row = auditRow(event, options);
    const webhook = this.webhooks && event.tenantId ? this.webhookFor(event) : null;
    if (!webhook || !event.tenantId) {
      await db.auditEvent.create({ data: row });
      return;
    }
    const { message, deliveries } = await webhookRows(db, event.tenantId, webhook.type, webhook.data);
    await db.$transaction([
      db.auditEvent.create({ data: row }),
      db.webhookMessage.create({ data: message }),
      db.webhookDelivery.createMany({ data: deliveries }),
    ]);
    announceQueued(deliveries.length);
  }

  /** Whether an event with this id was published already (the tenant outbox relay asks). */
  async published(id: string): Promise<boolean> {
    const db = await this.storage.control();
    return (await db.auditEvent.count({ where: { id } })) > 0;
  }

  private webhookFor(event: AuditEventInput) {
    try {
      const message = webhookMessageFor(event, { strict: this.webhooks?.strictPayloads ?? true });
      if (message?.mismatch)
        log.error({ event: event.type, mismatch: message.mismatch }, "Event data does not match the catalog");
      return message;
    } catch (error) {
      log.error({ event: event.type, err: errorField(error) }, "Event data does not match the catalog");
      throw error;
    }
  }

  /** The devices (address and user agent) of a user's recorded sign-ins before a moment, newest first. */
  async signInsBefore(
    tenantId: string,
    userId: string,
    before: Date,
  ): Promise<Array<{ ipAddress: string | null; userAgent: string | null }>> {
    const db = await this.storage.control();
    return db.auditEvent.findMany({
      where: { tenantId, type: "session.created", targetId: userId, createdAt: { lt: before } },
      select: { ipAddress: true, userAgent: true },
      orderBy: { createdAt: "desc" },
      take: 500,
    });
  }

  /** Records without making the caller wait or fail: auth flows must not break on audit I/O. */
  recordInBackground(event: AuditEventInput): void {
    this.record(event).catch((error: unknown) =>
      log.error({ event: event.type, err: errorField(error) }, "Could not write audit event"),
    );
  }

  /**
   * Counts a tenant's events of the given types since a moment, grouped by UTC day or hour.
   * One query served by the (tenantId, type, createdAt) index, however many events there are.
   */
  async countByBucket({
    tenantId,
    types,
    since,
    bucket,
  }: {
    tenantId: string;
    types: string[];
    since: Date;
    bucket: "day" | "hour";
  }): Promise<AuditBucketCount[]> {
    if (types.length === 0) return [];
    const db = await this.storage.control();
    const sql = BUCKET_SQL[this.storage.provider];
    const typePlaceholders = types.map((_, i) => sql.placeholder(i + 2));
    const rows = await db.$queryRawUnsafe<{ bucket: string; type: string; count: number | bigint }[]>(
      `SELECT ${sql[bucket]} AS "bucket", "type", COUNT(*) AS "count" FROM ${sql.table}
       WHERE "tenantId" = ${sql.placeholder(1)} AND "type" IN (${typePlaceholders.join(", ")})
         AND "createdAt" >= ${sql.timestamp(sql.placeholder(types.length + 2))}
       GROUP BY 1, 2`,
      tenantId,
      ...types,
      sql.param(since),
    );
    return rows.map((row) => ({ bucket: row.bucket, type: row.type, count: Number(row.count) }));
  }

  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    const db: ControlDb = await this.storage.control();
    const type = filter.type?.endsWith(".") ? { startsWith: filter.type } : filter.type;
    const conditions = [
      filter.actor ? { OR: [{ actorId: filter.actor }, { actorLabel: { contains: filter.actor } }] } : null,
      filter.before
        ? {
            OR: [
              { createdAt: { lt: filter.before.createdAt } },
              { createdAt: filter.before.createdAt, id: { lt: filter.before.id } },
            ],
          }
        : null,
    ].filter((condition) => condition !== null);
    const rows = await db.auditEvent.findMany({
      where: {
        tenantId: filter.tenantId,
        ...(type ? { type } : {}),
        createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) },
        AND: conditions,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(filter.limit ?? 50, 10_000),
    });
    // Rows from before decision 0023 may hold `::ffff:` or expanded IPv6 addresses.
    return rows.map((row) => ({
      ...row,
      ipAddress: normalizeIp(row.ipAddress),
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }
}

// ---------------------------------------------------------------------------------------------
// The console's audit log view: filters from the query string, keyset cursors, CSV export.
// ---------------------------------------------------------------------------------------------

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export's cap; a larger history is exported in several date ranges. */
export const AUDIT_EXPORT_LIMIT = 10_000;

const optional = (schema: z.ZodType<string | undefined>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

function isRealDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

const dateField = optional(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
    // Round-tripped, because Date.parse rolls 2026-02-31 over into March.
    .refine((value) => isRealDate(value), "That is not a real date.")
    .optional(),
);

/** `<createdAt ISO>_<event id>`: the last row of the page before, so the next page starts after it. */
const cursorField = optional(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, "That page link is no longer valid; start again.")
    .optional(),
);

export const AuditQuerySchema = z
  .object({
    type: optional(
      z
        .string()
        .trim()
        .max(100, "Use at most 100 characters.")
        .regex(/^[a-z0-9_.-]+$/i, "Use an event type such as session.created, or a prefix such as admin.")
        .optional(),
    ),
    actor: optional(z.string().trim().max(200, "Use at most 200 characters.").optional()),
    from: dateField,
    to: dateField,
    before: cursorField,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });

export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export type AuditQueryErrors = Partial<Record<keyof AuditQuery, string>>;
export type AuditQueryResult =
  | { ok: true; query: AuditQuery; filter: Omit<AuditFilter, "tenantId" | "limit"> }
  | { ok: false; errors: AuditQueryErrors };

/** Reads the filter from a query string; dates are whole UTC days, both ends included. */
export function parseAuditQuery(params: URLSearchParams): AuditQueryResult {
  const raw = Object.fromEntries(
    (["type", "actor", "from", "to", "before"] as const).map((key) => [key, params.get(key) ?? undefined]),
  );
  const parsed = AuditQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const errors: AuditQueryErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof AuditQuery] ??= issue.message;
    return { ok: false, errors };
  }
  const query = parsed.data;
  const cursor = query.before?.split("_");
  return {
    ok: true,
    query,
    filter: {
      type: query.type,
      actor: query.actor,
      from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
      to: query.to ? new Date(`${query.to}T23:59:59.999Z`) : undefined,
      before: cursor ? { createdAt: new Date(cursor[0]!), id: cursor[1]! } : undefined,
    },
  };
}

export function auditCursor(event: Pick<AuditEvent, "createdAt" | "id">): string {
  return `${event.createdAt.toISOString()}_${event.id}`;
}

/**
 * One CSV cell. Spreadsheets run cells that start with = + - @ (or a tab or carriage return)
 * as formulas, and event fields come from the outside (names, user agents), so such cells get
 * a leading apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CSV_COLUMNS: [string, (event: AuditEvent) => unknown][] = [
  ["time", (e) => e.createdAt.toISOString()],
  ["type", (e) => e.type],
  ["actor_type", (e) => e.actorType],
  ["actor_id", (e) => e.actorId],
  ["actor", (e) => e.actorLabel],
  ["target_type", (e) => e.targetType],
  ["target_id", (e) => e.targetId],
  ["target", (e) => e.targetLabel],
  ["ip_address", (e) => e.ipAddress],
  ["user_agent", (e) => e.userAgent],
  ["data", (e) => (Object.keys(e.data).length > 0 ? JSON.stringify(e.data) : "")],
];

export function auditCsv(events: AuditEvent[]): string {
  const lines = [
    CSV_COLUMNS.map(([name]) => name).join(","),
    ...events.map((event) => CSV_COLUMNS.map(([, read]) => csvCell(read(event))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
