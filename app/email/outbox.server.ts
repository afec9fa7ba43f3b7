import { randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";
import type { MailServers } from "./mail-servers.server";

/**
 * Outgoing email. Every message is written to the control plane first, so sending never slows
 * or fails the request that caused it. With a mail server for its tenant (or the deployment's
 * SMTP_URL) a message is "queued" and the EmailSender delivers it ("sent", or "failed" after its
 * retries, with lastError); without one it stays "captured" and the console's outbox shows it,
 * so a local user can follow every link.
 */
export type OutgoingEmail = { tenantId: string | null; to: string; subject: string; text: string; html?: string };

export type EmailStatus = "captured" | "queued" | "sent" | "failed";

export type StoredEmail = OutgoingEmail & {
  id: string;
  status: string;
  attempts: number;
  /** The last delivery error's first line (never credentials); null once nothing failed. */
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
};

export class EmailOutbox {
  constructor(
    private readonly storage: Storage,
    /** Without mail servers every message is captured (tests, tools that only read). */
    private readonly servers?: MailServers,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(email: OutgoingEmail): Promise<string> {
    const queued = (await this.servers?.exists(email.tenantId)) ?? false;
    const status: EmailStatus = queued ? "queued" : "captured";
    const db = await this.storage.control();
    const id = randomUUID();
    await db.emailMessage.create({
      data: {
        id,
        tenantId: email.tenantId,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? null,
        status,
        nextAttemptAt: queued ? this.now() : null,
      },
    });
    return id;
  }

  async list({ tenantId, limit = 50 }: { tenantId: string | null; limit?: number }): Promise<StoredEmail[]> {
    const db = await this.storage.control();
    const rows = await db.emailMessage.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: limit });
    return rows.map((row) => ({ ...row, html: row.html ?? undefined }));
  }

  async get(id: string): Promise<StoredEmail | null> {
    const db = await this.storage.control();
    const row = await db.emailMessage.findUnique({ where: { id } });
    return row && { ...row, html: row.html ?? undefined };
  }
}
