import { randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";
import { OutboxSeal } from "~/outbox/seal.server";
import type { EmailTemplateId } from "../../emails";
import type { MailServers } from "./mail-servers.server";
import { log } from "~/ops/log.server";

// Re-exported: the context, tests and e2e fixtures import it from here.
export { OutboxSeal };

/**
 * Outgoing email. Every message is written to the control plane first, so sending never slows
 * or fails the request that caused it. With a mail server for its tenant (or the deployment's
 * SMTP_URL) a message is "queued" and the EmailSender delivers it ("sent", or "failed" after its
 * retries, with lastError); without one it stays "captured".
 *
 * A message that carries a live credential (a reset, verification, magic or invitation link, a
 * sign-in code) names it in `credentials`. The stored `text`/`html` are then a redacted copy
 * ("[password reset link — hidden]"), which is all the console ever shows, and the real message
 * is sealed (AES-256-GCM) in `sealed`, opened only to deliver it and cleared once delivered.
 */
export type EmailCredential = { value: string; label: string };

export type OutgoingEmail = {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The live credentials in the body; each occurrence is hidden in what is stored readable. */
  credentials?: EmailCredential[];
};

export type EmailStatus = "captured" | "queued" | "sent" | "failed";

export type StoredEmail = Omit<OutgoingEmail, "credentials"> & {
  id: string;
  status: string;
  attempts: number;
  /** The last delivery error's first line (never credentials); null once nothing failed. */
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** The live credentials a tenant template carries, by template (the others carry none). */
const TEMPLATE_CREDENTIALS: Partial<Record<EmailTemplateId, { prop: string; label: string }>> = {
  verifyEmail: { prop: "url", label: "email verification link" },
  resetPassword: { prop: "url", label: "password reset link" },
  magicLink: { prop: "url", label: "sign-in link" },
  oneTimeCode: { prop: "code", label: "sign-in code" },
  organizationInvitation: { prop: "url", label: "invitation link" },
};

/** The credentials of a templated email, for `OutgoingEmail.credentials`. */
export function templateCredentials(email: object): EmailCredential[] {
  const { template, props } = email as { template?: unknown; props?: Record<string, unknown> };
  const entry = typeof template === "string" ? TEMPLATE_CREDENTIALS[template as EmailTemplateId] : undefined;
  const value = entry && props?.[entry.prop];
  return entry && typeof value === "string" && value ? [{ value, label: entry.label }] : [];
}

/** Any other link that carries a token (a safety net for plain emails that name none). */
const TOKEN_URL = /https?:\/\/[^\s<>"']*[?&](?:token|code|otp)=[^\s<>"']+/gi;

/** `text` with every credential (raw and HTML-escaped) replaced by a visible placeholder. */
export function redactCredentials(text: string, credentials: EmailCredential[]): string {
  let out = text;
  // Longest first, so a credential inside another (a token inside its link) never leaves a stub.
  for (const { value, label } of [...credentials].sort((a, b) => b.value.length - a.value.length)) {
    const placeholder = `[${label} — hidden]`;
    for (const form of new Set([value, escapeHtml(value), encodeURI(value)])) out = out.split(form).join(placeholder);
  }
  return out.replace(TOKEN_URL, "[link — hidden]");
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export class EmailOutbox {
  readonly #seal: OutboxSeal;
  readonly #logCaptured: boolean;

  constructor(
    private readonly storage: Storage,
    /** Without mail servers every message is captured (tests, tools that only read). */
    private readonly servers?: MailServers,
    private readonly now: () => Date = () => new Date(),
    {
      seal = new OutboxSeal(),
      logCaptured = false,
    }: {
      seal?: OutboxSeal;
      /** Development: print the credentials of mail no server will deliver (see decision 0011). */
      logCaptured?: boolean;
    } = {},
  ) {
    this.#seal = seal;
    this.#logCaptured = logCaptured;
  }

  async send(email: OutgoingEmail): Promise<string> {
    const queued = (await this.servers?.exists(email.tenantId)) ?? false;
    const status: EmailStatus = queued ? "queued" : "captured";
    const credentials = email.credentials ?? [];
    // A sign-in code is in the subject too.
    const subject = redactCredentials(email.subject, credentials);
    const text = redactCredentials(email.text, credentials);
    const html = email.html === undefined ? null : redactCredentials(email.html, credentials);
    // Only a message whose readable copy differs holds something worth sealing.
    const secret = subject !== email.subject || text !== email.text || (html ?? null) !== (email.html ?? null);
    const db = await this.storage.control();
    const id = randomUUID();
    await db.emailMessage.create({
      data: {
        id,
        tenantId: email.tenantId,
        to: email.to,
        subject,
        text,
        html,
        sealed: secret
          ? this.#seal.seal(JSON.stringify({ subject: email.subject, text: email.text, html: email.html ?? null }))
          : null,
        status,
        nextAttemptAt: queued ? this.now() : null,
      },
    });
    if (!queued && this.#logCaptured && credentials.length > 0) {
      // No mail server in development: the operator's terminal is the only place the link can go.
      const values = credentials.map(({ label, value }) => `${label}: ${value}`).join(", ");
      log.debug(`Not delivered (no mail server), to ${email.to}: ${values}`);
    }
    return id;
  }

  /** Messages as delivered (sealed bodies opened): for the sender and tests, never for pages. */
  async list({ tenantId, limit = 50 }: { tenantId: string | null; limit?: number }): Promise<StoredEmail[]> {
    const db = await this.storage.control();
    const rows = await db.emailMessage.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" }, take: limit });
    return rows.map((row) => this.open(row));
  }

  /** One message as delivered (see `list`). */
  async get(id: string): Promise<StoredEmail | null> {
    const db = await this.storage.control();
    const row = await db.emailMessage.findUnique({ where: { id } });
    return row && this.open(row);
  }

  /** One message as the console may show it: credentials hidden. */
  async getRedacted(id: string): Promise<StoredEmail | null> {
    const db = await this.storage.control();
    const row = await db.emailMessage.findUnique({ where: { id } });
    if (!row) return null;
    const { sealed: _sealed, html, ...rest } = row;
    return { ...rest, html: html ?? undefined };
  }

  /** A stored row with its sealed body opened, when it still has one. */
  open<Row extends SealableRow>(row: Row): Omit<Row, "sealed" | "html"> & { html?: string } {
    const { sealed: _sealed, html: _html, ...rest } = row;
    const body = openSealedEmail(row, this.#seal);
    return { ...rest, subject: body.subject, text: body.text, html: body.html ?? undefined };
  }
}

type SealableRow = { subject: string; text: string; html: string | null; sealed: string | null };

/** The message as it must be delivered: its sealed body when it still has one, else the row. */
export function openSealedEmail(row: SealableRow, seal: OutboxSeal): Omit<SealableRow, "sealed"> {
  if (!row.sealed) return { subject: row.subject, text: row.text, html: row.html };
  return JSON.parse(seal.open(row.sealed)) as Omit<SealableRow, "sealed">;
}
