import { deviceName } from "~/sessions/device-name";
import { css, html, nothing, render, type PropertyValues } from "lit";
import { PorticoError, type PorticoSession } from "../../internal/client";
import { PorticoElement } from "../../internal/portico-element";
import { emit } from "../../events";
import { adoptLightDomStyles, baseStyles } from "../../internal/styles";

type Passkey = { id: string; name?: string | null; createdAt: string };

let instances = 0;

/**
 * @summary The signed-in user's profile: name, email, password, passkeys, two-factor status,
 * sessions (with revoke), and their data: download it as JSON or delete the account.
 *
 * The password form is rendered into the light DOM (`<form slot="password"
 * class="portico-form">`) so password managers can save the new password.
 *
 * @event portico:ready - Config and session are loaded; detail: `{ tenant, user }`.
 * @event portico:error - Something failed; detail: `{ code, message }`.
 * @event portico:account-deleted - The user deleted their account; detail: `{ userId }`.
 *
 * @slot password - Reserved: the widget renders its password form here (light DOM).
 *
 * @csspart base - The outer wrapper.
 * @csspart section - Each section (profile, password, passkeys, two-factor, sessions, your data).
 * @csspart error - The error alert.
 * @csspart notice - Confirmations (saved, password changed).
 */
export class AuthUserProfile extends PorticoElement {
  static styles = [
    baseStyles,
    css`
      [part~="base"] {
        padding: 24px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_card);
      }
      [part~="section"] {
        margin: 0 0 20px;
        padding: 0 0 16px;
        border-bottom: 1px solid var(--_border);
      }
      h3 {
        margin: 0 0 8px;
        font-size: 16px;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 12px;
        padding: 6px 0;
      }
      .row .btn {
        width: auto;
        margin: 0;
      }
      label {
        display: block;
        font-weight: 600;
        font-size: 14px;
      }
      input {
        display: block;
        width: 100%;
        min-height: 40px;
        margin: 4px 0 0;
        padding: 8px 12px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_card);
        color: var(--_fg);
        font: inherit;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];
  static properties = {
    ...PorticoElement.properties,
    passkeys: { state: true },
    sessions: { state: true },
    notice: { state: true },
    passwordError: { state: true },
    confirmingDelete: { state: true },
    deleteError: { state: true },
  };

  declare private passkeys: Passkey[];
  declare private sessions: PorticoSession[];
  declare private notice: string;
  declare private passwordError: string;
  declare private confirmingDelete: boolean;
  declare private deleteError: string;

  private readonly uid = `portico-profile-${++instances}`;
  private readonly passwordForm: HTMLFormElement;
  private loadedFor = "";

  constructor() {
    super();
    this.passkeys = [];
    this.sessions = [];
    this.notice = "";
    this.passwordError = "";
    this.confirmingDelete = false;
    this.deleteError = "";
    this.passwordForm = document.createElement("form");
    this.passwordForm.slot = "password";
    this.passwordForm.className = "portico-form";
    this.passwordForm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.changePassword();
    });
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.passwordForm.parentNode !== this) this.append(this.passwordForm);
    adoptLightDomStyles(this.getRootNode());
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    const user = this.session.user;
    const showPassword = !!user && !!this.methods.emailPassword && !this.error;
    this.passwordForm.hidden = !showPassword;
    render(showPassword ? this.passwordFields() : nothing, this.passwordForm);
    const key = user && this.config ? `${user.id}|${this.session.session?.id}` : "";
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.loadLists();
    }
  }

  private async loadLists(): Promise<void> {
    const client = this.store!.client;
    try {
      const [sessions, passkeys] = await Promise.all([
        client.auth<PorticoSession[]>("/list-sessions"),
        this.methods.passkey ? client.auth<Passkey[]>("/passkey/list-user-passkeys") : Promise.resolve([]),
      ]);
      this.sessions = sessions;
      this.passkeys = passkeys;
    } catch (error) {
      this.fail(error);
    }
  }

  private async act(action: () => Promise<unknown>, notice = ""): Promise<void> {
    this.notice = "";
    try {
      await action();
      this.notice = notice;
    } catch (error) {
      this.fail(error);
    }
  }

  private saveName(event: SubmitEvent): void {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get("name") ?? "").trim();
    void this.act(async () => {
      await this.store!.client.auth("/update-user", { method: "POST", body: { name } });
      await this.store!.refresh();
    }, this.t("saved"));
  }

  private async changePassword(): Promise<void> {
    const data = new FormData(this.passwordForm);
    this.passwordError = "";
    this.notice = "";
    try {
      await this.store!.client.auth("/change-password", {
        method: "POST",
        body: {
          currentPassword: String(data.get("currentPassword") ?? ""),
          newPassword: String(data.get("newPassword") ?? ""),
          revokeOtherSessions: false,
        },
      });
      this.passwordForm.reset();
      this.notice = this.t("passwordChanged");
    } catch (error) {
      const portico = error instanceof PorticoError ? error : new PorticoError("unexpected_error", String(error));
      this.passwordError = portico.message;
      emit(this, "portico:error", { code: portico.code, message: portico.message });
    }
  }

  private addPasskey(): void {
    void this.act(async () => {
      const { addPasskey } = await import("../../internal/passkey");
      await addPasskey(this.store!.client, navigator.platform || "Passkey");
      await this.loadLists();
    });
  }

  private deletePasskey(id: string): void {
    void this.act(async () => {
      await this.store!.client.auth("/passkey/delete-passkey", { method: "POST", body: { id } });
      await this.loadLists();
    });
  }

  private revoke(session: PorticoSession): void {
    void this.act(async () => {
      await this.store!.client.auth("/revoke-session", { method: "POST", body: { token: session.token } });
      await this.loadLists();
    });
  }

  /** Saves GET /privacy/export as a file: the same JSON the hosted account page offers. */
  private downloadData(): void {
    void this.act(async () => {
      const data = await this.store!.client.auth<{ profile: { id: string } }>("/privacy/export");
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      link.download = `${this.tenant}-${data.profile.id}-data.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }

  /** better-auth's POST /delete-user: with the password, or without it on a session under a day old. */
  private async deleteAccount(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const password = String(new FormData(event.target as HTMLFormElement).get("password") ?? "");
    const store = this.store!;
    const userId = this.session.user!.id;
    this.deleteError = "";
    try {
      await store.client.auth("/delete-user", { method: "POST", body: password ? { password } : {} });
    } catch (error) {
      const portico = error instanceof PorticoError ? error : new PorticoError("unexpected_error", String(error));
      this.deleteError = portico.code === "SESSION_EXPIRED" ? this.t("deleteReauthenticate") : portico.message;
      emit(this, "portico:error", { code: portico.code, message: portico.message });
      return;
    }
    this.confirmingDelete = false;
    if (store.client.token) store.client.forgetToken(store.client.token);
    emit(this, "portico:account-deleted", { userId });
    await store.refresh().catch(() => undefined);
    this.notice = this.t("accountDeleted");
  }

  private yourData() {
    const confirm = html`<form @submit=${this.deleteAccount}>
      <p>${this.t("deleteWarning")}</p>
      ${
        this.methods.emailPassword
          ? html`<label for=${`${this.uid}-delete-password`}>${this.t("password")}</label>
              <input
                id=${`${this.uid}-delete-password`}
                name="password"
                type="password"
                autocomplete="current-password"
                aria-describedby=${this.deleteError ? `${this.uid}-delete-error` : nothing}
              />`
          : nothing
      }
      ${
        this.deleteError
          ? html`<p class="portico-error" id=${`${this.uid}-delete-error`} role="alert">${this.deleteError}</p>`
          : nothing
      }
      <button class="btn" type="submit">${this.t("deleteAccountConfirm")}</button>
    </form>`;
    return html`<section part="section" aria-labelledby="your-data">
      <h3 id="your-data">${this.t("yourData")}</h3>
      <button class="btn" @click=${() => this.downloadData()}>${this.t("downloadData")}</button>
      ${
        this.confirmingDelete
          ? confirm
          : html`<button class="btn" @click=${() => (this.confirmingDelete = true)}>${this.t("deleteAccount")}</button>`
      }
    </section>`;
  }

  private passwordFields() {
    const field = (name: string, label: string, autocomplete: string) => {
      const id = `${this.uid}-${name}`;
      return html`<div class="portico-field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          name=${name}
          type="password"
          autocomplete=${autocomplete}
          required
          aria-invalid=${this.passwordError ? "true" : "false"}
          aria-describedby=${this.passwordError ? `${this.uid}-password-error` : nothing}
        />
      </div>`;
    };
    const user = this.session.user!;
    return html`<input type="email" name="username" autocomplete="username" .value=${user.email} hidden readonly />
      ${field("currentPassword", this.t("currentPassword"), "current-password")}
      ${field("newPassword", this.t("newPassword"), "new-password")}
      ${
        this.passwordError
          ? html`<p class="portico-error" id=${`${this.uid}-password-error`} role="alert">${this.passwordError}</p>`
          : nothing
      }
      <button type="submit">${this.t("changePassword")}</button>`;
  }

  render() {
    const user = this.session.user;
    const error = this.error ? html`<div role="alert" part="error">${this.error.message}</div>` : nothing;
    if (!user || this.session.status !== "signed-in") {
      return html`<div part="base">
        ${error} ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
        ${this.config ? html`<p class="notice">${this.t("signedOutTitle")}</p>` : nothing}
        <slot name="password" hidden></slot>
      </div>`;
    }
    const current = this.session.session?.id;
    return html`<div part="base">
      ${error} ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      <section part="section" aria-labelledby="profile">
        <h3 id="profile">${this.t("profile")}</h3>
        <form @submit=${this.saveName}>
          <label for="name">${this.t("name")}</label>
          <input id="name" name="name" autocomplete="name" required maxlength="100" .value=${user.name} />
          <button class="btn" type="submit">${this.t("save")}</button>
        </form>
        <p><span class="muted">${this.t("email")}:</span> <span data-testid="email">${user.email}</span></p>
      </section>
      <section part="section" aria-labelledby="password" ?hidden=${!this.methods.emailPassword}>
        <h3 id="password">${this.t("changePassword")}</h3>
        <slot name="password"></slot>
      </section>
      ${
        this.methods.passkey
          ? html`<section part="section" aria-labelledby="passkeys">
              <h3 id="passkeys">${this.t("passkeys")}</h3>
              ${this.passkeys.length === 0 ? html`<p class="muted">${this.t("noPasskeys")}</p>` : nothing}
              <ul>
                ${this.passkeys.map(
                  (passkey) =>
                    html`<li class="row">
                      <span>${passkey.name || passkey.id.slice(0, 8)}</span>
                      <button class="btn" @click=${() => this.deletePasskey(passkey.id)}>${this.t("delete")}</button>
                    </li>`,
                )}
              </ul>
              <button class="btn" @click=${() => this.addPasskey()}>${this.t("addPasskey")}</button>
            </section>`
          : nothing
      }
      ${
        this.methods.twoFactor
          ? html`<section part="section" aria-labelledby="two-factor">
              <h3 id="two-factor">${this.t("twoFactor")}</h3>
              <p>${user.twoFactorEnabled ? this.t("twoFactorOn") : this.t("twoFactorOff")}</p>
            </section>`
          : nothing
      }
      <section part="section" aria-labelledby="sessions">
        <h3 id="sessions">${this.t("sessions")}</h3>
        <ul>
          ${this.sessions.map(
            (session) =>
              html`<li class="row" data-session=${session.id}>
                <span title=${session.userAgent ?? ""}>
                  ${deviceName(session.userAgent) ?? this.t("unknownDevice")}
                  ${session.id === current ? html`<strong>(${this.t("thisDevice")})</strong>` : nothing}
                </span>
                ${
                  session.id === current
                    ? nothing
                    : html`<button class="btn" @click=${() => this.revoke(session)}>${this.t("revoke")}</button>`
                }
              </li>`,
          )}
        </ul>
      </section>
      ${this.yourData()}
    </div>`;
  }
}
