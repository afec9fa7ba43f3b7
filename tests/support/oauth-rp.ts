import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A relying party's callback, as small as one can be: a real HTTP server on loopback that
 * records every URL the authorization server sends the browser to and answers with a page
 * saying what it got. The test then redeems the code with openid-client, as the RP's backend
 * would.
 */
export type TestRelyingParty = {
  redirectUri: string;
  postLogoutUri: string;
  /** Waits for the next callback (its full URL, with code/state/iss or error). */
  nextCallback(): Promise<URL>;
  close(): Promise<void>;
};

export async function startRelyingParty(): Promise<TestRelyingParty> {
  const received: URL[] = [];
  const waiting: ((url: URL) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (url.pathname === "/callback") {
      const waiter = waiting.shift();
      if (waiter) waiter(url);
      else received.push(url);
      const outcome = url.searchParams.get("error") ?? (url.searchParams.get("code") ? "code" : "nothing");
      res.end(`<!doctype html><title>Test RP</title><h1>Test RP received: ${outcome}</h1>`);
      return;
    }
    if (url.pathname === "/signed-out") {
      res.end("<!doctype html><title>Test RP</title><h1>Test RP: signed out</h1>");
      return;
    }
    res.statusCode = 404;
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    postLogoutUri: `http://127.0.0.1:${port}/signed-out`,
    nextCallback: () => {
      const ready = received.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the RP received no callback within 15 s")), 15_000);
        waiting.push((url) => {
          clearTimeout(timer);
          resolve(url);
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
