import { LitElement, type PropertyValues } from "lit";
import type { PublicTenantConfig } from "~/auth-methods/public-config";
import type { Theme } from "~/theme/theme";
import { type AuthMode, PorticoError, type TokenStorage } from "./client";
import {
  loadLocale,
  type MessageKey,
  pickWidgetLocale,
  sharedErrorText,
  translate,
  widgetDirection,
  type WidgetLocale,
} from "./messages";
import { emit } from "../events";
import { type SessionState, type SessionStore, sessionStore } from "./session";
import { themeStyleSheet } from "./styles";
import { themeText, type ThemeCopy } from "./theme-copy";

/** Where the module was served from: Portico's own origin, unless `base-url` says otherwise. */
const MODULE_ORIGIN = (() => {
  try {
    const origin = new URL(import.meta.url).origin;
    return origin === "null" ? "" : origin;
  } catch {
    return "";
  }
})();

/** An enabled method from config.json, whatever its settings (methods arrive over time). */
export type EnabledMethod = { category: string; settings: Record<string, unknown> };

/**
 * What every widget shares: the tenant attributes, the tenant's config and theme, the shared
 * session, localized copy, and `portico:*` events. Failures become a PorticoError shown in
 * the widget and emitted as `portico:error`; nothing is thrown into the host page.
 */
export class PorticoElement extends LitElement {
  static properties = {
    tenant: { reflect: true },
    baseUrl: { attribute: "base-url" },
    mode: {},
    tokenStorage: { attribute: "token-storage" },
    config: { state: true },
    session: { state: true },
    error: { state: true },
    locale: { state: true },
    copyLoaded: { state: true },
  };

  /** The tenant's slug, e.g. `acme`. */
  declare tenant: string;
  /** Portico's origin (default: where this module was loaded from; set it for a custom domain). */
  declare baseUrl: string;
  /** `token` (default; bearer token kept by the widget) or `cookie` (same-site deployments). */
  declare mode: AuthMode;
  /**
   * Token mode only: `cookie` (default: kept across reloads in an HttpOnly cookie on Portico's
   * host), `memory` (this page only) or `local` (localStorage, readable by the page's scripts).
   */
  declare tokenStorage: TokenStorage;
  declare protected config: PublicTenantConfig | null;
  declare protected session: SessionState;
  declare protected error: PorticoError | null;
  declare protected locale: WidgetLocale;
  /** Whether the copy has arrived (every language loads on demand): controls wait for it. */
  declare protected copyLoaded: boolean;

  protected store: SessionStore | null = null;
  private unsubscribe: (() => void) | null = null;
  private themeSheet: CSSStyleSheet | null = null;
  private themeCopy: ThemeCopy | null = null;
  /** Settles when the latest locale's copy has loaded (or failed to): `portico:ready` waits for it. */
  private copyReady: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.tenant = "";
    this.baseUrl = "";
    this.mode = "token";
    this.tokenStorage = "cookie";
    this.config = null;
    this.session = { status: "loading", user: null, session: null };
    this.error = null;
    this.locale = "en";
    this.copyLoaded = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.setLocale(pickWidgetLocale(this));
  }

  /** Switches the copy once the locale's messages are loaded. */
  private setLocale(locale: WidgetLocale): void {
    this.copyReady = loadLocale(locale)
      .then(() => {
        this.locale = locale;
        this.copyLoaded = true;
        // The host's own direction, so the shadow tree lays out right to left in Arabic and Hebrew.
        this.dir = widgetDirection(locale);
        this.requestUpdate();
      })
      .catch(() => undefined);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has("tenant") || changed.has("baseUrl") || changed.has("mode") || changed.has("tokenStorage")) {
      void this.connectTenant();
    }
  }

  /** Loads config, theme and session for the current attributes; reports what fails. */
  protected async connectTenant(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.config = null;
    this.error = null;
    const tenant = this.tenant.trim();
    if (!tenant) return this.fail(new PorticoError("tenant_missing", 'Set the tenant attribute, e.g. tenant="acme".'));
    const baseUrl = (this.baseUrl || MODULE_ORIGIN || location.origin).replace(/\/$/, "");
    const mode: AuthMode = this.mode === "cookie" ? "cookie" : "token";
    const store = sessionStore({ baseUrl, tenant, mode, storage: storageOf(this.tokenStorage) });
    this.store = store;
    this.session = store.state;
    this.unsubscribe = store.subscribe((state) => {
      this.session = state;
    });
    try {
      const [config, theme] = await Promise.all([store.client.config(), store.client.theme()]);
      if (this.store !== store) return;
      this.applyTheme(theme);
      if (mode === "token" && !config.authMethods.bearer) {
        throw new PorticoError(
          "bearer_disabled",
          "Token mode needs the tenant's Bearer tokens: add this site's origin in the console.",
        );
      }
      this.config = config;
      await store.load().catch((error: unknown) => this.fail(error));
      await this.copyReady;
      emit(this, "portico:ready", { tenant, user: store.state.user });
    } catch (error) {
      if (this.store === store) this.fail(error);
    }
  }

  private applyTheme(theme: Theme | null): void {
    if (!this.shadowRoot) return;
    this.themeCopy = theme && typeof theme === "object" ? theme : null;
    if (theme && typeof theme === "object") {
      this.setLocale(pickWidgetLocale(this, theme.locale?.offered));
    }
    const sheets = this.shadowRoot.adoptedStyleSheets.filter((sheet) => sheet !== this.themeSheet);
    this.themeSheet = theme ? themeStyleSheet(theme) : null;
    this.shadowRoot.adoptedStyleSheets = this.themeSheet ? [...sheets, this.themeSheet] : sheets;
  }

  /** Shows and emits an error; returns nothing so callers can `return this.fail(…)`. */
  protected fail(error: unknown): void {
    const portico = this.worded(error);
    this.error = portico;
    emit(this, "portico:error", { code: portico.code, message: portico.message });
  }

  /**
   * The error as a PorticoError whose message is what the user reads: for a refusal the hosted
   * pages word too (app/i18n/auth-errors.ts), their sentence in this widget's language.
   */
  protected worded(error: unknown): PorticoError {
    const portico =
      error instanceof PorticoError
        ? error
        : new PorticoError("unexpected_error", error instanceof Error ? error.message : "Something went wrong.");
    const text = sharedErrorText(this.locale, portico);
    return text ? new PorticoError(portico.code, text, portico.status) : portico;
  }

  /** The error that stops the widget; an expired session only informs (the form stays usable). */
  protected get blockingError(): PorticoError | null {
    return this.error && this.error.code !== "session_expired" ? this.error : null;
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return themeText(this.themeCopy, this.locale, key) ?? translate(this.locale, key, params);
  }

  /** The tenant's enabled methods, by id (methods other helpers add show up here as they land). */
  protected get methods(): Record<string, EnabledMethod | undefined> {
    return (this.config?.authMethods ?? {}) as Record<string, EnabledMethod | undefined>;
  }

  /** Emits `portico:signed-in` with the user and a fresh JWT (null when the tenant's JWT method is off). */
  protected async announceSignIn(): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.error = null;
    const state = await store.signedIn();
    if (state.status !== "signed-in") {
      // Cookie mode across sites: the sign-in worked but the browser did not keep the cookie.
      throw new PorticoError(
        "cookies_blocked",
        "Signed in, but this browser blocks Portico's cookie on this site: use token mode (the default).",
      );
    }
    const token = this.methods.jwt ? await store.getToken().catch(() => null) : null;
    emit(this, "portico:signed-in", { user: state.user, token });
  }
}

function storageOf(value: string): TokenStorage {
  return value === "local" || value === "memory" ? value : "cookie";
}
