import { normalizeIp } from "~/http/client-ip";
import { z } from "zod";
import type { ControlDb, TenantDb } from "~/db/clients.server";
import { parseMetadata } from "~/management-api/common.server";

/**
 * A user's data as they (or, for them, the tenant's admins and API) can download it: what
 * Portico holds about them in the tenant's database and in the control plane. Secrets never
 * appear: no password hashes, OAuth tokens, session tokens, TOTP secrets, backup codes or
 * passkey public keys, and no message bodies (they held sign-in links and codes).
 */
const Timestamp = z.iso.datetime({ offset: true });
const When = Timestamp.nullable();

export const UserExportSchema = z
  .object({
    format: z.literal("portico.user-export.v1"),
    exportedAt: Timestamp,
    tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    profile: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      emailVerified: z.boolean(),
      image: z.string().nullable(),
      username: z.string().nullable(),
      phoneNumber: z.string().nullable(),
      phoneNumberVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
      externalId: z.string().nullable(),
      publicMetadata: z.record(z.string(), z.unknown()),
      banned: z.boolean(),
      banReason: z.string().nullable(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
    }),
    accounts: z.array(z.object({ providerId: z.string(), createdAt: Timestamp })),
    sessions: z.array(
      z.object({
        id: z.string(),
        ipAddress: z.string().nullable(),
        userAgent: z.string().nullable(),
        createdAt: Timestamp,
        expiresAt: Timestamp,
      }),
    ),
    organizations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        slug: z.string(),
        role: z.string(),
        joinedAt: Timestamp,
      }),
    ),
    invitations: z.array(
      z.object({
        organization: z.string(),
        role: z.string().nullable(),
        status: z.string(),
        createdAt: Timestamp,
        expiresAt: Timestamp,
      }),
    ),
    passkeys: z.array(z.object({ name: z.string().nullable(), deviceType: z.string(), createdAt: When })),
    auditEvents: z.array(
      z.object({
        type: z.string(),
        actorType: z.string(),
        ipAddress: z.string().nullable(),
        userAgent: z.string().nullable(),
        createdAt: Timestamp,
      }),
    ),
    emails: z.array(z.object({ subject: z.string(), status: z.string(), createdAt: Timestamp, sentAt: When })),
    textMessages: z.array(z.object({ status: z.string(), createdAt: Timestamp, sentAt: When })),
  })
  .meta({ id: "UserExport" });

export type UserExport = z.infer<typeof UserExportSchema>;

/** The newest entries of each history are enough for a person to read; a bound keeps the file sane. */
const HISTORY_LIMIT = 5_000;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export type ExportSource = {
  control: ControlDb;
  tenant: { id: string; slug: string; name: string };
  db: TenantDb;
};

/** Everything about one user of the tenant, or null when there is no such user. */
export async function buildUserExport(
  { control, tenant, db }: ExportSource,
  userId: string,
  now = new Date(),
): Promise<UserExport | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return null;
  const byUser = { where: { userId: user.id } };
  const [accounts, sessions, members, invitations, passkeys] = await Promise.all([
    db.account.findMany({ ...byUser, select: { providerId: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    db.session.findMany({
      where: { userId: user.id, expiresAt: { gt: now } },
      select: { id: true, ipAddress: true, userAgent: true, createdAt: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
    }),
    db.member.findMany({
      ...byUser,
      select: { role: true, createdAt: true, organization: { select: { id: true, name: true, slug: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.invitation.findMany({
      where: { email: user.email },
      select: { role: true, status: true, createdAt: true, expiresAt: true, organization: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.passkey.findMany({
      ...byUser,
      select: { name: true, deviceType: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const [auditEvents, emails, textMessages] = await Promise.all([
    control.auditEvent.findMany({
      where: {
        tenantId: tenant.id,
        OR: [
          { targetType: "user", targetId: user.id },
          { actorType: "user", actorId: user.id },
        ],
      },
      select: { type: true, actorType: true, ipAddress: true, userAgent: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: HISTORY_LIMIT,
    }),
    control.emailMessage.findMany({
      where: { tenantId: tenant.id, to: user.email },
      select: { subject: true, status: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "desc" },
      take: HISTORY_LIMIT,
    }),
    user.phoneNumber
      ? control.smsMessage.findMany({
          where: { tenantId: tenant.id, to: user.phoneNumber },
          select: { status: true, createdAt: true, sentAt: true },
          orderBy: { createdAt: "desc" },
          take: HISTORY_LIMIT,
        })
      : Promise.resolve([]),
  ]);
  return {
    format: "portico.user-export.v1",
    exportedAt: iso(now),
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    profile: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerified,
      image: user.image,
      username: user.displayUsername ?? user.username,
      phoneNumber: user.phoneNumber,
      phoneNumberVerified: Boolean(user.phoneNumberVerified),
      twoFactorEnabled: Boolean(user.twoFactorEnabled),
      externalId: user.externalId,
      // Private metadata is the customer's backend notes, which the user never sees elsewhere either.
      publicMetadata: parseMetadata(user.publicMetadata),
      banned: Boolean(user.banned),
      banReason: user.banReason,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    accounts: accounts.map((account) => ({ providerId: account.providerId, createdAt: iso(account.createdAt) })),
    sessions: sessions.map((session) => ({
      ...session,
      ipAddress: normalizeIp(session.ipAddress),
      createdAt: iso(session.createdAt),
      expiresAt: iso(session.expiresAt),
    })),
    organizations: members.map((member) => ({
      ...member.organization,
      role: member.role,
      joinedAt: iso(member.createdAt),
    })),
    invitations: invitations.map((invitation) => ({
      organization: invitation.organization.name,
      role: invitation.role,
      status: invitation.status,
      createdAt: iso(invitation.createdAt),
      expiresAt: iso(invitation.expiresAt),
    })),
    passkeys: passkeys.map((passkey) => ({ ...passkey, createdAt: isoOrNull(passkey.createdAt) })),
    auditEvents: auditEvents.map((event) => ({
      ...event,
      ipAddress: normalizeIp(event.ipAddress),
      createdAt: iso(event.createdAt),
    })),
    emails: emails.map((email) => ({ ...email, createdAt: iso(email.createdAt), sentAt: isoOrNull(email.sentAt) })),
    textMessages: textMessages.map((sms) => ({ ...sms, createdAt: iso(sms.createdAt), sentAt: isoOrNull(sms.sentAt) })),
  };
}

/** The file name a download is saved under: `<tenant>-<user id>-data.json`. */
export function exportFileName(tenantSlug: string, userId: string): string {
  return `${tenantSlug}-${userId.replace(/[^A-Za-z0-9_-]/g, "")}-data.json`;
}

/** A JSON download of the export; never cached, since it is personal data. */
export function exportResponse(data: UserExport, headers: HeadersInit = {}): Response {
  const response = new Response(JSON.stringify(data, null, 2), { headers });
  response.headers.set("content-type", "application/json; charset=utf-8");
  response.headers.set(
    "content-disposition",
    `attachment; filename="${exportFileName(data.tenant.slug, data.profile.id)}"`,
  );
  response.headers.set("cache-control", "no-store");
  return response;
}
