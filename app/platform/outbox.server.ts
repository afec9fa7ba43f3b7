import { getPortico } from "~/context.server";
import type { StoredEmail } from "~/email/outbox.server";

/** One outbox row as listed: no body, which is only loaded for the message being read. */
export type OutboxEntry = Pick<StoredEmail, "id" | "to" | "subject" | "status" | "createdAt">;

const LIST_LIMIT = 100;
const entryFields = { id: true, to: true, subject: true, status: true, createdAt: true } as const;

/**
 * The platform outbox (mail not tied to a tenant, such as invitations) as one account may see
 * it: only the messages addressed to that account's own email, because they carry invitation
 * links meant for that person alone.
 */
export async function listPlatformMail(email: string): Promise<OutboxEntry[]> {
  const db = await getPortico().storage.control();
  return db.emailMessage.findMany({
    where: { tenantId: null, to: email.toLowerCase() },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: entryFields,
  });
}

export async function getPlatformMail(email: string, id: string): Promise<StoredEmail | null> {
  const message = await getPortico().outbox.get(id);
  return message && message.tenantId === null && message.to === email.toLowerCase() ? message : null;
}

/** A tenant's outbox (password resets and other mail the tenant sends its users). */
export async function listTenantMail(tenantId: string): Promise<OutboxEntry[]> {
  const db = await getPortico().storage.control();
  return db.emailMessage.findMany({
    where: { tenantId },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: entryFields,
  });
}

/** One of the tenant's messages; another tenant's message id finds nothing. */
export async function getTenantMail(tenantId: string, id: string): Promise<StoredEmail | null> {
  const message = await getPortico().outbox.get(id);
  return message?.tenantId === tenantId ? message : null;
}
