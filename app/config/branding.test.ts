import { describe, expect, it } from "vitest";
import { platformBrandCss, readableForeground, relativeLuminance } from "./branding";

describe("platform brand color", () => {
  it("computes WCAG luminance for short and long hex colors", () => {
    expect(relativeLuminance("#fff")).toBeCloseTo(1);
    expect(relativeLuminance("#000000")).toBeCloseTo(0);
    expect(relativeLuminance("#777")).toBeCloseTo(relativeLuminance("#777777"));
  });

  it("picks the text color that reads better on the brand color", () => {
    expect(readableForeground("#4f46e5")).toBe("#ffffff");
    expect(readableForeground("#0f766e")).toBe("#ffffff");
    expect(readableForeground("#facc15")).toBe("#0b1020");
    expect(readableForeground("#ffffff")).toBe("#0b1020");
  });

  it("writes CSS for the light scheme only, and nothing for a value that is not a hex color", () => {
    expect(platformBrandCss({ primaryColor: "#facc15" })).toBe(
      "@media not (prefers-color-scheme: dark){:root{--portico-primary:#facc15;--portico-primary-foreground:#0b1020}}",
    );
    expect(platformBrandCss({ primaryColor: "red;}body{display:none" })).toBe("");
  });
});
