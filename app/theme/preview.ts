import type { Locale } from "~/i18n/locales";
import type { Theme } from "./theme";

/**
 * What the theme editor posts to its preview iframes (same origin only) as the admin types:
 * the draft theme, its custom CSS already checked and scoped by the server, and the language.
 */
export const PREVIEW_MESSAGE = "portico:theme-preview";
export type PreviewMessage = { type: typeof PREVIEW_MESSAGE; theme: Theme; css: string; locale: Locale };

/** Sent by a preview once it listens, so the editor sends it the current draft. */
export const PREVIEW_READY = "portico:theme-preview-ready";

export function isPreviewMessage(data: unknown): data is PreviewMessage {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === PREVIEW_MESSAGE;
}
