import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhookRequest } from "~/webhooks/http-post.server";
import { SSRF_REFUSAL } from "~/webhooks/ssrf.server";

/**
 * The delivery connection checks the address it actually connects to, so a name that
 * resolved to a public address when the endpoint was saved and to a private one now (DNS
 * rebinding) is refused at connect time, and the private service never sees the request.
 */
describe("webhook delivery connections", () => {
  let hits = 0;
  const privateService = createServer((_request, response) => {
    hits += 1;
    response.writeHead(200).end("internal data");
  });
  let port = 0;
  beforeAll(async () => {
    delete process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE;
    await new Promise<void>((resolve) => privateService.listen(0, "127.0.0.1", resolve));
    port = (privateService.address() as AddressInfo).port;
  });
  afterAll(() => {
    privateService.close();
  });

  it("refuses a name that resolves to a loopback address at connect time", async () => {
    const outcome = await postWebhookRequest(new URL(`http://localhost:${port}/hook`), {}, "{}", 5_000);
    expect(outcome).toMatchObject({ status: null, error: SSRF_REFUSAL });
    expect(hits).toBe(0);
  });

  it("connects when the deployment allows private targets", async () => {
    process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE = "true";
    try {
      const outcome = await postWebhookRequest(new URL(`http://localhost:${port}/hook`), {}, "{}", 5_000);
      expect(outcome).toMatchObject({ status: 200, body: "internal data", error: null });
      expect(hits).toBe(1);
    } finally {
      delete process.env.PORTICO_WEBHOOKS_ALLOW_PRIVATE;
    }
  });
});
