import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "~/i18n/locales";

/**
 * A tenant's theme: everything an end user sees of its brand on the hosted pages, in emails
 * and in the widgets, all rendered from this one object through `--portico-*` CSS custom
 * properties (themeCssVariables). Every field has a default, so `{}` is the default theme
 * and older stored versions gain new fields without a migration. Safe to ship to browsers.
 */

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const color = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(HEX_COLOR, "Enter a hex color such as #4f46e5.")
    .transform((value) => value.toLowerCase())
    .default(fallback);

export const COLOR_NAMES = [
  "primary",
  "primaryForeground",
  "background",
  "card",
  "foreground",
  "muted",
  "border",
  "danger",
] as const;
export type ColorName = (typeof COLOR_NAMES)[number];

const LIGHT = {
  primary: "#4f46e5",
  primaryForeground: "#ffffff",
  background: "#f8fafc",
  card: "#ffffff",
  foreground: "#0f172a",
  muted: "#475569",
  border: "#cbd5e1",
  danger: "#b91c1c",
} satisfies Record<ColorName, string>;

const DARK = {
  primary: "#818cf8",
  primaryForeground: "#0b1020",
  background: "#0b1020",
  card: "#111827",
  foreground: "#f1f5f9",
  muted: "#cbd5e1",
  border: "#334155",
  danger: "#fca5a5",
} satisfies Record<ColorName, string>;

const palette = (defaults: Record<ColorName, string>) =>
  z
    .object(
      Object.fromEntries(COLOR_NAMES.map((name) => [name, color(defaults[name])])) as {
        [Name in ColorName]: ReturnType<typeof color>;
      },
    )
    .prefault({});

/** Font stacks: the system's, or an open font Portico serves itself (no font CDN). */
export const FONTS = ["system", "inter", "source-serif", "jetbrains-mono"] as const;
export type FontId = (typeof FONTS)[number];

export const DARK_MODES = ["light", "dark", "system"] as const;
export const LAYOUTS = ["centered", "split"] as const;

/** An uploaded asset (`asset:<id>`, served from /t/<slug>/assets/<id>) or an https URL. */
const imageRef = z
  .union([
    z.literal(""),
    z.string().regex(/^asset:[a-z0-9_-]{1,64}$/i, "Upload an image or enter an https URL."),
    z.url({ protocol: /^https$/, message: "Enter an https URL or upload an image." }).max(2048),
  ])
  .default("");

const optionalUrl = z
  .union([z.literal(""), z.url({ protocol: /^https?$/, message: "Enter a URL such as https://example.com/terms." })])
  .default("");

export const ThemeSchema = z.object({
  /** Shown on the pages and in emails; "" means the tenant's name. */
  productName: z.string().trim().max(60, "Use at most 60 characters.").default(""),
  logo: z.object({ light: imageRef, dark: imageRef }).prefault({}),
  favicon: imageRef,
  colors: z.object({ light: palette(LIGHT), dark: palette(DARK) }).prefault({}),
  /** Corner radius in pixels. */
  radius: z
    .number({ error: "Radius must be a number." })
    .int()
    .min(0, "Use 0 to 24.")
    .max(24, "Use 0 to 24.")
    .default(10),
  font: z.enum(FONTS, { error: "Choose one of the offered fonts." }).default("system"),
  darkMode: z.enum(DARK_MODES, { error: "Choose light, dark or system." }).default("system"),
  layout: z
    .object({
      kind: z.enum(LAYOUTS, { error: "Choose centered or split." }).default("centered"),
      /** The split screen's image. */
      image: imageRef,
    })
    .prefault({}),
  /**
   * Per locale, message key → the tenant's text: page titles, subtitles and button labels, and
   * the emails' texts (`emails.<template>.<part>`). Per-key limits and placeholders are checked
   * on save (app/i18n/copy-check.ts); this bound only keeps a stored theme small.
   */
  copy: z
    .partialRecord(z.enum(LOCALES), z.record(z.string(), z.string().max(1000, "Use at most 1000 characters.")))
    .default({}),
  legal: z.object({ termsUrl: optionalUrl, privacyUrl: optionalUrl, supportUrl: optionalUrl }).prefault({}),
  locale: z
    .object({
      default: z.enum(LOCALES).default(DEFAULT_LOCALE),
      /** Languages offered; the browser's Accept-Language picks among them when `followBrowser`. */
      offered: z
        .array(z.enum(LOCALES))
        .min(1, "Offer at least one language.")
        .default([...LOCALES]),
      followBrowser: z.boolean().default(true),
    })
    .prefault({}),
  showPoweredBy: z.boolean().default(false),
  /**
   * Checked when saved and scoped under the hosted layout when served (app/theme/custom-css.server.ts);
   * `url()` may only name the tenant's uploads, written `url(asset:<id>)`.
   */
  customCss: z.string().max(20_000, "Use at most 20,000 characters.").default(""),
});

export type Theme = z.infer<typeof ThemeSchema>;
export type ThemeInput = z.input<typeof ThemeSchema>;
export const DEFAULT_THEME: Theme = ThemeSchema.parse({});

const CSS_VARIABLE: Record<ColorName, string> = {
  primary: "--portico-primary",
  primaryForeground: "--portico-primary-foreground",
  background: "--portico-background",
  card: "--portico-card",
  foreground: "--portico-foreground",
  muted: "--portico-muted",
  border: "--portico-border",
  danger: "--portico-danger",
};

export const FONT_STACKS: Record<FontId, string> = {
  system: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  inter: '"Inter", ui-sans-serif, system-ui, sans-serif',
  "source-serif": '"Source Serif 4", ui-serif, Georgia, serif',
  "jetbrains-mono": '"JetBrains Mono", ui-monospace, monospace',
};

/** The `--portico-*` custom properties of one color mode (values are validated hex colors). */
export function themeCssVariables(theme: Theme, mode: "light" | "dark"): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const name of COLOR_NAMES) variables[CSS_VARIABLE[name]] = theme.colors[mode][name];
  variables["--portico-radius"] = `${theme.radius}px`;
  variables["--portico-font"] = FONT_STACKS[theme.font];
  return variables;
}

/** The theme's image fields, by their dotted path (the form field names and error keys). */
export const IMAGE_FIELDS = ["logo.light", "logo.dark", "favicon", "layout.image"] as const;
export type ImageField = (typeof IMAGE_FIELDS)[number];

export function getImageRef(theme: Theme, field: ImageField): string {
  if (field === "logo.light") return theme.logo.light;
  if (field === "logo.dark") return theme.logo.dark;
  if (field === "favicon") return theme.favicon;
  return theme.layout.image;
}

export function withImageRef(theme: Theme, field: ImageField, ref: string): Theme {
  if (field === "logo.light") return { ...theme, logo: { ...theme.logo, light: ref } };
  if (field === "logo.dark") return { ...theme, logo: { ...theme.logo, dark: ref } };
  if (field === "favicon") return { ...theme, favicon: ref };
  return { ...theme, layout: { ...theme.layout, image: ref } };
}

/** The id in an `asset:<id>` reference, or null for URLs and "". */
export function assetIdOf(ref: string): string | null {
  return ref.startsWith("asset:") ? ref.slice("asset:".length) : null;
}

/**
 * Where a browser loads an image reference from: `asset:<id>` under the tenant's base
 * (`/t/<slug>` on the shared host, "" on a custom domain, or an absolute URL for widgets and
 * emails), an https URL as it is, "" for none.
 */
export function imageUrl(ref: string, tenantBase: string): string {
  const id = assetIdOf(ref);
  return id ? `${tenantBase}/assets/${id}` : ref;
}
