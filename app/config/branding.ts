/**
 * The deployment's own brand, from the APP_* environment variables (env.server.ts). Safe to
 * send to the browser: it holds nothing secret. Tenants brand their own pages with themes.
 */
export type PlatformBranding = {
  name: string;
  /** An http(s) URL or a path on this deployment; null shows the name alone. */
  logoUrl: string | null;
  /** `#rrggbb` or `#rgb`: buttons and links of the console, platform pages and marketing site. */
  primaryColor: string;
  supportEmail: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
};

export const DEFAULT_PRIMARY_COLOR = "#4f46e5";

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rgb` / `#rrggbb` color. */
export function relativeLuminance(hex: string): number {
  const digits = hex.replace("#", "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const [r, g, b] = [0, 2, 4].map((i) => channel(Number.parseInt(full.slice(i, i + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** White or near-black, whichever reads better on `background` (higher WCAG contrast). */
export function readableForeground(background: string): "#ffffff" | "#0b1020" {
  const l = relativeLuminance(background);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (relativeLuminance("#0b1020") + 0.05);
  return onWhite >= onDark ? "#ffffff" : "#0b1020";
}

/**
 * The CSS that puts the platform's primary color on its own pages (not tenants' pages, which
 * follow their theme). Light scheme only: the dark scheme keeps its lighter default, which
 * stays readable on dark backgrounds whatever the brand color is.
 */
export function platformBrandCss(branding: Pick<PlatformBranding, "primaryColor">): string {
  const color = branding.primaryColor;
  if (!/^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(color)) return "";
  return `@media not (prefers-color-scheme: dark){:root{--portico-primary:${color};--portico-primary-foreground:${readableForeground(color)}}}`;
}
