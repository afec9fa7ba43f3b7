import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message the test SMTP server accepted, parsed. */
export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  mail: ParsedMail;
};

export type TestSmtpServer = {
  port: number;
  /** Everything received so far, oldest first. */
  messages: ReceivedMail[];
  /** The first message (already here or still to come) to `to` that `predicate` accepts. */
  waitForMessage: (
    to: string,
    predicate?: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ) => Promise<ReceivedMail>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 and a random port, without TLS or authentication, for tests
 * that prove mail arrives: point a tenant's SMTP settings (host 127.0.0.1, `security: "none"`)
 * or SMTP_URL at it, then wait for the message and read its link or code.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: mail.from?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            mail,
          });
          for (const wake of waiters) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  function waitForMessage(to: string, predicate: (mail: ReceivedMail) => boolean = () => true, timeoutMs = 15_000) {
    const address = to.toLowerCase();
    const find = () => messages.find((mail) => mail.to.includes(address) && predicate(mail));
    return new Promise<ReceivedMail>((resolve, reject) => {
      const found = find();
      if (found) return resolve(found);
      const wake = () => {
        const mail = find();
        if (!mail) return;
        cleanup();
        resolve(mail);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = messages.map((mail) => `${mail.to.join(",")}: ${mail.subject}`).join("\n  ") || "(none)";
        reject(new Error(`No matching email to ${to} within ${timeoutMs} ms. Received:\n  ${seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
      };
      waiters.add(wake);
    });
  }

  return {
    port,
    messages,
    waitForMessage,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's plain-text part whose URL contains `fragment`. */
export function linkIn(mail: ReceivedMail, fragment: string): string {
  const link = mail.text.match(/https?:\/\/[^\s<>"\]]+/g)?.find((url) => url.includes(fragment));
  if (!link) throw new Error(`No link containing ${fragment} in:\n${mail.text}`);
  return link;
}
