import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailServers } from "~/email/mail-servers.server";
import { EmailOutbox } from "~/email/outbox.server";
import { EmailSender } from "~/email/sender.server";
import { TenantService } from "~/tenancy/tenants.server";
import { createTestStorage, type TestStorage } from "../support/storage";

/**
 * Stopping the email sender for a graceful shutdown, against a real SMTP server that takes its
 * time: stop() resolves only once the message in hand is delivered and recorded, and the
 * messages not yet claimed stay queued as they were (no claim left for a lease to expire).
 */
const SECRET = "outbox-shutdown-test-secret".padEnd(48, "o");
const HOLD_MS = 1_000;

describe("stopping the email sender", () => {
  let test: TestStorage;
  let smtp: SMTPServer;
  let port: number;
  const received: string[] = [];
  let receiving = 0;

  beforeAll(async () => {
    test = await createTestStorage("sqlite");
    smtp = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        receiving++;
        stream.resume();
        stream.on("end", () =>
          setTimeout(() => {
            received.push(session.envelope.rcptTo[0]!.address);
            callback();
          }, HOLD_MS),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await test.cleanup();
  });

  it("finishes the message it holds, then claims nothing more", async () => {
    const servers = new MailServers(new TenantService(test.storage, SECRET), {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      smtpFrom: "Portico <no-reply@shutdown.test>",
    });
    const outbox = new EmailOutbox(test.storage, servers);
    for (const n of [1, 2, 3]) {
      await outbox.send({ tenantId: null, to: `user${n}@example.com`, subject: `Hello ${n}`, text: "Hi." });
    }
    const db = await test.storage.control();
    const queuedAt = await db.emailMessage.findMany({ select: { id: true, nextAttemptAt: true } });

    const sender = new EmailSender(test.storage, servers).start({ intervalMs: 10 });
    await expect.poll(() => receiving, { interval: 10 }).toBe(1);
    await sender.stop();

    // The message in hand was delivered and recorded before stop() resolved…
    expect(received).toHaveLength(1);
    const messages = await db.emailMessage.findMany({ orderBy: { to: "asc" } });
    const sent = messages.filter((message) => message.status === "sent");
    expect(sent.map((message) => message.to)).toEqual(received);
    // …and the others were left exactly as queued: not claimed, due now for the next instance.
    const untouched = messages.filter((message) => message.status === "queued");
    expect(untouched).toHaveLength(2);
    for (const message of untouched) {
      expect(message.attempts).toBe(0);
      expect(message.nextAttemptAt).toEqual(queuedAt.find((queued) => queued.id === message.id)!.nextAttemptAt);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiving).toBe(1);
  });
});
