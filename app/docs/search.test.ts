import { describe, expect, it } from "vitest";
import type { DocsSearchEntry } from "./compile";
import { searchDocs } from "./search";

const index: DocsSearchEntry[] = [
  {
    slug: "webhooks",
    href: "/docs/webhooks",
    title: "Webhooks",
    headings: ["Retries"],
    text: "Signed events with retries.",
  },
  {
    slug: "self-hosting",
    href: "/docs/self-hosting",
    title: "Self-hosting",
    headings: ["Backups"],
    text: "Webhooks need outbound network access. Back up the data directory.",
  },
  { slug: "quickstart", href: "/docs/quickstart", title: "Quickstart", headings: [], text: "npm install, npm start." },
];

describe("searchDocs", () => {
  it("ranks a title match above a mention in the text", () => {
    expect(searchDocs(index, "webhooks").map((result) => result.href)).toEqual([
      "/docs/webhooks",
      "/docs/self-hosting",
    ]);
  });

  it("needs every word of the query, in any field", () => {
    expect(searchDocs(index, "webhooks backups").map((result) => result.href)).toEqual(["/docs/self-hosting"]);
    expect(searchDocs(index, "webhooks kubernetes")).toEqual([]);
  });

  it("quotes whole words around the match, never half a word", () => {
    const text = Array.from({ length: 60 }, (_, i) => `alpha${i}`).join(" ") + " needle " + "omega ".repeat(40);
    const [result] = searchDocs([{ slug: "x", href: "/docs/x", title: "X", headings: [], text }], "needle");
    expect(result!.snippet).toMatch(/^…alpha\d+ .* needle .* omega…$/);
  });

  it("quotes the text around the first word", () => {
    expect(searchDocs(index, "back up")[0]!.snippet).toContain("Back up the data directory");
  });

  it("ignores empty and one-letter queries", () => {
    expect(searchDocs(index, "  a ")).toEqual([]);
  });
});
