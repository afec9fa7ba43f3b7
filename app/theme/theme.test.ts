import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_THEME, themeCssVariables } from "./theme";
import { renderThemeCss } from "./theme-css.server";

/** The `--portico-*` declarations of the first block that follows `marker` in the CSS. */
function declarations(css: string, marker: string): Record<string, string> {
  const block = css.slice(css.indexOf(marker)).match(/\{([^{}]*)\}/)![1]!;
  return Object.fromEntries(
    [...block.matchAll(/(--portico-[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name, value!.trim()]),
  );
}

describe("default theme", () => {
  it("is what app/tailwind.css ships, so pages look the same before theme.css loads", () => {
    const css = readFileSync(new URL("../tailwind.css", import.meta.url), "utf8");
    const light = themeCssVariables(DEFAULT_THEME, "light");
    const tailwindLight = declarations(css, ":root");
    expect({ ...tailwindLight, "--portico-radius": light["--portico-radius"] }).toEqual(light);
    expect(tailwindLight["--portico-radius"]).toBe(`${DEFAULT_THEME.radius / 16}rem`);
    const dark = themeCssVariables(DEFAULT_THEME, "dark");
    const tailwindDark = declarations(css, "@media (prefers-color-scheme: dark)");
    for (const [name, value] of Object.entries(tailwindDark)) expect(dark[name]).toBe(value);
  });
});

describe("theme.css", () => {
  const own = () => false;
  it("follows the dark-mode policy", () => {
    const system = renderThemeCss(DEFAULT_THEME, own);
    expect(system).toContain("color-scheme: light dark;");
    expect(system).toContain("@media (prefers-color-scheme: dark)");
    const dark = renderThemeCss({ ...DEFAULT_THEME, darkMode: "dark" }, own);
    expect(dark).not.toContain("prefers-color-scheme");
    expect(declarations(dark, ":root")["--portico-background"]).toBe(DEFAULT_THEME.colors.dark.background);
    const light = renderThemeCss({ ...DEFAULT_THEME, darkMode: "light" }, own);
    expect(declarations(light, ":root")["--portico-background"]).toBe(DEFAULT_THEME.colors.light.background);
  });

  it("declares the bundled font's faces relative to itself, and none for the system font", () => {
    expect(renderThemeCss(DEFAULT_THEME, own)).not.toContain("@font-face");
    const inter = renderThemeCss({ ...DEFAULT_THEME, font: "inter" }, own);
    expect(inter).toContain("font-family: 'Inter'");
    expect(inter).toContain("url(fonts/inter-latin-400-normal.woff2)");
    expect(inter).not.toMatch(/https?:/);
  });

  it("ends with the scoped custom CSS", () => {
    expect(renderThemeCss({ ...DEFAULT_THEME, customCss: "h1 { letter-spacing: 1px }" }, own)).toMatch(
      /\[data-portico-tenant\] h1\{letter-spacing:1px\}\n$/,
    );
  });
});
