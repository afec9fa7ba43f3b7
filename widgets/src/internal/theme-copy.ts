import type { Theme } from "~/theme/theme";
import type { MessageKey } from "./messages";

export type ThemeCopy = Pick<Theme, "copy" | "locale">;

/** The widget texts a tenant's theme may replace, by the hosted pages' message key for the same text. */
const THEME_KEYS: Partial<Record<MessageKey, string>> = {
  signInTitle: "signIn.title",
  signUpTitle: "signUp.title",
  forgotTitle: "forgotPassword.title",
  signIn: "signIn.submit",
  signUp: "signUp.submit",
  sendReset: "forgotPassword.submit",
};

/**
 * The tenant's text for a widget message in `locale`, else its default language's text (as on
 * the hosted pages, app/theme/copy.ts), else undefined: the widget's own copy applies.
 */
export function themeText(theme: ThemeCopy | null, locale: string, key: MessageKey): string | undefined {
  const themeKey = THEME_KEYS[key];
  if (!theme?.copy || !themeKey) return undefined;
  const copy = theme.copy as Record<string, Record<string, string> | undefined>;
  return copy[locale]?.[themeKey] || copy[theme.locale?.default ?? ""]?.[themeKey] || undefined;
}
