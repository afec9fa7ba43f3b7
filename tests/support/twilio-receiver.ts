import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server speaking the part of Twilio's Messages API that Portico's SMS sender uses:
 * `POST /2010-04-01/Accounts/<sid>/Messages.json`, form-encoded To/From/Body, basic auth with
 * the account sid and auth token. It keeps what it accepts, and can be told to fail.
 */
/** The e2e server's SMS gateway settings (playwright.config.ts), which the receiver checks. */
export const E2E_TWILIO = {
  accountSid: "ACe2e0000000000000000000000000000",
  authToken: "e2e-twilio-auth-token",
  from: "+15005550006",
} as const;

export type ReceivedSms = { to: string; from: string; body: string; at: Date };

export type TwilioReceiver = {
  port: number;
  baseUrl: string;
  received: ReceivedSms[];
  /** Answer the next `count` messages with 503 and a Twilio-style JSON error. */
  failNext(count: number): void;
  /** The latest message to `to`, waiting up to `timeoutMs` for one to arrive. */
  waitForMessage(to: string, options?: { after?: Date; timeoutMs?: number }): Promise<ReceivedSms>;
  close(): Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startTwilioReceiver({
  accountSid,
  authToken,
  port = 0,
}: {
  accountSid: string;
  authToken: string;
  port?: number;
}): Promise<TwilioReceiver> {
  const received: ReceivedSms[] = [];
  let failures = 0;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.method !== "POST" || request.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`)
        return json(404, { code: 20404, message: "The requested resource was not found" });
      if (request.headers.authorization !== expectedAuth)
        return json(401, { code: 20003, message: "Authentication Error - invalid username" });
      if (!request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded"))
        return json(400, { code: 21000, message: "Expected a form-encoded body" });
      const form = new URLSearchParams(await readBody(request));
      if (failures > 0) {
        failures--;
        return json(503, { code: 20500, message: "Service temporarily unavailable" });
      }
      const sms = {
        to: form.get("To") ?? "",
        from: form.get("From") ?? "",
        body: form.get("Body") ?? "",
        at: new Date(),
      };
      if (!sms.to || !sms.from || !sms.body)
        return json(400, { code: 21604, message: "A 'To', 'From' and 'Body' are required" });
      received.push(sms);
      json(201, {
        sid: `SM${received.length.toString().padStart(32, "0")}`,
        status: "queued",
        to: sms.to,
        body: sms.body,
      });
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    port: actualPort,
    baseUrl: `http://127.0.0.1:${actualPort}`,
    received,
    failNext(count) {
      failures = count;
    },
    async waitForMessage(to, { after = new Date(0), timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter((sms) => sms.to === to && sms.at >= after).at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No text message to ${to} arrived within ${timeoutMs} ms.`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
