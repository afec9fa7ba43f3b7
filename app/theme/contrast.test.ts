import { describe, expect, it } from "vitest";
import { contrastRatio, contrastWarnings } from "./contrast";
import { DEFAULT_THEME, ThemeSchema } from "./theme";

describe("WCAG contrast", () => {
  it("matches the reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBeCloseTo(1, 5);
    // #767676 on white is the classic lightest AA gray (4.54:1); #777777 just fails (4.48:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#ffffff", "#777777")).toBeCloseTo(4.48, 2);
  });

  it("finds no problem in the default theme, in either mode", () => {
    expect(contrastWarnings(DEFAULT_THEME.colors, "system")).toEqual([]);
  });

  it("warns about the failing pairs of the modes the policy shows", () => {
    const theme = ThemeSchema.parse({ colors: { light: { primary: "#ffeb3b" }, dark: { muted: "#333333" } } });
    expect(contrastWarnings(theme.colors, "light")).toEqual([
      expect.objectContaining({ mode: "light", label: "Button text on primary" }),
      expect.objectContaining({ mode: "light", label: "Links on card" }),
    ]);
    expect(contrastWarnings(theme.colors, "dark")).toEqual([
      expect.objectContaining({ mode: "dark", label: "Muted text on card", text: "#333333", background: "#111827" }),
    ]);
    expect(contrastWarnings(theme.colors, "system")).toHaveLength(3);
  });
});
