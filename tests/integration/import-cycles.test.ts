import path from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * No module imports itself back (issue 14). The composition root, app/context.server.ts,
 * hands its services to the modules it builds instead of letting them call getPortico().
 */
describe("imports", () => {
  it("form no cycle (npx madge --circular app widgets/src)", async () => {
    const result = await madge(["app", "widgets/src"], {
      baseDir: root,
      fileExtensions: ["ts", "tsx"],
      tsConfig: path.join(root, "tsconfig.json"),
      excludeRegExp: [/^app\/generated\//],
    });
    expect(result.circular().map((cycle) => cycle.join(" > "))).toEqual([]);
  }, 60_000);
});
