import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nginxLocations } from "./snippets";

/** docs/gateways.md shows the nginx configuration the e2e test runs: they must not drift apart. */
describe("gateway snippets", () => {
  it("match the nginx configuration in docs/gateways.md", () => {
    const docs = readFileSync(path.resolve(import.meta.dirname, "../../docs/gateways.md"), "utf8");
    const documented = /```nginx\n([\s\S]*?)```/.exec(docs)?.[1];
    const generated = nginxLocations({
      porticoOrigin: "https://auth.example.com",
      slug: "acme",
      appUpstream: "http://127.0.0.1:8080",
    });
    expect(documented).toBe(`${generated.replace(/^ {2}/gm, "")}\n`);
  });
});
