import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileDocs, rewriteDocLink, slugifyHeading } from "./compile";

describe("rewriteDocLink", () => {
  const known = new Set(["cli", "decisions/0001-one-database-per-tenant", "api"]);
  it("turns links between docs into /docs URLs, keeping the fragment", () => {
    expect(rewriteDocLink("cli.md#tenants", "console", known)).toBe("/docs/cli#tenants");
    expect(rewriteDocLink("../cli.md", "decisions/0002-x", known)).toBe("/docs/cli");
    expect(rewriteDocLink("decisions/0001-one-database-per-tenant.md", "architecture", known)).toBe(
      "/docs/decisions/0001-one-database-per-tenant",
    );
  });
  it("leaves absolute, external and in-page links alone", () => {
    expect(rewriteDocLink("https://example.com/x.md", "cli", known)).toBe("https://example.com/x.md");
    expect(rewriteDocLink("/docs/api", "cli", known)).toBe("/docs/api");
    expect(rewriteDocLink("#usage", "cli", known)).toBe("#usage");
  });
  it("drops links to files that have no docs page", () => {
    expect(rewriteDocLink("../README.md", "cli", known)).toBeNull();
    expect(rewriteDocLink("../app/tenancy/config.ts", "cli", known)).toBeNull();
    expect(rewriteDocLink("missing.md", "cli", known)).toBeNull();
  });
});

describe("compileDocs", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portico-docs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders anchored headings, escaped copyable code and the sidebar in nav order", () => {
    mkdirSync(path.join(dir, "decisions"));
    writeFileSync(
      path.join(dir, "quickstart.md"),
      "# Quickstart\n\nStart here.\n\n## Install it\n\n```sh\nnpm install <x>\n```\n\n## Install it\n\nSee [the CLI](cli.md) and [the app](../app/x.ts).\n\n<script>alert(1)</script>\n",
    );
    writeFileSync(path.join(dir, "cli.md"), "# Command line\n\nThe CLI.\n");
    writeFileSync(path.join(dir, "extra.md"), "# Something new\n\nNot in the nav yet.\n");
    writeFileSync(path.join(dir, "decisions", "0001-x.md"), "# 1. A decision\n\nWhy.\n");
    const { pages, sidebar, search } = compileDocs(dir);
    const quickstart = pages.find((page) => page.slug === "quickstart")!;
    expect(quickstart.title).toBe("Quickstart");
    expect(quickstart.description).toBe("Start here.");
    expect(quickstart.headings.map((heading) => heading.id)).toEqual(["install-it", "install-it-1"]);
    expect(quickstart.html).toContain('<h2 id="install-it"><a class="docs-anchor" href="#install-it"');
    expect(quickstart.html).toContain("<code>npm install &lt;x&gt;</code>");
    expect(quickstart.html).toContain('<a href="/docs/cli">the CLI</a>');
    expect(quickstart.html).toContain("and the app.");
    expect(quickstart.html).not.toContain("<script>");
    expect(sidebar.map((section) => [section.title, section.links.map((link) => link.href)])).toEqual([
      ["Getting started", ["/docs/quickstart"]],
      ["Concepts", ["/docs/cli"]],
      ["More", ["/docs/extra"]],
      ["Decisions", ["/docs/decisions/0001-x"]],
    ]);
    expect(search.find((entry) => entry.slug === "quickstart")!.headings).toEqual(["Install it", "Install it"]);
    expect(slugifyHeading("Custom domains (DNS)")).toBe("custom-domains-dns");
  });

  it("summarises a page in whole words, keeping underscores inside names", () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    writeFileSync(
      path.join(dir, "configuration.md"),
      `# Configuration\n\nSet \`PORTICO_WEBHOOKS_ALLOW_PRIVATE\` or _emphasis_ and __strong__; ${words}.\n`,
    );
    const { pages, search } = compileDocs(dir);
    const summary = pages.find((page) => page.slug === "configuration")!.description;
    expect(summary).toMatch(/^Set PORTICO_WEBHOOKS_ALLOW_PRIVATE or emphasis and strong; word0 word1 /);
    expect(summary.length).toBeLessThanOrEqual(301);
    expect(summary).toMatch(/ word\d+…$/);
    expect(search.find((entry) => entry.slug === "configuration")!.text).toContain("PORTICO_WEBHOOKS_ALLOW_PRIVATE");
  });
});
