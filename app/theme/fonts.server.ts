import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FontId } from "./theme";

/**
 * The bundled open fonts, served by Portico itself from the @fontsource packages (no font
 * CDN, so no third party learns who opens a sign-in page). Only the latin subsets and the
 * weights the pages use are offered; the browser fetches a file only when a glyph needs it.
 */
const PACKAGES: Record<Exclude<FontId, "system">, string> = {
  inter: "@fontsource/inter",
  "source-serif": "@fontsource/source-serif-4",
  "jetbrains-mono": "@fontsource/jetbrains-mono",
};
const WEIGHTS = [400, 500, 600, 700];
const FONT_FILE = /^(inter|source-serif-4|jetbrains-mono)-(latin|latin-ext)-(400|500|600|700)-normal\.woff2$/;

const require = createRequire(import.meta.url);
const faceCache = new Map<FontId, string>();

/**
 * `@font-face` rules for a font, with `src` relative to the stylesheet (`fonts/<file>`), so
 * theme.css works on the shared host, on custom domains and from widgets on other origins.
 */
export function fontFaceCss(font: FontId): string {
  if (font === "system") return "";
  const cached = faceCache.get(font);
  if (cached !== undefined) return cached;
  const faces = WEIGHTS.flatMap((weight) => {
    const css = readFileSync(require.resolve(`${PACKAGES[font]}/${weight}.css`), "utf8");
    return [...css.matchAll(/@font-face\s*{[^}]*}/g)]
      .map(([face]) => face)
      .filter((face) => /-latin(?:-ext)?-\d+-normal\.woff2/.test(face))
      .map((face) =>
        face.replace(
          /src:[^;]*;/,
          (src) => `src: url(fonts/${/files\/([^)]+\.woff2)/.exec(src)![1]}) format('woff2');`,
        ),
      );
  });
  const result = faces.join("\n");
  faceCache.set(font, result);
  return result;
}

/** A font file's bytes by its file name, or null for any name that is not one of ours. */
export function readFontFile(name: string): Uint8Array | null {
  const match = FONT_FILE.exec(name);
  if (!match) return null;
  const pkg = Object.values(PACKAGES).find((p) => p.endsWith(`/${match[1]}`));
  if (!pkg) return null;
  try {
    return readFileSync(require.resolve(`${pkg}/files/${name}`));
  } catch {
    return null;
  }
}
