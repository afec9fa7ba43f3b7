import { describe, expect, it } from "vitest";
import { formatSummary, playwrightCounts, vitestCounts } from "./test";

describe("vitestCounts", () => {
  it("counts passed and failed tests", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 1,
      testResults: [{ status: "failed", assertionResults: [{ status: "passed" }, { status: "failed" }] }],
    };
    expect(vitestCounts(report)).toEqual({ passed: 3, failed: 1 });
  });

  it("counts a file that failed to load as one failure", () => {
    const report = { numPassedTests: 2, numFailedTests: 0, testResults: [{ status: "failed", assertionResults: [] }] };
    expect(vitestCounts(report)).toEqual({ passed: 2, failed: 1 });
  });
});

describe("playwrightCounts", () => {
  it("counts flaky tests as passed and run-level errors as failed", () => {
    const report = { stats: { expected: 4, unexpected: 1, flaky: 2 }, errors: [{ message: "web server exited" }] };
    expect(playwrightCounts(report)).toEqual({ passed: 6, failed: 2 });
  });
});

describe("formatSummary", () => {
  it("prints the one-line summary", () => {
    expect(formatSummary({ passed: 7, failed: 0 })).toBe("7 passed, 0 failed");
  });
});
