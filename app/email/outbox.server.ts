import { randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";

/**
 * Outgoing email. Every message is written to the control plane first; until SMTP is
 * configured (issue 5 adds the transport) it stays there as "captured" and the console's
 * outbox shows it, so a local user can follow every link.
 */
export type OutgoingEmail = { tenantId: string | null; to: string; subject: string; text: string; html?: string };

export type StoredEmail = OutgoingEmail & { id: string; status: string; createdAt: Date };

export class EmailOutbox {
  constructor(private readonly storage: Storage) {}

  async send(email: OutgoingEmail): Promise<string> {
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
