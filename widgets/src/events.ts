import type { PorticoUser } from "./internal/client";

/**
 * Every event the widgets dispatch, declared once: the name and the `detail` it carries. All
 * bubble and cross shadow roots (`composed`), so a listener on `document` hears every widget.
 * Exported for TypeScript users, and merged into the DOM's event maps so that
 * `document.addEventListener("portico:signed-in", (event) => event.detail.user)` is typed.
 */
export interface PorticoEventMap {
  /** The widget has the tenant's config and knows who is signed in (`user`, or null). */
  "portico:ready": { tenant: string; user: PorticoUser | null };
  /** After any sign-in, sign-up or account switch; `token` is a JWT (null with the JWT method off). */
  "portico:signed-in": { user: PorticoUser | null; token: string | null };
  /** After sign-out from a widget or `Portico.signOut()`. */
  "portico:signed-out": Record<string, never>;
  /** Anything failed; the widget shows `message` too. */
  "portico:error": { code: string; message: string };
  /** The user deleted their account from `<auth-user-profile>`; they are signed out. */
  "portico:account-deleted": { userId: string };
}

export type PorticoEventName = keyof PorticoEventMap;
export type PorticoEvent<K extends PorticoEventName = PorticoEventName> = CustomEvent<PorticoEventMap[K]>;

/** The catalog's names, for code that listens to all of them. */
export const PORTICO_EVENTS = [
  "portico:ready",
  "portico:signed-in",
  "portico:signed-out",
  "portico:error",
  "portico:account-deleted",
] as const satisfies readonly PorticoEventName[];

/** Dispatches a catalogued event that crosses shadow roots and reaches `document`. */
export function emit<K extends PorticoEventName>(target: EventTarget, name: K, detail: PorticoEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

type PorticoDomEvents = { [K in PorticoEventName]: PorticoEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface HTMLElementEventMap extends PorticoDomEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface DocumentEventMap extends PorticoDomEvents {}
}
