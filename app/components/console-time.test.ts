import { describe, expect, it } from "vitest";
import { consoleDay, consoleTime } from "./console-time";

describe("the console's one time format", () => {
  it("reads the same in UTC whatever the machine's zone, from a Date or its ISO text", () => {
    const moment = new Date("2026-12-07T23:59:05Z");
    expect(consoleTime(moment)).toBe("7 Dec 2026, 23:59:05 UTC");
    expect(consoleTime(moment.toISOString())).toBe("7 Dec 2026, 23:59:05 UTC");
    expect(consoleDay(moment)).toBe("7 Dec 2026");
  });
});
