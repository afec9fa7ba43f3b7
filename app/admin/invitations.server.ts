import { createHash, randomBytes, randomUUID } from "node:crypto";
import { getPortico } from "~/context.server";
import type { Storage } from "~/db/storage.server";
import type { EmailOutbox } from "~/email/outbox.server";
import { ROLES, roleAtLeast, type Role } from "./roles";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type PendingInvitation = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date };

/** What an invitation link leads to, for the page that opens it. */
export type InvitationLookup =
  | { status: "unknown" }
  | { status: "used" | "expired" | "valid"; tenant: { name: string; slug: string }; email: string; role: Role };

export type InvitationErrorCode =
  "already_member" | "not_found" | "unknown" | "used" | "expired" | "wrong_account" | "unverified";

export class InvitationError extends Error {
  constructor(
    readonly code: InvitationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Inviter = { id: string; name: string; email: string };

/** Only a SHA-256 of the token is stored, so a copy of the database cannot be used to join. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Invitations to administer a tenant. The email goes to the platform outbox (tenantId null):
 * the invitee is not a member yet, so only the platform outbox, which shows each account the
 * mail addressed to its own email, lets them read it; the tenant's outbox is readable by every
 * viewer and would hand the link to people it was not sent to.
 */
export class InvitationService {
  constructor(
    private readonly storage: Storage,
    private readonly outbox: EmailOutbox,
    private readonly options: {
      publicUrl: URL;
      appName: string;
      /** Where invitees ask for help (APP_SUPPORT_EMAIL or APP_SUPPORT_URL), shown in the email. */
      support?: string | null;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async invite(input: {
    tenant: { id: string; name: string };
    email: string;
    role: Role;
    invitedBy: Inviter;
  }): Promise<{ id: string; link: string; emailId: string }> {
    const email = input.email.trim().toLowerCase();
    const db = await this.storage.control();
    const existing = await db.membership.findFirst({
      where: { tenantId: input.tenant.id, user: { email } },
      select: { id: true },
    });
    if (existing)
      throw new InvitationError("already_member", `${email} is already a member; change their role instead.`);
    const token = randomBytes(32).toString("base64url");
    const id = randomUUID();
    const expiresAt = new Date(this.#now().getTime() + INVITATION_LIFETIME_MS);
    // A new invitation replaces an unused older one, so only the latest link works.
    await db.$transaction([
      db.invitation.deleteMany({ where: { tenantId: input.tenant.id, email, acceptedAt: null } }),
      db.invitation.create({
        data: {
          id,
          tenantId: input.tenant.id,
          email,
          role: input.role,
          tokenHash: hashInvitationToken(token),
          invitedById: input.invitedBy.id,
          expiresAt,
          createdAt: this.#now(),
        },
      }),
    ]);
    const link = `${this.options.publicUrl.origin}/invite/${token}`;
    const emailId = await this.outbox.send({
      tenantId: null,
      to: email,
      subject: `You're invited to administer ${input.tenant.name}`,
      text: [
        `${input.invitedBy.name} (${input.invitedBy.email}) invited you to administer "${input.tenant.name}" on ${this.options.appName} as ${input.role}.`,
        "",
        "Accept the invitation:",
        link,
        "",
        `The link works once and expires on ${expiresAt.toUTCString()}. If you did not expect this email, ignore it.`,
        ...(this.options.support ? ["", `Questions? ${this.options.appName} support: ${this.options.support}`] : []),
      ].join("\n"),
      // The link makes whoever holds it an admin: the outbox keeps it sealed, never readable.
      credentials: [{ value: link, label: "invitation link" }],
    });
    return { id, link, emailId };
  }

  /** Invitations not accepted yet (expired ones included, so an owner can see and replace them). */
  async listPending(tenantId: string): Promise<PendingInvitation[]> {
    const db = await this.storage.control();
    const rows = await db.invitation.findMany({
      where: { tenantId, acceptedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    });
    return rows.map((row) => ({ ...row, role: row.role as Role }));
  }

  /** Revokes an unused invitation of this tenant; an id of another tenant is not found. */
  async revoke(tenantId: string, invitationId: string): Promise<PendingInvitation> {
    const db = await this.storage.control();
    const row = await db.invitation.findFirst({
      where: { id: invitationId, tenantId, acceptedAt: null },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    });
    if (!row) throw new InvitationError("not_found", "That invitation does not exist or was already used.");
    await db.invitation.delete({ where: { id: row.id } });
    return { ...row, role: row.role as Role };
  }

  async lookup(token: string): Promise<InvitationLookup> {
    const row = await this.#find(token);
    if (!row) return { status: "unknown" };
    const status = row.acceptedAt ? "used" : row.expiresAt <= this.#now() ? "expired" : "valid";
    return { status, tenant: row.tenant, email: row.email, role: row.role as Role };
  }

  /**
   * Makes the signed-in account a member. Only an account whose stored, verified address is
   * the invited one may accept (read from the database, not from the caller), so signing up
   * with someone else's address and getting hold of the link is not enough. The link works
   * once: the invitation is marked used with a conditional update, so two simultaneous
   * accepts cannot both succeed.
   */
  async accept(
    token: string,
    user: { id: string; email: string },
  ): Promise<{ tenant: { id: string; name: string; slug: string }; role: Role }> {
    const row = await this.#find(token);
    if (!row) throw new InvitationError("unknown", "This invitation link is not valid.");
    if (row.acceptedAt) throw new InvitationError("used", "This invitation was already used.");
    if (row.expiresAt <= this.#now()) throw new InvitationError("expired", "This invitation has expired.");
    const db = await this.storage.control();
    const account = await db.platformUser.findUnique({
      where: { id: user.id },
      select: { email: true, emailVerified: true },
    });
    if (!account || account.email.toLowerCase() !== row.email)
      throw new InvitationError("wrong_account", `This invitation is for ${row.email}.`);
    if (!account.emailVerified)
      throw new InvitationError("unverified", `Confirm ${row.email} (the link in your email) before accepting.`);
    const role = row.role as Role;
    return db.$transaction(async (tx) => {
      const marked = await tx.invitation.updateMany({
        where: { id: row.id, acceptedAt: null },
        data: { acceptedAt: this.#now() },
      });
      if (marked.count !== 1) throw new InvitationError("used", "This invitation was already used.");
      const current = await tx.membership.findUnique({
        where: { tenantId_userId: { tenantId: row.tenantId, userId: user.id } },
        select: { role: true },
      });
      // Someone who became a member meanwhile keeps the higher of the two roles.
      const finalRole = current && roleAtLeast(current.role as Role, role) ? (current.role as Role) : role;
      await tx.membership.upsert({
        where: { tenantId_userId: { tenantId: row.tenantId, userId: user.id } },
        create: { id: randomUUID(), tenantId: row.tenantId, userId: user.id, role: finalRole },
        update: { role: finalRole },
      });
      return { tenant: { id: row.tenantId, ...row.tenant }, role: finalRole };
    });
  }

  async #find(token: string) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const db = await this.storage.control();
    const row = await db.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      include: { tenant: { select: { name: true, slug: true } } },
    });
    return row && (ROLES as readonly string[]).includes(row.role) ? row : null;
  }
}

/** The process's invitation service, over the shared storage and outbox. */
export function getInvitations(): InvitationService {
  const { storage, outbox, env } = getPortico();
  return new InvitationService(storage, outbox, {
    publicUrl: env.publicUrl,
    appName: env.appName,
    support: env.branding.supportEmail ?? env.branding.supportUrl,
  });
}
