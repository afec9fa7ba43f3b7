import type { RetryPolicy } from "./retry";

/**
 * What the outbox engine (engine.server.ts) needs from one kind of outgoing message: where its
 * rows are, how to send one, and what each way a delivery ends means for its row. Email, text
 * messages and webhook deliveries are kinds; the claiming, leasing, retrying and giving up are
 * the engine's alone.
 */

/** The control-plane tables that are outboxes; each has id, status, attempts, nextAttemptAt and lockedUntil. */
export type OutboxTable = "email_message" | "sms_message" | "webhook_delivery";

/**
 * A message this process holds: `attempts` already counts the attempt being made (so an
 * attempt cut short by a crash still counts), `lease` is the `lockedUntil` it was claimed
 * with, which every later write must match (`heldBy`): a claim that ran out and was taken by
 * another process is no longer this one's to record.
 */
export type OutboxClaim = { id: string; attempts: number; lease: Date };

/** What one send came to, as the kind's sender reports it. */
export type SendOutcome =
  | { result: "delivered" }
  /** `final`: no retry can help (a webhook receiver answering 410 Gone). */
  | { result: "failed"; error: string; retryAfterMs?: number | null; final?: boolean }
  /** Nothing to send any more (the mail server was removed, the webhook endpoint disabled). */
  | { result: "withdrawn" };

/**
 * How the engine settles a claim: delivered; failed but due again at `nextAttemptAt`; failed
 * for good (the dead letter: out of attempts, or a final failure); withdrawn.
 */
export type Settlement =
  | { result: "delivered"; at: Date }
  | { result: "retrying"; at: Date; error: string; nextAttemptAt: Date }
  | { result: "failed"; at: Date; error: string }
  | { result: "withdrawn"; at: Date };

export interface OutboxKind<Outcome extends SendOutcome = SendOutcome> {
  /** Names the kind in logs. */
  readonly name: string;
  readonly table: OutboxTable;
  /** The status of a row waiting to be sent ("queued", "pending"); other statuses are never claimed. */
  readonly pendingStatus: string;
  /** How long a claim is held: longer than `sendTimeoutMs`, so only a dead process's claims expire. */
  readonly leaseMs: number;
  /**
   * How long one send may take before the engine counts it as a failed attempt and aborts
   * `signal`: a receiver or mail server that answers slowly, a byte at a time, cannot hold a
   * worker (and the messages behind it) past its claim.
   */
  readonly sendTimeoutMs: number;
  /** Messages claimed and sent at once. */
  readonly batchSize: number;
  /** Messages one pass handles at most before it yields (another pass follows at once). */
  readonly passLimit: number;
  readonly retry: RetryPolicy;
  /** Whether anything can be sent now (no SMS gateway: nothing is). Default: yes. */
  active?(): boolean;
  /** Sends one claimed message, giving up when `signal` aborts. A throw counts as a failed attempt. */
  send(claim: OutboxClaim, signal: AbortSignal): Promise<Outcome>;
  /**
   * Writes the settlement to the row, only where `heldBy(claim)` still matches, clearing
   * `lockedUntil`. `outcome` is the sender's (null when it threw or was not called).
   */
  settle(claim: OutboxClaim, settlement: Settlement, outcome: Outcome | null): Promise<void>;
}

/** The row condition for "still claimed by this process". */
export function heldBy(claim: OutboxClaim): { id: string; lockedUntil: Date } {
  return { id: claim.id, lockedUntil: claim.lease };
}
