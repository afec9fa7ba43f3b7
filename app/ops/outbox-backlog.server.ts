import type { Storage } from "~/db/storage.server";
import type { OutboxBacklog } from "./metrics.server";

/**
 * How much waits in each outbox (for portico_outbox_depth and _oldest_age_seconds): queued
 * email and SMS, pending webhook deliveries. Read from the shared tables at scrape time, so
 * every instance reports the deployment's backlog, not its own.
 */
export async function readOutboxBacklog(storage: Storage, now = new Date()): Promise<OutboxBacklog[]> {
  const db = await storage.control();
  const [email, sms, webhook] = await Promise.all([
    db.emailMessage.aggregate({ where: { status: "queued" }, _count: { _all: true }, _min: { createdAt: true } }),
    db.smsMessage.aggregate({ where: { status: "queued" }, _count: { _all: true }, _min: { createdAt: true } }),
    db.webhookDelivery.aggregate({ where: { status: "pending" }, _count: { _all: true }, _min: { createdAt: true } }),
  ]);
  const backlog = (kind: OutboxBacklog["kind"], row: typeof email): OutboxBacklog => ({
    kind,
    depth: row._count._all,
    oldestAgeSeconds: row._min.createdAt ? Math.max(0, (now.getTime() - row._min.createdAt.getTime()) / 1000) : 0,
  });
  return [backlog("email", email), backlog("sms", sms), backlog("webhook", webhook)];
}
