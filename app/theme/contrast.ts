import type { ColorName, Theme } from "./theme";

/**
 * WCAG 2.x contrast, shared by the editor (warnings as you type) and tests. Colors are the
 * theme's validated hex strings; anything else counts as unreadable (ratio 1).
 */
export const WCAG_AA_TEXT = 4.5;
/** WCAG 1.4.11 (non-text contrast): what a logo needs against the card it sits on. */
export const WCAG_AA_GRAPHICS = 3;

function channels(hex: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join("") : match[1]!;
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.2, "relative luminance" definition). */
export function relativeLuminance(hex: string): number | null {
  const rgb = channels(hex);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return 1;
  const [light, dark] = la > lb ? [la, lb] : [lb, la];
  return (light + 0.05) / (dark + 0.05);
}

/** The text/background pairs the hosted pages actually render. */
export const CONTRAST_PAIRS: { text: ColorName; background: ColorName; label: string }[] = [
  { text: "foreground", background: "background", label: "Text on page background" },
  { text: "foreground", background: "card", label: "Text on card" },
  { text: "muted", background: "card", label: "Muted text on card" },
  { text: "primaryForeground", background: "primary", label: "Button text on primary" },
  { text: "primary", background: "card", label: "Links on card" },
  { text: "danger", background: "card", label: "Errors on card" },
];

export type ContrastWarning = {
  mode: "light" | "dark";
  label: string;
  ratio: number;
  text: string;
  background: string;
};

/** Every pair below WCAG AA (4.5:1) in the modes the theme's dark-mode policy shows. */
export function contrastWarnings(colors: Theme["colors"], darkMode: Theme["darkMode"]): ContrastWarning[] {
  const modes = darkMode === "system" ? (["light", "dark"] as const) : [darkMode];
  return modes.flatMap((mode) =>
    CONTRAST_PAIRS.map(({ text, background, label }) => ({
      mode,
      label,
      text: colors[mode][text],
      background: colors[mode][background],
      ratio: contrastRatio(colors[mode][text], colors[mode][background]),
    })).filter(
      // A color still being typed is the hex field's error, not a contrast warning.
      ({ ratio, text, background }) =>
        ratio < WCAG_AA_TEXT && relativeLuminance(text) !== null && relativeLuminance(background) !== null,
    ),
  );
}

/**
 * The logo against the card it sits on, in the modes the theme shows: `colors` holds the
 * average colour of each logo's opaque pixels (measured in the browser; null when there is no
 * logo or it could not be read). Dark mode shows the dark logo, or the light one without it.
 */
export function logoContrastWarnings(
  theme: Pick<Theme, "colors" | "darkMode">,
  colors: { light: string | null; dark: string | null },
): ContrastWarning[] {
  const modes = theme.darkMode === "system" ? (["light", "dark"] as const) : [theme.darkMode];
  return modes.flatMap((mode) => {
    const logo = mode === "dark" ? (colors.dark ?? colors.light) : colors.light;
    if (!logo) return [];
    const background = theme.colors[mode].card;
    const ratio = contrastRatio(logo, background);
    return ratio < WCAG_AA_GRAPHICS ? [{ mode, label: "Logo on card", ratio, text: logo, background }] : [];
  });
}
