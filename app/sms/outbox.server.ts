import { randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";

/**
 * Outgoing text messages, mirroring the email outbox: every message is written to the control
 * plane first, so a slow or failing SMS gateway never slows or fails the sign-in that caused
 * it. With a gateway configured a message is "queued" and the SmsSender delivers it ("sent",
 * or "failed" after its retries); without one it stays "captured" for the console's outbox.
 */
export type OutgoingSms = { tenantId: string | null; to: string; body: string };

export type SmsStatus = "captured" | "queued" | "sent" | "failed";

export type StoredSms = OutgoingSms & {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
};

export class SmsOutbox {
  constructor(
    private readonly storage: Storage,
    /** Whether a gateway delivers messages (false: every message is captured). */
    private readonly hasGateway: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(sms: OutgoingSms): Promise<string> {
    const status: SmsStatus = this.hasGateway ? "queued" : "captured";
    const db = await this.storage.control();
    const id = randomUUID();
    await db.smsMessage.create({
      data: {
        id,
        tenantId: sms.tenantId,
        to: sms.to,
        body: sms.body,
        status,
        nextAttemptAt: this.hasGateway ? this.now() : null,
      },
    });
    return id;
  }

  async list({ tenantId, limit = 50 }: { tenantId: string | null; limit?: number }): Promise<StoredSms[]> {
    const db = await this.storage.control();
    return db.smsMessage.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: limit });
  }
}
