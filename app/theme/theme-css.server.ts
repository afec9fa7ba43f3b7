import { fontFaceCss } from "./fonts.server";
import { renderCustomCss } from "./custom-css.server";
import { themeCssVariables, type Theme } from "./theme";

/**
 * theme.css: the bundled font's faces, the `--portico-*` variables for the dark-mode policy,
 * then the tenant's scoped custom CSS. Every URL in it is relative to the stylesheet
 * (`fonts/…`, `assets/…`), so the same bytes work on the shared host, on a custom domain and
 * when a widget on another origin loads it. Values are validated hex colors, integers and
 * Portico's own font stacks: nothing here is free text except the parsed custom CSS.
 */
export function renderThemeCss(theme: Theme, isOwnAsset: (id: string) => boolean): string {
  const block = (mode: "light" | "dark") =>
    Object.entries(themeCssVariables(theme, mode))
      .map(([name, value]) => `  ${name}: ${value};`)
      .join("\n");
  const parts = [fontFaceCss(theme.font)];
  if (theme.darkMode === "system") {
    parts.push(`:root {\n  color-scheme: light dark;\n${block("light")}\n}`);
    parts.push(`@media (prefers-color-scheme: dark) {\n:root {\n${block("dark")}\n}\n}`);
  } else {
    parts.push(`:root {\n  color-scheme: ${theme.darkMode};\n${block(theme.darkMode)}\n}`);
  }
  parts.push(renderCustomCss(theme.customCss, { isOwnAsset, assetUrl: (id) => `assets/${id}` }));
  return `${parts.filter(Boolean).join("\n")}\n`;
}
