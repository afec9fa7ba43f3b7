import { css } from "lit";
import type { Theme } from "~/theme/theme";

/**
 * The `--portico-*` variables with the default theme's values as fallbacks. Set on `:host`
 * from the tenant's theme; a host page's own `auth-login { --portico-primary: … }` wins
 * because outer styles beat `:host` rules.
 */
export const baseStyles = css`
  :host {
    display: block;
    --_primary: var(--portico-primary, #4f46e5);
    --_primary-fg: var(--portico-primary-foreground, #fff);
    --_card: var(--portico-card, #fff);
    --_fg: var(--portico-foreground, #0f172a);
    --_muted: var(--portico-muted, #475569);
    --_border: var(--portico-border, #cbd5e1);
    --_danger: var(--portico-danger, #b91c1c);
    --_radius: var(--portico-radius, 10px);
    --_font: var(--portico-font, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  [part~="base"] {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: 15px;
    line-height: 1.5;
    color: var(--_fg);
    text-align: start;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    margin: 0 0 16px;
    font-size: 20px;
    font-weight: 700;
  }
  p {
    margin: 8px 0;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .btn {
    display: flex;
    width: 100%;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 40px;
    margin: 8px 0 0;
    padding: 8px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card);
    color: var(--_fg);
    font-weight: 600;
  }
  .btn--primary {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_primary-fg);
  }
  .btn:focus-visible,
  .link:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .btn[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_primary);
    font-weight: 600;
    text-decoration: underline;
  }
  [role="alert"],
  .notice {
    margin: 0 0 12px;
    padding: 8px 12px;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    color: var(--_danger);
    overflow-wrap: anywhere;
  }
  .notice {
    border-color: var(--_border);
    color: var(--_fg);
  }
  .muted {
    color: var(--_muted);
    font-size: 14px;
  }
  .divider {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 12px 0 4px;
    color: var(--_muted);
    font-size: 13px;
  }
  .divider::before,
  .divider::after {
    content: "";
    flex: 1;
    border-top: 1px solid var(--_border);
  }
`;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const COLOR_VARIABLES = {
  primary: "primary",
  primaryForeground: "primary-foreground",
  background: "background",
  card: "card",
  foreground: "foreground",
  muted: "muted",
  border: "border",
  danger: "danger",
} as const;
const FONT_STACKS: Record<string, string> = {
  inter: '"Inter", ui-sans-serif, system-ui, sans-serif',
  "source-serif": '"Source Serif 4", ui-serif, Georgia, serif',
  "jetbrains-mono": '"JetBrains Mono", ui-monospace, monospace',
};

function declarations(theme: Theme, mode: "light" | "dark"): string {
  // theme.json comes over the network: every value is checked before it becomes CSS.
  const palette: Record<string, unknown> = theme.colors?.[mode] ?? {};
  const lines: string[] = [];
  for (const [name, variable] of Object.entries(COLOR_VARIABLES)) {
    const value = palette[name];
    if (typeof value === "string" && HEX.test(value)) lines.push(`--portico-${variable}:${value};`);
  }
  if (Number.isInteger(theme.radius)) lines.push(`--portico-radius:${theme.radius}px;`);
  const font = FONT_STACKS[theme.font];
  if (font) lines.push(`--portico-font:${font};`);
  return lines.join("");
}

/** The tenant's theme as `:host` variables (light, dark or following the system). */
export function themeStyleSheet(theme: Theme): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const light = `:host{${declarations(theme, "light")}}`;
  const dark = `:host{${declarations(theme, "dark")}}`;
  const text =
    theme.darkMode === "dark"
      ? dark
      : theme.darkMode === "system"
        ? `${light}@media (prefers-color-scheme: dark){${dark}}`
        : light;
  sheet.replaceSync(text);
  return sheet;
}

/**
 * Styles for the credential forms the widgets render into the page's light DOM (so password
 * managers see them). Scoped to `.portico-form` inside the widget's element and made
 * `!important` inside a cascade layer: layered important declarations beat a host page's
 * unlayered ones, `!important` included, so global resets (`* { all: unset }`, `input {
 * display: none }`) do not reach the form. Host pages restyle it through the `--portico-*`
 * variables, which these rules read.
 */
const LIGHT_DOM_RULES = /* css */ `
:is(auth-login, auth-user-profile) .portico-form, :is(auth-login, auth-user-profile) .portico-form * {
  all: revert; box-sizing: border-box; font-family: var(--_font, system-ui, sans-serif);
}
:is(auth-login, auth-user-profile) .portico-form:not([hidden]) {
  display: flex; flex-direction: column; gap: 12px; margin: 0; padding: 0; border: 0;
  color: var(--portico-foreground, #0f172a); font-size: 15px; line-height: 1.5; text-align: start;
}
:is(auth-login, auth-user-profile) .portico-form[hidden], :is(auth-login, auth-user-profile) .portico-form [hidden] { display: none; }
:is(auth-login, auth-user-profile) .portico-form :is(.portico-field, label, input, button, p) {
  visibility: visible; opacity: 1; position: static; clip-path: none; transform: none; pointer-events: auto;
}
:is(auth-login, auth-user-profile) .portico-form .portico-field:not([hidden]) { display: flex; flex-direction: column; gap: 4px; margin: 0; }
:is(auth-login, auth-user-profile) .portico-form label { display: block; font-weight: 600; font-size: 14px; color: inherit; }
:is(auth-login, auth-user-profile) .portico-form input:not([hidden]) {
  display: block; width: 100%; min-height: 40px; margin: 0; padding: 8px 12px;
  border: 1px solid var(--portico-border, #cbd5e1); border-radius: var(--portico-radius, 10px);
  background: var(--portico-card, #fff); color: var(--portico-foreground, #0f172a); font-size: 15px;
}
:is(auth-login, auth-user-profile) .portico-form :is(input, button):focus-visible {
  outline: 2px solid var(--portico-primary, #4f46e5); outline-offset: 2px;
}
:is(auth-login, auth-user-profile) .portico-form input[aria-invalid="true"] { border-color: var(--portico-danger, #b91c1c); }
:is(auth-login, auth-user-profile) .portico-form button {
  display: block; width: 100%; min-height: 40px; margin: 4px 0 0; padding: 8px 14px; cursor: pointer;
  border: 1px solid var(--portico-primary, #4f46e5); border-radius: var(--portico-radius, 10px);
  background: var(--portico-primary, #4f46e5); color: var(--portico-primary-foreground, #fff);
  font-size: 15px; font-weight: 600; text-align: center;
}
:is(auth-login, auth-user-profile) .portico-form button[disabled] { opacity: .6; cursor: progress; }
:is(auth-login, auth-user-profile) .portico-form p { display: block; margin: 0; font-size: 14px; }
:is(auth-login, auth-user-profile) .portico-form .portico-error { color: var(--portico-danger, #b91c1c); }
:is(auth-login, auth-user-profile) .portico-form .portico-hint { color: var(--portico-muted, #475569); }
`;

export const LIGHT_DOM_CSS = `@layer portico-light-dom{${LIGHT_DOM_RULES.replace(/;/g, " !important;")}}`;

const adopted = new WeakSet<Document | ShadowRoot>();

/** Adds the light-DOM form styles once to the document (or shadow root) a widget lives in. */
export function adoptLightDomStyles(root: Node): void {
  const target = root instanceof ShadowRoot || root instanceof Document ? root : null;
  if (!target || adopted.has(target)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(LIGHT_DOM_CSS);
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  adopted.add(target);
}
