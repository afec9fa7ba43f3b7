import { describe, expect, it } from "vitest";
import { contrastRatio, contrastWarnings, logoContrastWarnings } from "./contrast";
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

describe("the logo against its card", () => {
  it("warns when a dark logo would sit on the dark card without a logo for dark mode", () => {
    const black = { light: "#111111", dark: null };
    expect(logoContrastWarnings(DEFAULT_THEME, black)).toEqual([
      expect.objectContaining({ mode: "dark", label: "Logo on card", text: "#111111", background: "#111827" }),
    ]);
    // Light mode only: the dark card is never shown.
    expect(logoContrastWarnings({ ...DEFAULT_THEME, darkMode: "light" }, black)).toEqual([]);
    // A light logo for dark mode fixes it.
    expect(logoContrastWarnings(DEFAULT_THEME, { light: "#111111", dark: "#f5f5f5" })).toEqual([]);
    // A white logo vanishes on the light card.
    expect(logoContrastWarnings(DEFAULT_THEME, { light: "#fafafa", dark: "#fafafa" })).toEqual([
      expect.objectContaining({ mode: "light", label: "Logo on card" }),
    ]);
  });
});
