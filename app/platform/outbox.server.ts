import { getPortico } from "~/context.server";
import type { StoredEmail } from "~/email/outbox.server";
import type { PlatformUser } from "./session.server";

/** One outbox row as listed: no body, which is only loaded for the message being read. */
export type OutboxEntry = Pick<StoredEmail, "id" | "to" | "subject" | "status" | "createdAt">;

const LIST_LIMIT = 100;
const entryFields = { id: true, to: true, subject: true, status: true, createdAt: true } as const;

/**
 * The platform outbox (mail not tied to a tenant, such as invitations) as one account may see
 * it: only the messages addressed to its own address, and only once it has proved it owns that
 * address (signing up with someone else's address shows nothing). Live credentials in them
 * (invitation and verification links) are hidden all the same: the outbox is a delivery log,
 * the link only ever travels by mail.
 */
export async function listPlatformMail(user: Pick<PlatformUser, "email" | "emailVerified">): Promise<OutboxEntry[]> {
  if (!user.emailVerified) return [];
  const db = await getPortico().storage.control();
  return db.emailMessage.findMany({
    where: { tenantId: null, to: user.email.toLowerCase() },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
    select: entryFields,
  });
}

export async function getPlatformMail(
  user: Pick<PlatformUser, "email" | "emailVerified">,
  id: string,
): Promise<StoredEmail | null> {
  if (!user.emailVerified) return null;
  const message = await getPortico().outbox.getRedacted(id);
  return message && message.tenantId === null && message.to === user.email.toLowerCase() ? message : null;
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

/**
 * One of the tenant's messages, credentials hidden (every console role, viewers included, reads
 * this; a reset link shown here would let them take over the user). Another tenant's message
 * id finds nothing.
 */
export async function getTenantMail(tenantId: string, id: string): Promise<StoredEmail | null> {
  const message = await getPortico().outbox.getRedacted(id);
  return message?.tenantId === tenantId ? message : null;
}
