import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/**
 * A real HTTP receiver for webhook deliveries on 127.0.0.1: it keeps every request it gets
 * (answering 204) and checks their Standard Webhooks signatures with the endpoint's secret.
 */
export type ReceivedWebhook = { body: string; headers: IncomingHttpHeaders };
export type WebhookEvent = { type: string; data: Record<string, unknown> };

export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ body, headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    /** Every delivery so far, its signature checked (a bad one throws). */
    verified(secret: string): WebhookEvent[] {
      return received.map(
        ({ body, headers }) =>
          new Webhook(secret).verify(body, {
            "webhook-id": String(headers["webhook-id"]),
            "webhook-timestamp": String(headers["webhook-timestamp"]),
            "webhook-signature": String(headers["webhook-signature"]),
          }) as WebhookEvent,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
