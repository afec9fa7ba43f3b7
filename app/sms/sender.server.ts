import type { Storage } from "~/db/storage.server";
import type { SmsGateway } from "./config.server";
import { OutboxSeal } from "~/email/outbox.server";
import type { SmsStatus } from "./outbox.server";
import { errorField, log } from "~/ops/log.server";

/** Waits after the 1st…4th failed attempt; the 5th failure marks the message "failed". */
export const SMS_RETRY_DELAYS_MS = [15_000, 60_000, 5 * 60_000, 30 * 60_000] as const;
export const SMS_MAX_ATTEMPTS = SMS_RETRY_DELAYS_MS.length + 1;

/** Longer than the request timeout, so a live sender always finishes first (see EmailSender). */
const CLAIM_LEASE_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 500;

export type SmsSendPass = { sent: number; retrying: number; failed: number };

/**
 * Delivers queued text messages through a Twilio-compatible Messages API
 * (`POST /2010-04-01/Accounts/<sid>/Messages.json`, form-encoded To/From/Body, basic auth).
 * Claims messages with a conditional update, as the EmailSender does, so concurrent passes in
 * this or another process never send a message twice. A code that arrives hours late is
 * useless, so retries stop after about half an hour.
 */
export class SmsSender {
  readonly #now: () => Date;
  readonly #seal: OutboxSeal;

  constructor(
    private readonly storage: Storage,
    private readonly gateway: SmsGateway | null,
    /** `seal` must be the outbox's (same PORTICO_SECRET), or sealed texts cannot be opened. */
    { now = () => new Date(), seal = new OutboxSeal() }: { now?: () => Date; seal?: OutboxSeal } = {},
  ) {
    this.#now = now;
    this.#seal = seal;
  }

  /** Whether texts are delivered at all (else they stay captured in the console). */
  get configured(): boolean {
    return this.gateway !== null;
  }

  /** `keepGoing` is asked before each claim: a stopping sender claims nothing more. */
  async sendDue(keepGoing: () => boolean = () => true): Promise<SmsSendPass> {
    const pass: SmsSendPass = { sent: 0, retrying: 0, failed: 0 };
    if (!this.gateway) return pass;
    const db = await this.storage.control();
    const due = await db.smsMessage.findMany({
      where: { status: "queued" satisfies SmsStatus, nextAttemptAt: { lte: this.#now() } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH_SIZE,
      select: { id: true, attempts: true },
    });
    for (const message of due) {
      if (!keepGoing()) break;
      const outcome = await this.#claimAndSend(this.gateway, message.id, message.attempts);
      if (outcome) pass[outcome]++;
    }
    return pass;
  }

  /**
   * Runs a pass every `intervalMs` until stopped; the timer never keeps the process alive.
   * `stop()` claims nothing more and resolves once the message in hand is finished (sent or
   * rescheduled), so a shutdown leaves no message claimed.
   */
  start({ intervalMs }: { intervalMs: number }): { stop(): Promise<void> } {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let running: Promise<void> | undefined;
    const tick = async () => {
      try {
        await this.sendDue(() => !stopped);
      } catch (error) {
        log.error({ err: errorField(error) }, "SMS sender pass failed");
      }
      if (!stopped) timer = setTimeout(() => void (running = tick()), intervalMs).unref();
    };
    timer = setTimeout(() => void (running = tick()), intervalMs).unref();
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await running;
      },
    };
  }

  async #claimAndSend(gateway: SmsGateway, id: string, attempts: number): Promise<keyof SmsSendPass | null> {
    const db = await this.storage.control();
    const now = this.#now();
    const claimed = await db.smsMessage.updateMany({
      where: { id, status: "queued" satisfies SmsStatus, attempts, nextAttemptAt: { lte: now } },
      data: { attempts: attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (claimed.count !== 1) return null;
    const message = await db.smsMessage.findUniqueOrThrow({ where: { id } });
    try {
      await deliver(gateway, { to: message.to, body: message.sealed ? this.#seal.open(message.sealed) : message.body });
    } catch (error) {
      const attempt = attempts + 1;
      const failed = attempt >= SMS_MAX_ATTEMPTS;
      await db.smsMessage.update({
        where: { id },
        data: {
          status: failed ? "failed" : "queued",
          // A code that will never be sent has no use.
          ...(failed ? { sealed: null } : {}),
          lastError: describeError(error, gateway.authToken),
          nextAttemptAt: failed ? null : new Date(this.#now().getTime() + SMS_RETRY_DELAYS_MS[attempt - 1]!),
        },
      });
      return failed ? "failed" : "retrying";
    }
    await db.smsMessage.update({
      where: { id },
      // Delivered: the code leaves the database; the redacted text stays for the log.
      data: { status: "sent", sentAt: this.#now(), nextAttemptAt: null, lastError: null, sealed: null },
    });
    return "sent";
  }
}

async function deliver(gateway: SmsGateway, message: { to: string; body: string }): Promise<void> {
  const url = `${gateway.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(gateway.accountSid)}/Messages.json`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${gateway.accountSid}:${gateway.authToken}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ To: message.to, From: gateway.from, Body: message.body }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    redirect: "error",
  });
  if (response.ok) return;
  // Twilio answers errors as JSON { code, message }; anything else is reported by status.
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  const detail = typeof body?.message === "string" ? `: ${body.message}` : "";
  throw new Error(`The SMS gateway answered ${response.status}${detail}`);
}

/** The error's first line, with the auth token blanked out, short enough for a table cell. */
function describeError(error: unknown, authToken: string): string {
  const line = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim() || "Unknown error";
  return line.split(authToken).join("***").slice(0, MAX_ERROR_LENGTH);
}
