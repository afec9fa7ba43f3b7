import { css, html, nothing } from "lit";
import type { Account } from "../../internal/session";
import { emit } from "../../events";
import { PorticoElement } from "../../internal/portico-element";
import { baseStyles } from "../../internal/styles";

/**
 * @summary The signed-in user's avatar with a menu (account, switch account, sign out); signed
 * out, a button that opens `<auth-login>` in a modal dialog.
 *
 * @event portico:ready - Config and session are loaded; detail: `{ tenant, user }`.
 * @event portico:signed-in - From the dialog's `<auth-login>`; detail: `{ user, token }`.
 * @event portico:signed-out - After "Sign out"; detail: `{}`.
 * @event portico:error - Something failed; detail: `{ code, message }`.
 *
 * @csspart base - The outer wrapper.
 * @csspart avatar - The avatar button.
 * @csspart sign-in-button - The button shown when signed out.
 * @csspart menu - The dropdown menu.
 * @csspart menu-item - Each menu entry.
 * @csspart dialog - The sign-in dialog.
 * @csspart error - The error alert.
 */
export class AuthUserButton extends PorticoElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      [part~="base"] {
        display: inline-block;
        position: relative;
      }
      [part~="error"] {
        display: inline-block;
        max-width: 16rem;
        margin: 0;
        padding: 6px 10px;
        overflow: hidden;
        font-size: 13px;
        white-space: nowrap;
        text-overflow: ellipsis;
        vertical-align: middle;
      }
      [part~="avatar"] {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        width: 40px;
        height: 40px;
        padding: 0;
        overflow: hidden;
        border: 2px solid var(--_border);
        border-radius: 999px;
        background: var(--_primary);
        color: var(--_primary-fg);
        font-weight: 700;
      }
      [part~="avatar"] img {
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
      [part~="menu"] {
        position: absolute;
        inset-inline-end: 0;
        top: calc(100% + 6px);
        z-index: 10;
        min-width: 240px;
        margin: 0;
        padding: 6px;
        list-style: none;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_card);
        box-shadow: 0 10px 30px rgb(0 0 0 / 0.15);
      }
      .who {
        padding: 8px 10px;
        border-bottom: 1px solid var(--_border);
        margin-bottom: 4px;
      }
      .who strong,
      .who span {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      [part~="menu-item"] {
        display: block;
        width: 100%;
        padding: 8px 10px;
        border: 0;
        border-radius: calc(var(--_radius) - 4px);
        background: none;
        color: var(--_fg);
        text-align: start;
        text-decoration: none;
      }
      [part~="menu-item"]:hover,
      [part~="menu-item"]:focus-visible {
        background: color-mix(in srgb, var(--_primary) 12%, transparent);
        outline: none;
      }
      [part~="dialog"] {
        width: min(420px, calc(100vw - 32px));
        padding: 0;
        border: 0;
        background: transparent;
      }
      [part~="dialog"]::backdrop {
        background: rgb(15 23 42 / 0.5);
      }
      .close {
        display: block;
        margin: 0 0 8px auto;
        padding: 4px 10px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_card);
        color: var(--_fg);
      }
    `,
  ];
  static properties = {
    ...PorticoElement.properties,
    accountUrl: { attribute: "account-url" },
    redirectTo: { attribute: "redirect-to" },
    open: { state: true },
    accounts: { state: true },
  };

  /** Where "Manage account" goes; default: the tenant's hosted account page. */
  declare accountUrl: string;
  /** Passed to the dialog's `<auth-login>`. */
  declare redirectTo: string;
  declare private open: boolean;
  declare private accounts: Account[];

  constructor() {
    super();
    this.accountUrl = "";
    this.redirectTo = "";
    this.open = false;
    this.accounts = [];
    this.onDocumentClick = this.onDocumentClick.bind(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("click", this.onDocumentClick);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("click", this.onDocumentClick);
  }

  private onDocumentClick(event: Event): void {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.shadowRoot?.querySelector("dialog") ?? null;
  }

  private menuItems(): HTMLElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  private async toggleMenu(): Promise<void> {
    this.open = !this.open;
    if (!this.open) return;
    if (this.methods.multiSession && this.store) {
      this.accounts = await this.store.accounts().catch(() => []);
    }
    await this.updateComplete;
    this.menuItems()[0]?.focus();
  }

  private onMenuKey(event: KeyboardEvent): void {
    const items = this.menuItems();
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    if (event.key === "Escape") {
      this.open = false;
      this.shadowRoot?.querySelector<HTMLElement>('[part~="avatar"]')?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  }

  private openSignIn(): void {
    this.open = false;
    if (this.session.status === "signed-in") this.store?.prepareAnotherAccount();
    void this.updateComplete.then(() => this.dialog?.showModal());
  }

  private async signOut(): Promise<void> {
    this.open = false;
    try {
      await this.store?.signOut();
      emit(this, "portico:signed-out", {});
    } catch (error) {
      this.fail(error);
    }
  }

  private async switchTo(account: Account): Promise<void> {
    this.open = false;
    try {
      const state = await this.store!.switchTo(account);
      const token = this.methods.jwt ? await this.store!.getToken().catch(() => null) : null;
      emit(this, "portico:signed-in", { user: state.user, token });
    } catch (error) {
      this.fail(error);
    }
  }

  /** Closed without signing in to another account: the active one is still signed in. */
  private onDialogClose(): void {
    if (this.session.status !== "signed-in") void this.store?.refresh().catch(() => undefined);
  }

  private renderDialog() {
    return html`<dialog
      part="dialog"
      aria-label=${this.t("signInTitle")}
      @portico:signed-in=${() => this.dialog?.close()}
      @close=${() => this.onDialogClose()}
    >
      <button class="close" @click=${() => this.dialog?.close()}>${this.t("close")}</button>
      <auth-login
        tenant=${this.tenant}
        base-url=${this.baseUrl || nothing}
        mode=${this.mode}
        token-storage=${this.tokenStorage}
        redirect-to=${this.redirectTo || nothing}
        lang=${this.locale}
      ></auth-login>
    </dialog>`;
  }

  private renderMenu(user: NonNullable<typeof this.session.user>) {
    const others = this.accounts.filter((account) => account.user.id !== user.id);
    const accountUrl = this.accountUrl || `${this.store?.client.tenantUrl ?? ""}/account`;
    return html`<div part="menu" role="menu" aria-label=${user.email}>
      <div class="who"><strong>${user.name}</strong><span class="muted">${user.email}</span></div>
      <a part="menu-item" role="menuitem" href=${accountUrl}>${this.t("account")}</a>
      ${others.map(
        (account) =>
          html`<button part="menu-item" role="menuitem" @click=${() => this.switchTo(account)}>
            ${this.t("switchAccount")}: ${account.user.email}
          </button>`,
      )}
      ${
        this.methods.multiSession
          ? html`<button part="menu-item" role="menuitem" @click=${() => this.openSignIn()}>
              ${this.t("addAccount")}
            </button>`
          : nothing
      }
      <button part="menu-item" role="menuitem" @click=${() => this.signOut()}>${this.t("signOut")}</button>
    </div>`;
  }

  render() {
    const { user } = this.session;
    const signedIn = this.session.status === "signed-in" && user;
    // The dialog stays the same element whichever state shows, so its <auth-login> is still
    // in the page when it announces the sign-in that switches this button's state.
    // A page header has room for a button, not a paragraph: one short line in the widget's own
    // box, the whole message in its tooltip and in the portico:error event.
    const blocking = this.blockingError;
    if (blocking) {
      return html`<div part="base">
        <span role="alert" part="error" title=${blocking.message}>${this.t("unavailable")}</span>
      </div>`;
    }
    return html`<div part="base" @keydown=${this.onMenuKey}>
      ${this.error ? html`<span role="alert" part="error" title=${this.error.message}>${this.t("signedOutTitle")}</span>` : nothing}
      ${
        signedIn
          ? html`<button
                part="avatar"
                aria-haspopup="menu"
                aria-expanded=${this.open ? "true" : "false"}
                aria-label=${this.t("userMenu", { name: user.name || user.email })}
                @click=${() => this.toggleMenu()}
              >
                ${user.image ? html`<img src=${user.image} alt="" />` : (user.name || user.email).trim().slice(0, 1).toUpperCase()}
              </button>
              ${this.open ? this.renderMenu(user) : nothing}`
          : html`<button
              class="btn btn--primary"
              part="sign-in-button"
              ?disabled=${!this.config || !this.copyLoaded}
              @click=${() => this.openSignIn()}
            >
              ${this.t("signIn")}
            </button>`
      }
      ${this.config ? this.renderDialog() : nothing}
    </div>`;
  }
}
