import { createTransport } from "nodemailer";
import type { Storage } from "~/db/storage.server";
import { OutboxEngine } from "~/outbox/engine.server";
import type { OutboxKind } from "~/outbox/kind.server";
import { describeError } from "~/outbox/retry";
import { MessageSender, QUEUED, settleMessage, type SendPass } from "~/outbox/sealed-messages.server";
import type { MailServer, MailServers } from "./mail-servers.server";
import { OutboxSeal } from "~/outbox/seal.server";
import { openSealedEmail } from "./outbox.server";

export type { SendPass };

/** Waits after the 1st…5th failed attempt; the 6th failure marks the message "failed". */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * One SMTP send's limit. The transport's own timeouts (mail-servers.server.ts) only bound
 * silence; this bounds a server that answers a byte at a time (a tenant chooses its server).
 */
const SEND_TIMEOUT_MS = 90_000;
/** How long a claimed message is reserved for the process sending it: longer than a send. */
const CLAIM_LEASE_MS = 2 * 60_000;

/**
 * Email as an outbox kind: one message at a time per process (one SMTP connection each), 20
 * per pass. A message whose mail server was removed after it was queued goes back to
 * "captured".
 */
export function emailKind(storage: Storage, servers: MailServers, seal: OutboxSeal): OutboxKind {
  return {
    name: "email",
    table: "email_message",
    pendingStatus: QUEUED,
    leaseMs: CLAIM_LEASE_MS,
    sendTimeoutMs: SEND_TIMEOUT_MS,
    batchSize: 1,
    passLimit: 20,
    retry: { delaysMs: RETRY_DELAYS_MS, jitter: 0 },
    async send(claim, signal) {
      const db = await storage.control();
      const message = await db.emailMessage.findUniqueOrThrow({ where: { id: claim.id } });
      const server = await servers.forMessage(message.tenantId);
      if (!server) return { result: "withdrawn" };
      try {
        await deliver(server, { to: message.to, ...openSealedEmail(message, seal) }, signal);
        return { result: "delivered" };
      } catch (error) {
        return { result: "failed", error: describeError(error, server.secrets) };
      }
    },
    async settle(claim, settlement) {
      await settleMessage((await storage.control()).emailMessage, claim, settlement);
    },
  };
}

/** Delivers queued email with nodemailer through the outbox engine (app/outbox). */
export class EmailSender extends MessageSender {
  constructor(
    storage: Storage,
    servers: MailServers,
    /** `seal` must be the outbox's (same PORTICO_SECRET), or sealed messages cannot be opened. */
    { now, seal = new OutboxSeal() }: { now?: () => Date; seal?: OutboxSeal } = {},
  ) {
    super(new OutboxEngine(storage, emailKind(storage, servers, seal), { now }));
  }
}

async function deliver(
  server: MailServer,
  message: { to: string; subject: string; text: string; html: string | null },
  signal: AbortSignal,
): Promise<void> {
  const transport = createTransport(server.options);
  try {
    await transport.sendMail({
      from: server.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
      // Cancels the whole send, however far it got (nodemailer ≥ 10.5).
      signal,
    });
  } finally {
    transport.close();
  }
}
