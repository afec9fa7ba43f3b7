import type { AuditLog } from "~/audit/audit.server";
import type { ControlDb } from "~/db/clients.server";
import type { Storage } from "~/db/storage.server";
import { RETENTION_DEFAULT_DAYS, type TenantConfig } from "~/tenancy/config";
import type { TenantService } from "~/tenancy/tenants.server";
import { errorField, log } from "~/ops/log.server";

/**
 * Retention: history older than a tenant's windows (`config.retention`) is deleted by a job
 * every process runs on a timer. Only finished rows go: emails and text messages no longer
 * queued (sent, failed, captured), webhook deliveries that succeeded, failed or were
 * cancelled, with their attempts, and webhook messages none of whose deliveries is pending.
 * The platform's own outbox (console invitations, tenantId null) and platform audit entries
 * keep the default window. Each pass that deletes something records `retention.pruned` with
 * the counts and logs a line; deleting is idempotent, so several instances may run it at once.
 */
export type PrunedCounts = {
  auditEvents: number;
  emails: number;
  textMessages: number;
  webhookMessages: number;
  webhookDeliveries: number;
  webhookAttempts: number;
};

export type RetentionPass = { tenantId: string | null; slug: string | null; pruned: PrunedCounts }[];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Ids per delete: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 500;
const FINISHED_DELIVERY = ["succeeded", "failed", "cancelled"];

type Windows = Pick<TenantConfig["retention"], "auditLogDays" | "deliveredMessagesDays">;

const PLATFORM_WINDOWS: Windows = {
  auditLogDays: RETENTION_DEFAULT_DAYS,
  deliveredMessagesDays: RETENTION_DEFAULT_DAYS,
};

export function isEmpty(counts: PrunedCounts): boolean {
  return Object.values(counts).every((count) => count === 0);
}

export class RetentionJob {
  constructor(
    private readonly deps: { storage: Storage; tenants: TenantService; audit: AuditLog },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass over every tenant (disabled ones too) and the platform; returns what it deleted. */
  async runOnce(): Promise<RetentionPass> {
    const db = await this.deps.storage.control();
    const now = this.now();
    const pass: RetentionPass = [];
    const scopes = [
      ...(await this.deps.tenants.list()).map((tenant) => ({
        tenantId: tenant.id as string | null,
        slug: tenant.slug as string | null,
        windows: tenant.config.retention,
      })),
      { tenantId: null, slug: null, windows: PLATFORM_WINDOWS },
    ];
    for (const scope of scopes) {
      const pruned = await pruneScope(db, scope.tenantId, scope.windows, now);
      if (isEmpty(pruned)) continue;
      pass.push({ tenantId: scope.tenantId, slug: scope.slug, pruned });
      log.info({ tenant: scope.slug ?? undefined, pruned }, "Retention pruned old records");
      await this.deps.audit.record({
        tenantId: scope.tenantId,
        type: "retention.pruned",
        actor: { type: "system", label: "retention" },
        data: { ...pruned, ...scope.windows },
      });
    }
    return pass;
  }

  /**
   * Runs a pass now and then every `intervalMs`, never two at once in this process; the timer
   * never keeps the process alive.
   */
  start({ intervalMs, firstRunMs = 60_000 }: { intervalMs: number; firstRunMs?: number }): { stop(): void } {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const tick = async () => {
      try {
        await this.runOnce();
      } catch (error) {
        log.error({ err: errorField(error) }, "Retention pass failed");
      }
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    };
    timer = setTimeout(tick, firstRunMs).unref();
    return {
      stop() {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }
}

async function pruneScope(db: ControlDb, tenantId: string | null, windows: Windows, now: Date) {
  const auditCutoff = new Date(now.getTime() - windows.auditLogDays * DAY_MS);
  const messageCutoff = new Date(now.getTime() - windows.deliveredMessagesDays * DAY_MS);
  const finishedMessage = { tenantId, status: { not: "queued" }, createdAt: { lt: messageCutoff } };
  const auditEvents = await db.auditEvent.deleteMany({ where: { tenantId, createdAt: { lt: auditCutoff } } });
  const emails = await db.emailMessage.deleteMany({ where: finishedMessage });
  const textMessages = await db.smsMessage.deleteMany({ where: finishedMessage });
  const webhooks = tenantId
    ? await pruneWebhooks(db, tenantId, messageCutoff)
    : { webhookMessages: 0, webhookDeliveries: 0, webhookAttempts: 0 };
  return {
    auditEvents: auditEvents.count,
    emails: emails.count,
    textMessages: textMessages.count,
    ...webhooks,
  } satisfies PrunedCounts;
}

async function pruneWebhooks(db: ControlDb, tenantId: string, cutoff: Date) {
  let webhookDeliveries = 0;
  let webhookAttempts = 0;
  for (;;) {
    const deliveries = await db.webhookDelivery.findMany({
      where: { tenantId, status: { in: FINISHED_DELIVERY }, createdAt: { lt: cutoff } },
      select: { id: true },
      take: BATCH,
    });
    if (deliveries.length === 0) break;
    const ids = deliveries.map((delivery) => delivery.id);
    webhookAttempts += (await db.webhookAttempt.deleteMany({ where: { deliveryId: { in: ids } } })).count;
    webhookDeliveries += (await db.webhookDelivery.deleteMany({ where: { id: { in: ids } } })).count;
    if (deliveries.length < BATCH) break;
  }
  // A message goes once none of its deliveries is left (a pending one keeps it).
  let webhookMessages = 0;
  let after: string | undefined;
  for (;;) {
    const messages = await db.webhookMessage.findMany({
      where: { tenantId, createdAt: { lt: cutoff }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (messages.length === 0) break;
    after = messages.at(-1)!.id;
    const ids = messages.map((message) => message.id);
    const kept = new Set(
      (
        await db.webhookDelivery.findMany({
          where: { messageId: { in: ids } },
          select: { messageId: true },
        })
      ).map((delivery) => delivery.messageId),
    );
    const orphaned = ids.filter((id) => !kept.has(id));
    if (orphaned.length > 0)
      webhookMessages += (await db.webhookMessage.deleteMany({ where: { id: { in: orphaned } } })).count;
    if (messages.length < BATCH) break;
  }
  return { webhookMessages, webhookDeliveries, webhookAttempts };
}
