import { formatMessage } from "./format";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { MESSAGES, type MessageKey } from "./messages";

/** The tenant's copy overrides (theme): per locale, message key → text. */
export type CopyOverrides = Partial<Record<Locale, Partial<Record<MessageKey, string>>>>;

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A translator for one locale: the tenant's override for the key, else the locale's
 * message, else English. Placeholders and plurals are filled by `formatMessage`. The result is
 * plain text; React and react-email escape it when rendering.
 */
export function createTranslator(locale: Locale, overrides: CopyOverrides = {}): Translate {
  return (key, values) => {
    const template = overrides[locale]?.[key] || MESSAGES[locale][key] || MESSAGES[DEFAULT_LOCALE][key] || key;
    return values ? formatMessage(locale, template, values) : template;
  };
}
