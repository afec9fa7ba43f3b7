import { LOCALE_NAMES, type Locale } from "~/i18n/locales";
import type { ColorName, ImageField } from "~/theme/theme";

/**
 * The theme editor's field labels, in one place so the form and its error summary name a field
 * the same way ("Primary (light)", not `colors.light.primary`).
 */
export const COLOR_LABELS: Record<ColorName, string> = {
  primary: "Primary",
  primaryForeground: "Text on primary",
  background: "Page background",
  card: "Card background",
  foreground: "Text",
  muted: "Muted text",
  border: "Borders",
  danger: "Errors",
};

export const IMAGE_LABELS: Record<ImageField, { label: string; hint: string }> = {
  "logo.light": { label: "Logo", hint: "Shown above the form, and in emails." },
  "logo.dark": { label: "Logo for dark mode", hint: "Optional; the light logo is used when empty." },
  favicon: { label: "Favicon", hint: "The browser tab's icon. ICO, PNG or SVG." },
  "layout.image": { label: "Split-screen image", hint: "Fills the left half in the split-screen layout." },
};

export const LEGAL_LABELS = { termsUrl: "Terms URL", privacyUrl: "Privacy URL", supportUrl: "Support URL" } as const;

const PAGE_LABELS: Record<string, string> = {
  signIn: "Sign in",
  signUp: "Sign up",
  forgotPassword: "Forgot password",
  resetPassword: "Reset password",
  account: "Account",
  theme: "Footer",
};
const PART_LABELS: Record<string, string> = {
  title: "title",
  subtitle: "subtitle",
  submit: "button label",
  terms: "terms link",
  privacy: "privacy link",
  support: "support link",
};

/** "Sign in title (Deutsch)" for the copy override `signIn.title` in German. */
export function copyFieldLabel(locale: Locale, key: string): string {
  const [page = "", part = ""] = key.split(".");
  return `${PAGE_LABELS[page] ?? page} ${PART_LABELS[part] ?? part} (${LOCALE_NAMES[locale] ?? locale})`;
}

const FIELD_LABELS: Record<string, string> = {
  productName: "Product name",
  radius: "Corner radius (px)",
  font: "Font",
  darkMode: "Dark mode",
  "layout.kind": "Layout",
  customCss: "Custom CSS",
  showPoweredBy: "Show “Powered by”",
  "locale.default": "Default language",
  "locale.enabled": "Languages offered",
  "locale.detect": "Use the browser's language",
};

/** The label of the field a theme error is keyed by (its dotted path). */
export function themeFieldLabel(path: string): string {
  const known = FIELD_LABELS[path] ?? IMAGE_LABELS[path as ImageField]?.label;
  if (known) return known;
  const [section, first = "", ...rest] = path.split(".");
  if (section === "colors" && rest.length === 1) return `${COLOR_LABELS[rest[0] as ColorName] ?? rest[0]} (${first})`;
  if (section === "legal") return LEGAL_LABELS[first as keyof typeof LEGAL_LABELS] ?? first;
  if (section === "copy" && rest.length > 0) return copyFieldLabel(first as Locale, rest.join("."));
  return path;
}
