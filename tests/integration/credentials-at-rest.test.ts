/**
 * Live credentials at rest (issue 13, items 2 and 8): a password-reset request leaves no raw
 * token in the tenant's `verification` table nor in any readable outbox column; the link still
 * works; delivery opens the sealed copy and then drops it; text-message codes likewise.
 */
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getLogger } from "~/ops/log.server";
import type { Provider } from "~/db/paths.server";
import { MailServers } from "~/email/mail-servers.server";
import { EmailOutbox, OutboxSeal, redactCredentials, templateCredentials } from "~/email/outbox.server";
import { EmailSender } from "~/email/sender.server";
import { SmsOutbox } from "~/sms/outbox.server";
import { SmsSender } from "~/sms/sender.server";
import type { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { testRegistry } from "../support/registry";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";
import { startTwilioReceiver, type TwilioReceiver } from "../support/twilio-receiver";

const PUBLIC_URL = "http://localhost:3996";
const SECRET = "credentials-test-deployment-secret".padEnd(48, "z");
const EMAIL = "ada@example.com";
const PASSWORD = "correct-horse-battery";

type ResetApi = {
  signUpEmail(input: { body: { name: string; email: string; password: string } }): Promise<unknown>;
  requestPasswordReset(input: { body: { email: string; redirectTo: string } }): Promise<unknown>;
  resetPassword(input: { body: { newPassword: string; token: string } }): Promise<{ status: boolean }>;
  signInEmail(input: { body: { email: string; password: string } }): Promise<{ user: { email: string } }>;
};

/** better-auth's "hashed" identifier: SHA-256, base64url without padding. */
const hashedIdentifier = (identifier: string) => createHash("sha256").update(identifier).digest("base64url");

describe.each(testProviders())("credentials at rest on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let smtp: TestSmtpServer;
  let registry: TenantRegistry | undefined;
  const seal = new OutboxSeal(SECRET);

  /** A tenant whose reset emails go through `outbox` (rendered as plain text with the link). */
  async function resetTenant(outbox: EmailOutbox): Promise<{ tenant: Tenant; api: ResetApi }> {
    const tenant = await tenants.create({ slug: "acme", name: "Acme" });
    registry = testRegistry(tenants, test.storage, PUBLIC_URL, {
      sendTenantEmail: async (owner, email) => {
        const url = "template" in email ? String((email.props as { url?: string }).url) : "";
        await outbox.send({
          tenantId: owner.id,
          to: email.to,
          subject: "Reset your password",
          text: `Choose a new password: ${url}`,
          html: `<a href="${url.replace(/&/g, "&amp;")}">Choose a new password</a>`,
          credentials: templateCredentials(email),
        });
      },
    });
    const live = await registry.resolve({ slug: tenant.slug });
    if (live.status !== "ok") throw new Error("tenant not ready");
    return { tenant, api: live.auth.api as unknown as ResetApi };
  }

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await test.cleanup();
  });
  afterEach(async () => {
    await registry?.close();
    registry = undefined;
    await resetTestStorage(test);
    const control = await test.storage.control();
    await control.emailMessage.deleteMany();
    await control.smsMessage.deleteMany();
    smtp.messages.length = 0;
  });

  it("stores the reset token only hashed, hides the link in the outbox, delivers it, then drops it", async () => {
    const servers = new MailServers(tenants, {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      smtpFrom: "Portico <no-reply@example.com>",
    });
    const outbox = new EmailOutbox(test.storage, servers, undefined, { seal });
    const { tenant, api } = await resetTenant(outbox);
    await api.signUpEmail({ body: { name: "Ada", email: EMAIL, password: PASSWORD } });
    await api.requestPasswordReset({ body: { email: EMAIL, redirectTo: "/reset-password" } });

    const control = await test.storage.control();
    const stored = await control.emailMessage.findFirstOrThrow({ where: { tenantId: tenant.id, to: EMAIL } });
    expect(stored.status).toBe("queued");
    expect(stored.text).toContain("[password reset link — hidden]");
    const token = (/reset-password\/([^?\s"]+)/.exec(seal.open(stored.sealed!)) ?? [])[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // Nothing a page (or a database reader without PORTICO_SECRET) sees holds the token.
    expect(`${stored.subject}\n${stored.text}\n${stored.html}`).not.toContain(token);
    expect(stored.sealed).not.toContain(token);

    // The tenant's verification table holds a hash of the identifier, not the token.
    const connection = await test.storage.openTenantDatabase(tenant.id);
    try {
      const rows = await connection.db.verification.findMany();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(`${row.identifier} ${row.value}`).not.toContain(token);
      expect(rows.map((row) => row.identifier)).toContain(hashedIdentifier(`reset-password:${token}`));
    } finally {
      await connection.close();
    }

    // Delivery sends the real link, then the credential leaves the database.
    expect(await new EmailSender(test.storage, servers, { seal }).sendDue()).toMatchObject({ sent: 1 });
    const arrived = await smtp.waitForMessage(EMAIL);
    expect(arrived.text).toContain(`/reset-password/${token}`);
    const delivered = await control.emailMessage.findUniqueOrThrow({ where: { id: stored.id } });
    expect(delivered).toMatchObject({ status: "sent", sealed: null, subject: "Reset your password" });
    expect(JSON.stringify(delivered)).not.toContain(token);

    // The hashed token still resets the password.
    expect(await api.resetPassword({ body: { newPassword: "a-brand-new-passphrase", token } })).toMatchObject({
      status: true,
    });
    const signedIn = await api.signInEmail({ body: { email: EMAIL, password: "a-brand-new-passphrase" } });
    expect(signedIn.user.email).toBe(EMAIL);
  });

  it("keeps a captured message sealed and readable to the sender only", async () => {
    const outbox = new EmailOutbox(test.storage, undefined, undefined, { seal });
    const { tenant, api } = await resetTenant(outbox);
    await api.signUpEmail({ body: { name: "Ada", email: EMAIL, password: PASSWORD } });
    await api.requestPasswordReset({ body: { email: EMAIL, redirectTo: "/reset-password" } });
    const [message] = await outbox.list({ tenantId: tenant.id });
    expect(message).toMatchObject({ status: "captured" });
    expect(message!.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}/);
    const redacted = await outbox.getRedacted(message!.id);
    expect(redacted!.text).toBe("Choose a new password: [password reset link — hidden]");
    expect(redacted!.html).toBe('<a href="[password reset link — hidden]">Choose a new password</a>');
  });

  it("hides codes in text messages, delivers the real code, then drops it", async () => {
    const receiver: TwilioReceiver = await startTwilioReceiver({ accountSid: "AC1", authToken: "token-1" });
    try {
      const outbox = new SmsOutbox(test.storage, true, undefined, { seal });
      await outbox.send({ tenantId: null, to: "+4915123456789", body: "48213907 is your Acme code." });
      const [redacted] = await outbox.listRedacted({ tenantId: null });
      expect(redacted!.body).toBe("[code — hidden] is your Acme code.");
      const sender = new SmsSender(
        test.storage,
        { accountSid: "AC1", authToken: "token-1", from: "+15005550006", baseUrl: receiver.baseUrl },
        { seal },
      );
      expect(await sender.sendDue()).toMatchObject({ sent: 1 });
      expect(receiver.received[0]!.body).toBe("48213907 is your Acme code.");
      const control = await test.storage.control();
      const row = await control.smsMessage.findFirstOrThrow();
      expect(row).toMatchObject({ status: "sent", sealed: null, body: "[code — hidden] is your Acme code." });
    } finally {
      await receiver.close();
    }
  });

  it("prints the link of undeliverable mail to the operator's log only when asked (development)", async () => {
    const info = vi.spyOn(getLogger(), "debug").mockImplementation(() => undefined);
    try {
      const link = "http://localhost:3996/t/acme/api/auth/reset-password/tok3n?callbackURL=/x";
      const mail = { tenantId: null, to: EMAIL, subject: "Reset", text: `Reset: ${link}` };
      const credentials = [{ value: link, label: "password reset link" }];
      await new EmailOutbox(test.storage, undefined, undefined, { seal }).send({ ...mail, credentials });
      expect(info).not.toHaveBeenCalled();
      await new EmailOutbox(test.storage, undefined, undefined, { seal, logCaptured: true }).send({
        ...mail,
        credentials,
      });
      expect(info).toHaveBeenCalledWith(expect.stringContaining(`password reset link: ${link}`));
    } finally {
      info.mockRestore();
    }
  });

  it("redacts every form of a credential and token links nobody named", () => {
    const url = "https://auth.example.test/t/acme/api/auth/verify?token=abc&callbackURL=/x";
    expect(redactCredentials(`Go: ${url}`, [{ value: url, label: "sign-in link" }])).toBe(
      "Go: [sign-in link — hidden]",
    );
    expect(redactCredentials(`<a href="${url.replace("&", "&amp;")}">`, [{ value: url, label: "sign-in link" }])).toBe(
      '<a href="[sign-in link — hidden]">',
    );
    expect(redactCredentials(`Open ${url} now`, [])).toBe("Open [link — hidden] now");
    expect(redactCredentials("Welcome! Your account: https://auth.example.test/t/acme/account", [])).toBe(
      "Welcome! Your account: https://auth.example.test/t/acme/account",
    );
  });
});
