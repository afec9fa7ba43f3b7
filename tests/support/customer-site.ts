import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A customer's own website for the widget tests: a plain HTTP server on its own port (so on
 * another origin than Portico) serving the pages a test registers. Reached as
 * `http://127.0.0.1:<port>` it is also another *site* than Portico on `localhost` (third-party
 * cookies do not apply); as `http://localhost:<port>` it is the same site on another origin.
 */
export class CustomerSite {
  private constructor(
    private readonly server: Server,
    private readonly pages: Map<string, string>,
    readonly port: number,
  ) {}

  static async start(): Promise<CustomerSite> {
    const pages = new Map<string, string>();
    const server = createServer((request, response) => {
      const html = pages.get(new URL(request.url ?? "/", "http://site").pathname);
      response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      response.end(html ?? "Not found");
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    return new CustomerSite(server, pages, (server.address() as AddressInfo).port);
  }

  /** The site on another site than Portico (`127.0.0.1`). */
  get crossSiteOrigin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The site on Portico's site (`localhost`) but another origin (port). */
  get sameSiteOrigin(): string {
    return `http://localhost:${this.port}`;
  }

  /**
   * Serves a page at `path` that loads the widget module from Portico and shows `body`, with
   * every `portico:*` event recorded in `window.porticoEvents` (detail included).
   */
  page(path: string, { portico, body, head = "" }: { portico: string; body: string; head?: string }): void {
    this.pages.set(
      path,
      `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Customer page</title>
<script>
  window.porticoEvents = [];
  for (const name of ["portico:ready", "portico:signed-in", "portico:signed-out", "portico:error"])
    document.addEventListener(name, (event) => window.porticoEvents.push({ type: name, detail: event.detail }));
</script>
<script type="module" src="${portico}/widgets/portico.js"></script>
${head}
</head>
<body>
${body}
</body>
</html>`,
    );
  }

  /** Serves `html` at `path` exactly as given (a snippet pasted into a page, nothing added). */
  raw(path: string, html: string): void {
    this.pages.set(path, html);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
