import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook receiver that answers each delivery 204 after `delayMs`, so deliveries stay in
 * flight long enough for a test to kill the process sending them. By `webhook-id`: `received`
 * counts the deliveries it acknowledged to a sender still there to hear it (a count above 1 is
 * a duplicate); `seen` counts every request, also those whose sender died waiting.
 */
export async function startSlowWebhookReceiver(delayMs: number) {
  const received = new Map<string, number>();
  const seen = new Map<string, number>();
  const count = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      count(seen, id);
      setTimeout(() => {
        if (!request.socket.destroyed) count(received, id);
        response.writeHead(204).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    received,
    seen,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
