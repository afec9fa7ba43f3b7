import { randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";
import { OutboxSeal } from "~/outbox/seal.server";
import { log } from "~/ops/log.server";

/**
 * Outgoing text messages, mirroring the email outbox: every message is written to the control
 * plane first, so a slow or failing SMS gateway never slows or fails the sign-in that caused
 * it. With a gateway configured a message is "queued" and the SmsSender delivers it ("sent",
 * or "failed" after its retries); without one it stays "captured".
 *
 * Every text Portico sends carries a code, so the stored `body` has its codes hidden (the
 * console shows only that) and the real text is sealed in `sealed` for the sender, which clears
 * it once delivered.
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

/** Runs of digits (codes) replaced by a placeholder; nothing else in a code text is secret. */
export function redactSmsCodes(body: string): string {
  return body.replace(/\d{4,}/g, "[code — hidden]");
}

export class SmsOutbox {
  readonly #seal: OutboxSeal;
  readonly #logCaptured: boolean;

  constructor(
    private readonly storage: Storage,
    /** Whether a gateway delivers messages (false: every message is captured). */
    private readonly hasGateway: boolean,
    private readonly now: () => Date = () => new Date(),
    {
      seal = new OutboxSeal(),
      logCaptured = false,
    }: {
      seal?: OutboxSeal;
      /** Development: print texts no gateway will deliver (see decision 0011). */
      logCaptured?: boolean;
    } = {},
  ) {
    this.#seal = seal;
    this.#logCaptured = logCaptured;
  }

  async send(sms: OutgoingSms): Promise<string> {
    const status: SmsStatus = this.hasGateway ? "queued" : "captured";
    const db = await this.storage.control();
    const id = randomUUID();
    await db.smsMessage.create({
      data: {
        id,
        tenantId: sms.tenantId,
        to: sms.to,
        body: redactSmsCodes(sms.body),
        sealed: this.#seal.seal(sms.body),
        status,
        nextAttemptAt: this.hasGateway ? this.now() : null,
      },
    });
    // No gateway in development: the operator's terminal is the only place the code can go.
    if (!this.hasGateway && this.#logCaptured) log.debug(`Not delivered (no SMS gateway), to ${sms.to}: ${sms.body}`);
    return id;
  }

  /** Messages as delivered (sealed texts opened): for the sender and tests, never for pages. */
  async list({ tenantId, limit = 50 }: { tenantId: string | null; limit?: number }): Promise<StoredSms[]> {
    const db = await this.storage.control();
    const rows = await db.smsMessage.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: limit });
    return rows.map(({ sealed, ...row }) => ({ ...row, body: sealed ? this.#seal.open(sealed) : row.body }));
  }

  /** Messages as the console may show them: codes hidden. */
  async listRedacted({ tenantId, limit = 50 }: { tenantId: string | null; limit?: number }): Promise<StoredSms[]> {
    const db = await this.storage.control();
    return db.smsMessage.findMany({
      where: { tenantId },
      orderBy: { createdAt: "desc" },
      take: limit,
      omit: { sealed: true },
    });
  }
}
