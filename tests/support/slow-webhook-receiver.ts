import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook receiver that answers each delivery 204 after `delayMs`, so deliveries stay in
 * flight long enough for a test to kill the process sending them. Counts every delivery by its
 * `webhook-id` (a count above 1 is a duplicate).
 */
export async function startSlowWebhookReceiver(delayMs: number) {
  const received = new Map<string, number>();
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      setTimeout(() => {
        received.set(id, (received.get(id) ?? 0) + 1);
        response.writeHead(204).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
