import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "~/config/env.server";
import type { Provider } from "~/db/paths.server";
import { MailServers } from "~/email/mail-servers.server";
import { EmailOutbox } from "~/email/outbox.server";
import { EmailSender, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "~/email/sender.server";
import { TenantService, type Tenant } from "~/tenancy/tenants.server";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "email-delivery-test-deployment-secret".padEnd(48, "z");
const TENANT_LOGIN = { user: "acme-mailer", password: "tenant-smtp-pa55word" };
const DEPLOYMENT_LOGIN = { user: "portico", password: "deployment-smtp-pa55word" };
const DEPLOYMENT_FROM = "Portico <no-reply@auth.example.test>";

type Received = { user: string | undefined; mail: ParsedMail };

/** A real SMTP server on 127.0.0.1 that checks both logins and keeps what it receives. */
async function startSmtpServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const valid = [TENANT_LOGIN, DEPLOYMENT_LOGIN].some(
        (login) => login.user === auth.username && login.password === auth.password,
      );
      if (!valid) return callback(new Error("Invalid username or password"));
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refuse) {
          return callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ user: session.user as string | undefined, mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, port, received, state };
}

describe("SMTP_URL and SMTP_FROM", () => {
  const read = (vars: Record<string, string>) =>
    readEnv({
      PORTICO_SECRET: SECRET,
      PUBLIC_URL: "http://auth.example.test:3000",
      APP_NAME: "Acme Auth",
      ...vars,
    } as unknown as NodeJS.ProcessEnv);

  it("accepts smtp:// and smtps:// URLs and derives the sender from the app name and public host", () => {
    expect(read({})).toMatchObject({ smtpUrl: undefined, smtpFrom: "Acme Auth <no-reply@auth.example.test>" });
    const env = read({ SMTP_URL: "smtps://u:p@smtp.example.com:465", SMTP_FROM: "Mail <mail@example.com>" });
    expect(env).toMatchObject({ smtpUrl: "smtps://u:p@smtp.example.com:465", smtpFrom: "Mail <mail@example.com>" });
  });

  it("refuses another scheme, naming the variable without echoing its credentials", () => {
    expect(() => read({ SMTP_URL: "https://u:hunter2@smtp.example.com" })).toThrow(ConfigError);
    expect(() => read({ SMTP_URL: "https://u:hunter2@smtp.example.com" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => read({ SMTP_URL: "https://u:hunter2@smtp.example.com" })).not.toThrow(/hunter2/);
  });
});

describe.each(testProviders())("email delivery on %s", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let now: Date;

  /** An outbox and a sender sharing one clock, over the given deployment SMTP_URL. */
  function mail({ smtpUrl }: { smtpUrl?: string } = {}) {
    const servers = new MailServers(tenants, { smtpUrl, smtpFrom: DEPLOYMENT_FROM });
    return {
      outbox: new EmailOutbox(test.storage, servers, () => now),
      sender: new EmailSender(test.storage, servers, { now: () => now }),
    };
  }

  async function tenantWithOwnServer(): Promise<Tenant> {
    const tenant = await tenants.create({
      slug: "acme",
      name: "Acme",
      config: {
        smtp: {
          host: "127.0.0.1",
          port: smtp.port,
          user: TENANT_LOGIN.user,
          fromAddress: "hello@acme.test",
          security: "none",
        },
      },
    });
    await tenants.setSecret(tenant.slug, "smtpPassword", TENANT_LOGIN.password);
    return tenant;
  }

  const deploymentUrl = () => `smtp://${DEPLOYMENT_LOGIN.user}:${DEPLOYMENT_LOGIN.password}@127.0.0.1:${smtp.port}`;
  const message = (tenantId: string | null, n = 1) => ({
    tenantId,
    to: `user${n}@example.com`,
    subject: `Reset your password (${n})`,
    text: `Follow http://localhost/reset/${n} to choose a new password.`,
  });

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.server.close(resolve));
    await test.cleanup();
  });
  beforeEach(async () => {
    await resetTestStorage(test);
    await (await test.storage.control()).emailMessage.deleteMany();
    smtp.received.length = 0;
    smtp.state.refuse = false;
    now = new Date("2030-01-01T00:00:00Z");
  });

  it("delivers a tenant's mail through the tenant's own SMTP server with its login", async () => {
    const tenant = await tenantWithOwnServer();
    const { outbox, sender } = mail({ smtpUrl: deploymentUrl() });
    const id = await outbox.send(message(tenant.id));
    expect((await outbox.get(id))?.status).toBe("queued");

    expect(await sender.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [{ user, mail: arrived }] = smtp.received as [Received];
    expect(user).toBe(TENANT_LOGIN.user);
    expect(arrived.from?.value).toEqual([{ name: "Acme", address: "hello@acme.test" }]);
    expect(arrived.to).toMatchObject({ value: [{ address: "user1@example.com" }] });
    expect(arrived.subject).toBe("Reset your password (1)");
    expect(arrived.text?.trim()).toBe("Follow http://localhost/reset/1 to choose a new password.");
    expect(await outbox.get(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt: now });
  });

  it("uses the deployment's SMTP_URL for a tenant without its own server and for platform mail", async () => {
    const tenant = await tenants.create({ slug: "plain", name: "Plain" });
    const { outbox, sender } = mail({ smtpUrl: deploymentUrl() });
    await outbox.send(message(tenant.id, 1));
    await outbox.send(message(null, 2));

    expect(await sender.sendDue()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(smtp.received.map((r) => r.user)).toEqual([DEPLOYMENT_LOGIN.user, DEPLOYMENT_LOGIN.user]);
    const deploymentSender = { name: "Portico", address: "no-reply@auth.example.test" };
    expect(smtp.received.map((r) => r.mail.from?.value)).toEqual([[deploymentSender], [deploymentSender]]);
    expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual([
      "Reset your password (1)",
      "Reset your password (2)",
    ]);
  });

  it("keeps mail captured in the outbox when no SMTP server is configured", async () => {
    const tenant = await tenants.create({ slug: "local", name: "Local" });
    const { outbox, sender } = mail();
    const tenantMail = await outbox.send(message(tenant.id, 1));
    const platformMail = await outbox.send(message(null, 2));

    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    for (const id of [tenantMail, platformMail]) {
      expect(await outbox.get(id)).toMatchObject({ status: "captured", attempts: 0, nextAttemptAt: null });
    }
    expect(smtp.received).toHaveLength(0);
  });

  it("retries a refused message with backoff, then sends it exactly once after the server recovers", async () => {
    const tenant = await tenantWithOwnServer();
    const { outbox, sender } = mail();
    const id = await outbox.send(message(tenant.id));
    smtp.state.refuse = true;

    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const refused = (await outbox.get(id))!;
    expect(refused).toMatchObject({ status: "queued", attempts: 1 });
    expect(refused.lastError).toMatch(/451/);
    expect(refused.lastError).not.toContain("\n");
    expect(refused.lastError).not.toContain(TENANT_LOGIN.password);
    expect(refused.nextAttemptAt).toEqual(new Date(now.getTime() + RETRY_DELAYS_MS[0]));

    // Not due yet: nothing is tried before the backoff has passed.
    smtp.state.refuse = false;
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);

    now = new Date(now.getTime() + RETRY_DELAYS_MS[0]);
    expect(await sender.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await outbox.get(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("marks a message failed after its last attempt, keeping the error for the console", async () => {
    const tenant = await tenantWithOwnServer();
    const { outbox, sender } = mail();
    const id = await outbox.send(message(tenant.id));
    smtp.state.refuse = true;

    for (const delay of RETRY_DELAYS_MS) {
      expect(await sender.sendDue()).toMatchObject({ retrying: 1 });
      now = new Date(now.getTime() + delay);
    }
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });

    const failed = (await outbox.get(id))!;
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/451/);
    expect((await outbox.list({ tenantId: tenant.id }))[0]?.lastError).toBe(failed.lastError);
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("sends each message once when two passes run at the same time", async () => {
    const tenant = await tenantWithOwnServer();
    const { outbox, sender } = mail();
    const other = mail().sender;
    for (let n = 1; n <= 4; n++) await outbox.send(message(tenant.id, n));

    const passes = await Promise.all([sender.sendDue(), other.sendDue()]);

    expect(passes[0].sent + passes[1].sent).toBe(4);
    expect(smtp.received.map((r) => r.mail.subject).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `Reset your password (${n})`),
    );
  });
});
