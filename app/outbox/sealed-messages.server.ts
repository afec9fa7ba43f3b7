import type { OutboxEngine } from "./engine.server";
import type { OutboxClaim, Settlement } from "./kind.server";
import { heldBy } from "./kind.server";

/**
 * What email and text messages share as outbox kinds: rows in `email_message` and
 * `sms_message` ("queued" until "sent" or "failed"), whose live credentials are sealed in
 * `sealed` until delivery (decision 0011).
 */
export const QUEUED = "queued";

/** One message pass as the email and SMS senders report it. */
export type SendPass = { sent: number; retrying: number; failed: number };

/**
 * The row's columns for each way a delivery ends. Once a message is delivered or given up
 * on, its sealed credential has no use left and leaves the database; the redacted copy stays
 * for the console's log. A withdrawn message (its mail server was removed) stays readable as
 * "captured".
 */
export function messageRowUpdate(settlement: Settlement) {
  const released = { lockedUntil: null };
  switch (settlement.result) {
    case "delivered":
      return { ...released, status: "sent", sentAt: settlement.at, nextAttemptAt: null, lastError: null, sealed: null };
    case "retrying":
      return { ...released, status: QUEUED, lastError: settlement.error, nextAttemptAt: settlement.nextAttemptAt };
    case "failed":
      return { ...released, status: "failed", lastError: settlement.error, nextAttemptAt: null, sealed: null };
    case "withdrawn":
      return { ...released, status: "captured", nextAttemptAt: null };
  }
}

/** `email_message` or `sms_message`, as far as settling a claim goes. */
type MessageTable = {
  updateMany(args: {
    where: { id: string; lockedUntil: Date };
    data: ReturnType<typeof messageRowUpdate>;
  }): Promise<unknown>;
};

/** Settles a claim on a message row (see OutboxKind.settle). */
export async function settleMessage(table: MessageTable, claim: OutboxClaim, settlement: Settlement): Promise<void> {
  await table.updateMany({ where: heldBy(claim), data: messageRowUpdate(settlement) });
}

/** The email and SMS senders' public face over their engine (context.server.ts starts them). */
export class MessageSender {
  constructor(private readonly engine: OutboxEngine) {}

  /** One pass over the messages due now; `keepGoing` is asked before each claim. */
  async sendDue(keepGoing?: () => boolean): Promise<SendPass> {
    const { delivered, retrying, failed } = await this.engine.deliverDue(keepGoing);
    return { sent: delivered, retrying, failed };
  }

  /** Runs passes every `intervalMs` until `stop()`, which leaves no message claimed. */
  start({ intervalMs }: { intervalMs: number }): { stop(): Promise<void> } {
    return this.engine.start({ intervalMs });
  }
}
