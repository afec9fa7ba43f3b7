import { copyTextProblem } from "~/i18n/copy-check";
import { MESSAGES, type MessageKey } from "~/i18n/messages";
import type { Theme } from "./theme";

/** Copy overrides for message keys Portico has, without empty texts (empty means "Portico's text"). */
export function knownCopy(copy: Theme["copy"]): Theme["copy"] {
  const known = new Set(Object.keys(MESSAGES.en));
  return Object.fromEntries(
    Object.entries(copy).map(([locale, texts]) => [
      locale,
      Object.fromEntries(Object.entries(texts ?? {}).filter(([key, text]) => known.has(key) && text.trim() !== "")),
    ]),
  );
}

/** Field errors (`copy.<locale>.<key>`) for texts too long, with HTML, or with placeholders their message lacks. */
export function copyErrors(copy: Theme["copy"]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [locale, texts] of Object.entries(copy)) {
    for (const [key, text] of Object.entries(texts ?? {})) {
      const problem = copyTextProblem(key, text, MESSAGES.en[key as MessageKey]);
      if (problem) errors[`copy.${locale}.${key}`] = problem;
    }
  }
  return errors;
}
