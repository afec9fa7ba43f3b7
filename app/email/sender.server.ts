import { createTransport } from "nodemailer";
import type { Storage } from "~/db/storage.server";
import type { MailServer, MailServers } from "./mail-servers.server";
import { openSealedEmail, OutboxSeal, type EmailStatus } from "./outbox.server";
import { errorField, log } from "~/ops/log.server";

/** Waits after the 1st…5th failed attempt; the 6th failure marks the message "failed". */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long a claimed message is reserved for the process sending it. Longer than the SMTP
 * timeouts, so a live sender always finishes first; a sender that died mid-send leaves the
 * message to be retried once the lease runs out.
 */
const CLAIM_LEASE_MS = 2 * 60_000;
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 500;

export type SendPass = { sent: number; retrying: number; failed: number };

/**
 * Delivers queued messages. Each pass claims due messages one by one with a conditional update
 * (same status and attempt count as when read, then attempts + 1 and nextAttemptAt pushed past
 * the lease), so concurrent passes, in this process or another, never send a message twice.
 */
export class EmailSender {
  readonly #now: () => Date;
  readonly #seal: OutboxSeal;

  constructor(
    private readonly storage: Storage,
    private readonly servers: MailServers,
    /** `seal` must be the outbox's (same PORTICO_SECRET), or sealed messages cannot be opened. */
    { now = () => new Date(), seal = new OutboxSeal() }: { now?: () => Date; seal?: OutboxSeal } = {},
  ) {
    this.#now = now;
    this.#seal = seal;
  }

  /** One pass over the messages due now. */
  /** `keepGoing` is asked before each claim: a stopping sender claims nothing more. */
  async sendDue(keepGoing: () => boolean = () => true): Promise<SendPass> {
    const db = await this.storage.control();
    const due = await db.emailMessage.findMany({
      where: { status: "queued" satisfies EmailStatus, nextAttemptAt: { lte: this.#now() } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH_SIZE,
      select: { id: true, attempts: true },
    });
    const pass: SendPass = { sent: 0, retrying: 0, failed: 0 };
    for (const message of due) {
      if (!keepGoing()) break;
      const outcome = await this.#claimAndSend(message.id, message.attempts);
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
        log.error({ err: errorField(error) }, "Email sender pass failed");
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

  async #claimAndSend(id: string, attempts: number): Promise<keyof SendPass | null> {
    const db = await this.storage.control();
    const now = this.#now();
    const claimed = await db.emailMessage.updateMany({
      where: { id, status: "queued" satisfies EmailStatus, attempts, nextAttemptAt: { lte: now } },
      data: { attempts: attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (claimed.count !== 1) return null;
    const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    let server: MailServer | null = null;
    try {
      server = await this.servers.forMessage(message.tenantId);
      if (!server) {
        // The mail server was removed after queuing: keep the message readable in the outbox.
        await db.emailMessage.update({ where: { id }, data: { status: "captured", nextAttemptAt: null } });
        return null;
      }
      await deliver(server, { to: message.to, ...openSealedEmail(message, this.#seal) });
    } catch (error) {
      const attempt = attempts + 1;
      const failed = attempt >= MAX_ATTEMPTS;
      await db.emailMessage.update({
        where: { id },
        data: {
          status: failed ? "failed" : "queued",
          // A message that will never be sent has no use for its credential.
          ...(failed ? { sealed: null } : {}),
          lastError: describeError(error, server?.secrets ?? []),
          nextAttemptAt: failed ? null : new Date(this.#now().getTime() + RETRY_DELAYS_MS[attempt - 1]!),
        },
      });
      return failed ? "failed" : "retrying";
    }
    await db.emailMessage.update({
      where: { id },
      // Delivered: the live credential leaves the database; the redacted copy stays for the log.
      data: { status: "sent", sentAt: this.#now(), nextAttemptAt: null, lastError: null, sealed: null },
    });
    return "sent";
  }
}

async function deliver(
  server: MailServer,
  message: { to: string; subject: string; text: string; html: string | null },
): Promise<void> {
  const transport = createTransport(server.options);
  try {
    await transport.sendMail({
      from: server.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
    });
  } finally {
    transport.close();
  }
}

/** The error's first line, with any credential blanked out, short enough for a table cell. */
function describeError(error: unknown, secrets: string[]): string {
  let line = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim() || "Unknown error";
  for (const secret of secrets) line = line.split(secret).join("***");
  return line.slice(0, MAX_ERROR_LENGTH);
}
