import { randomUUID } from "node:crypto";
import type { TenantAuthEvent } from "~/auth/auth-events";
import type { TenantDb } from "~/db/clients.server";
import { errorField, log } from "~/ops/log.server";

/**
 * Auth events of changes made in a tenant's own database, so a process that dies between the
 * change and its publication loses neither the audit entry nor the webhook (decision 0033).
 *
 * better-auth's Prisma adapter runs a sign-up's writes without a transaction, so the event is
 * written *before* the change, as an intent naming the row the change makes. It is published
 * (audit row and webhook message together, under the event's own id) once that row is seen:
 * at once after the change, or by `recover` when the tenant is next opened. An intent whose row
 * never appeared (the change failed or the process died first) is dropped after a grace
 * period. Publishing twice is harmless: the second insert of the same id is refused.
 */
export type PublishTenantEvent = (event: TenantAuthEvent, options: { id: string; createdAt: Date }) => Promise<void>;

/** The event types written this way, and how to tell that their change happened. */
const SUBJECT_EXISTS = {
  "user.created": async (db: TenantDb, id: string) => (await db.user.count({ where: { id } })) > 0,
} satisfies Partial<Record<TenantAuthEvent["type"], (db: TenantDb, id: string) => Promise<boolean>>>;

type OutboxEventType = keyof typeof SUBJECT_EXISTS;

/** Long enough for any change in flight to have landed: a younger intent without its row is left for later. */
const GRACE_MS = 30_000;
const BATCH = 200;

export class TenantEventOutbox {
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: TenantDb,
    private readonly publish: PublishTenantEvent,
    private readonly graceMs = GRACE_MS,
  ) {}

  /** Writes the intent before the change that makes `subjectId`. */
  async announce(event: TenantAuthEvent & { type: OutboxEventType }, subjectId: string): Promise<void> {
    await this.db.porticoEvent.create({
      data: { id: randomUUID(), type: event.type, subjectId, event: JSON.stringify(event) },
    });
  }

  /** After the change: publishes the subject's intents now. */
  async confirmed(subjectId: string): Promise<void> {
    const rows = await this.db.porticoEvent.findMany({ where: { subjectId } });
    for (const row of rows) await this.publishRow(row);
  }

  /**
   * Publishes what a stopped process left behind and drops intents past their grace period
   * whose change never happened; comes back once more for intents still within it.
   */
  async recover(now = Date.now()): Promise<{ published: number; dropped: number; waiting: number }> {
    const counts = { published: 0, dropped: 0, waiting: 0 };
    const rows = await this.db.porticoEvent.findMany({ orderBy: { createdAt: "asc" }, take: BATCH });
    for (const row of rows) {
      const exists = SUBJECT_EXISTS[row.type as OutboxEventType];
      if (exists && (await exists(this.db, row.subjectId))) {
        await this.publishRow(row);
        counts.published++;
      } else if (!exists || now - row.createdAt.getTime() > this.graceMs) {
        await this.db.porticoEvent.deleteMany({ where: { id: row.id } });
        counts.dropped++;
      } else {
        counts.waiting++;
      }
    }
    if ((counts.waiting > 0 || rows.length === BATCH) && !this.retry) {
      this.retry = setTimeout(
        () => {
          this.retry = null;
          this.recoverInBackground();
        },
        rows.length === BATCH ? 0 : this.graceMs,
      ).unref();
    }
    return counts;
  }

  recoverInBackground(): void {
    this.recover().catch((error: unknown) =>
      log.error({ err: errorField(error) }, "Could not relay the tenant's pending auth events"),
    );
  }

  stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private async publishRow(row: { id: string; event: string; createdAt: Date }): Promise<void> {
    try {
      await this.publish(JSON.parse(row.event) as TenantAuthEvent, { id: row.id, createdAt: row.createdAt });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    await this.db.porticoEvent.deleteMany({ where: { id: row.id } });
  }
}

/** Another process (or an earlier pass) published this id already. */
function isDuplicate(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
