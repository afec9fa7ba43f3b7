import type { Storage } from "~/db/storage.server";
import { claimDue, releaseClaims } from "./claims.server";
import type { OutboxClaim, OutboxKind, SendOutcome, Settlement } from "./kind.server";
import { describeError, maxAttempts, retryDelay } from "./retry";
import { errorField, log } from "~/ops/log.server";
import { outboxDeliveries } from "~/ops/metrics.server";
import { withSpan } from "~/ops/tracing.server";

/** What one pass did: claims taken, and how they were settled. */
export type OutboxPass = Record<"claimed" | Settlement["result"], number>;

/** A running engine: `wake()` runs a pass now; `stop()` resolves once nothing is held. */
export type OutboxWorker = { wake(): void; stop(): Promise<void> };

/** The error recorded for a message whose every attempt was cut short (see `#deliver`). */
export const INTERRUPTED_ERROR = "Every attempt was interrupted (the delivering process stopped); given up.";

/**
 * The one outbox engine: email, text messages and webhook deliveries are rows in control-plane
 * tables, and this claims due rows with a lease, sends each through its kind's sender, then
 * marks it delivered, schedules a retry (the kind's backoff, with jitter) or gives it up as
 * failed after the last attempt (the dead letter, kept with its error for the console).
 *
 * Delivery is at least once: a process that dies mid-send leaves its claim to expire
 * (`leaseMs`), and the message is sent again by whichever process claims it next. Claims are
 * safe with any number of processes on one database (claims.server.ts).
 */
export class OutboxEngine<Outcome extends SendOutcome = SendOutcome> {
  readonly #now: () => Date;
  readonly #random: () => number;

  constructor(
    private readonly storage: Storage,
    private readonly kind: OutboxKind<Outcome>,
    { now = () => new Date(), random = Math.random }: { now?: () => Date; random?: () => number } = {},
  ) {
    if (kind.sendTimeoutMs >= kind.leaseMs) throw new Error(`The ${kind.name} outbox's lease must outlast a send.`);
    this.#now = now;
    this.#random = random;
  }

  /**
   * One pass over what is due now: claims a batch, sends it (the batch concurrently), and
   * repeats until nothing is due or `passLimit` messages were handled. `keepGoing` is asked
   * before each claim and after it: a stopping engine claims nothing more, and gives back a
   * batch it claimed while being stopped.
   */
  async deliverDue(keepGoing: () => boolean = () => true): Promise<OutboxPass> {
    const pass: OutboxPass = { claimed: 0, delivered: 0, retrying: 0, failed: 0, withdrawn: 0 };
    if (this.kind.active?.() === false) return pass;
    while (pass.claimed < this.kind.passLimit && keepGoing()) {
      const now = this.#now();
      const limit = Math.min(this.kind.batchSize, this.kind.passLimit - pass.claimed);
      const claims = await claimDue(this.storage, {
        table: this.kind.table,
        pendingStatus: this.kind.pendingStatus,
        now,
        lease: new Date(now.getTime() + this.kind.leaseMs),
        limit,
      });
      if (!keepGoing()) {
        await releaseClaims(this.storage, this.kind.table, claims);
        break;
      }
      pass.claimed += claims.length;
      const delivering = claims.map((claim) =>
        withSpan(
          "outbox.deliver",
          { "portico.outbox.kind": this.kind.name, "portico.outbox.attempt": claim.attempts },
          () => this.#deliver(claim),
        ),
      );
      for (const result of await Promise.all(delivering)) {
        if (result) pass[result]++;
      }
      if (claims.length < limit) break;
    }
    return pass;
  }

  /**
   * Runs a pass every `intervalMs`, at once on `wake()`, and again straight away after a pass
   * that reached its limit (more is due). Never two passes at once; the timer never keeps the
   * process alive. `stop()` starts nothing more and resolves once the pass in flight has
   * settled every message it claimed, so a shutdown leaves no claim for a lease to expire.
   */
  start({ intervalMs }: { intervalMs: number }): OutboxWorker {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    let stopped = false;
    const run = () => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      clearTimeout(timer);
      running = this.deliverDue(() => !stopped).then(
        (pass) => next(pass.claimed >= this.kind.passLimit),
        (error: unknown) => {
          log.error({ kind: this.kind.name, err: errorField(error) }, "Outbox pass failed");
          next(false);
        },
      );
    };
    const next = (full: boolean) => {
      running = undefined;
      if (stopped) return;
      if (full || again) {
        again = false;
        run();
      } else {
        timer = setTimeout(run, intervalMs).unref();
      }
    };
    timer = setTimeout(run, intervalMs).unref();
    return {
      wake: run,
      async stop() {
        stopped = true;
        clearTimeout(timer);
        // A finishing pass may start the next one before it sees `stopped`: wait for both.
        while (running) await running;
      },
    };
  }

  /** Sends one claim and records how it ended; null when the record could not be written. */
  async #deliver(claim: OutboxClaim): Promise<Settlement["result"] | null> {
    let outcome: Outcome | null = null;
    let settlement: Settlement;
    if (claim.attempts > maxAttempts(this.kind.retry)) {
      // Claimed again and again by processes that died mid-send: this message may be what
      // kills them, so it is not sent once more.
      settlement = { result: "failed", at: this.#now(), error: INTERRUPTED_ERROR };
    } else {
      let failure: SendOutcome;
      try {
        outcome = await this.#sendWithDeadline(claim);
        failure = outcome;
      } catch (error) {
        failure = { result: "failed", error: describeError(error) };
      }
      settlement = this.#settlementFor(claim, failure);
    }
    try {
      await this.kind.settle(claim, settlement, outcome);
      outboxDeliveries.inc({ kind: this.kind.name, outcome: settlement.result });
      return settlement.result;
    } catch (error) {
      // The claim stays until its lease runs out; then the message is tried again.
      log.error({ kind: this.kind.name, err: errorField(error) }, "Could not record an outbox delivery");
      return null;
    }
  }

  /** The kind's send, cut off after `sendTimeoutMs` (the send is told through its signal). */
  async #sendWithDeadline(claim: OutboxClaim): Promise<Outcome> {
    const deadline = new AbortController();
    const seconds = Math.round(this.kind.sendTimeoutMs / 100) / 10;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`Timed out after ${seconds} s.`);
        deadline.abort(error);
        reject(error);
      }, this.kind.sendTimeoutMs);
    });
    const sending = this.kind.send(claim, deadline.signal);
    // A send that ignores its signal may still settle after the deadline; nobody awaits it then.
    sending.catch(() => undefined);
    try {
      return await Promise.race([sending, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  #settlementFor(claim: OutboxClaim, outcome: SendOutcome): Settlement {
    const at = this.#now();
    if (outcome.result !== "failed") return { result: outcome.result, at };
    const delay = outcome.final
      ? null
      : retryDelay(this.kind.retry, claim.attempts, outcome.retryAfterMs ?? null, this.#random);
    if (delay === null) return { result: "failed", at, error: outcome.error };
    return { result: "retrying", at, error: outcome.error, nextAttemptAt: new Date(at.getTime() + delay) };
  }
}
