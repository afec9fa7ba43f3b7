/**
 * Portico's embeddable widgets: `<auth-login>`, `<auth-user-button>`, `<auth-user-profile>`
 * and the programmatic API (also on `window.Portico`). See docs/widgets.md.
 */
import { emit } from "./events";
import type { PorticoUser } from "./internal/client";
import {
  getDefaultStore,
  type SessionState,
  type StoreOptions,
  sessionStore,
  setDefaultStore,
} from "./internal/session";

export { AuthLogin } from "./components/login/login";
export { PorticoError } from "./internal/client";
export type { AuthMode, PorticoUser, TokenStorage } from "./internal/client";
export { PORTICO_EVENTS } from "./events";
export type { PorticoEvent, PorticoEventMap, PorticoEventName } from "./events";

/** Points the API at a tenant before (or without) any widget; widgets for it share the session. */
export function configure(options: Partial<StoreOptions> & { tenant: string }): void {
  const baseUrl = options.baseUrl ?? new URL(import.meta.url).origin;
  setDefaultStore(
    sessionStore({
      baseUrl,
      tenant: options.tenant,
      mode: options.mode ?? "token",
      storage: options.storage ?? "cookie",
    }),
  );
}

/** The signed-in user of the page's tenant (the first widget's, or `configure`'s), or null. */
export function currentUser(): PorticoUser | null {
  return getDefaultStore()?.state.user ?? null;
}

/** A fresh short-lived JWT for your backend, or null when nobody is signed in. */
export async function getToken(): Promise<string | null> {
  const store = getDefaultStore();
  if (!store) return null;
  await store.load();
  return store.getToken();
}

/** Signs the current user out and emits `portico:signed-out` on `document`. */
export async function signOut(): Promise<void> {
  const store = getDefaultStore();
  if (!store) return;
  await store.signOut();
  emit(document, "portico:signed-out", {});
}

/** Calls `callback` with `{ status, user }` now and on every change; returns an unsubscribe function. */
export function onChange(callback: (state: SessionState) => void): () => void {
  const store = getDefaultStore();
  if (!store) throw new Error("Portico.onChange: no widget or configure() call has chosen a tenant yet.");
  callback(store.state);
  return store.subscribe(callback);
}

/**
 * `<auth-user-button>` and `<auth-user-profile>` are defined on first use, so a page with
 * only a sign-in form never downloads them: each loads when one appears in the document.
 * Inside your own shadow root, call `Portico.load("auth-user-profile")` yourself.
 */
const LAZY_ELEMENTS: Record<string, () => Promise<unknown>> = {
  "auth-user-button": () => import("./components/user-button/user-button"),
  "auth-user-profile": () => import("./components/user-profile/user-profile"),
};

/** Loads and defines a lazily loaded widget (see LAZY_ELEMENTS). */
export function load(tag: "auth-user-button" | "auth-user-profile"): Promise<unknown> {
  return LAZY_ELEMENTS[tag]!();
}

function loadWhenUsed(): void {
  const pending = new Set(Object.keys(LAZY_ELEMENTS));
  const scan = () => {
    for (const tag of pending) {
      if (!document.querySelector(tag)) continue;
      pending.delete(tag);
      void LAZY_ELEMENTS[tag]!();
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(scan);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
}

const Portico = {
  configure,
  getToken,
  signOut,
  onChange,
  load,
  get currentUser() {
    return currentUser();
  },
};

declare global {
  interface Window {
    Portico: typeof Portico;
  }
}

window.Portico = Portico;
loadWhenUsed();
