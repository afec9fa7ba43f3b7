import { randomUUID } from "node:crypto";
import type { ControlDb } from "~/db/clients.server";
import type { Storage } from "~/db/storage.server";

/**
 * The audit log: every admin action and every auth event, in the control plane so a tenant's
 * history survives the tenant's own database and can be filtered across time.
 * Event types are dotted names (`user.created`, `session.created`, `sign_in.failed`,
 * `admin.user.banned`, `admin.denied`, …); `data` holds event-specific details.
 */
export type AuditActor =
  | { type: "platform_user"; id: string; label: string }
  | { type: "user"; id: string; label: string }
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

export class AuditLog {
  constructor(private readonly storage: Storage) {}

  async record(event: AuditEventInput): Promise<void> {
    const db = await this.storage.control();
    await db.auditEvent.create({
      data: {
        id: randomUUID(),
        tenantId: event.tenantId,
        type: event.type,
        actorType: event.actor.type,
        actorId: "id" in event.actor ? event.actor.id : null,
        actorLabel: event.actor.label ?? null,
        targetType: event.target?.type ?? null,
        targetId: event.target?.id ?? null,
        targetLabel: event.target?.label ?? null,
        ipAddress: event.ipAddress ?? null,
        userAgent: event.userAgent?.slice(0, 512) ?? null,
        data: JSON.stringify(event.data ?? {}),
      },
    });
  }

  /** Records without making the caller wait or fail: auth flows must not break on audit I/O. */
  recordInBackground(event: AuditEventInput): void {
    this.record(event).catch((error) => console.error("[portico] Could not write audit event:", event.type, error));
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
    return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
  }
}
