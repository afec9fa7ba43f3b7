import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PORTICO_EVENTS } from "../../widgets/src/events";

const root = path.resolve(import.meta.dirname, "../..");

describe("the widgets' event catalog", () => {
  it("is what docs/widgets.md documents, event for event", () => {
    const docs = readFileSync(path.join(root, "docs/widgets.md"), "utf8");
    const documented = [...docs.matchAll(/^\| `(portico:[a-z-]+)`/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...PORTICO_EVENTS].sort());
  });

  it("is the only place widgets dispatch events from", () => {
    const dir = path.join(root, "widgets/src");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
      (file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && file !== "events.ts",
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(path.join(dir, file), "utf8"), file).not.toContain("CustomEvent(");
  });
});
