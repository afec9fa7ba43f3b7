import { html, nothing, render, type PropertyValues, type TemplateResult } from "lit";
import { PorticoError } from "../../internal/client";
import { PorticoElement } from "../../internal/portico-element";
import { emit } from "../../events";
import { adoptLightDomStyles, baseStyles } from "../../internal/styles";
import { loginStyles } from "./login.styles";

import type { SignInAnswer, View } from "./login-steps";
type SocialProvider = { id: string; displayName: string };

let instances = 0;

/**
 * @summary A tenant's sign-in: every method the tenant has on, following its theme and locale.
 *
 * The credential form (inputs and submit button) is rendered into the element's light DOM as
 * `<form slot="form" class="portico-form">`, so browsers' password managers can fill and save
 * it; everything else lives in the shadow root.
 *
 * @event portico:ready - Config and session are loaded; detail: `{ tenant, user }`.
 * @event portico:signed-in - After any sign-in or sign-up; detail: `{ user, token }` (token: a JWT, null when the tenant's JWT method is off).
 * @event portico:error - Something failed; detail: `{ code, message }`.
 *
 * @slot form - Reserved: the widget renders its credential form here (light DOM).
 * @slot footer - Extra content under the widget (terms, links).
 *
 * @csspart base - The outer wrapper.
 * @csspart title - The heading.
 * @csspart provider-mark - A social provider's mark on its button.
 * @csspart error - The error alert.
 * @csspart notice - Confirmation messages (link or code sent).
 * @csspart methods - The other sign-in methods (passkey, social, email link or code).
 * @csspart method-button - Each of those buttons.
 * @csspart footer - The links under the form (sign up, forgot password, back).
 */
export class AuthLogin extends PorticoElement {
  static styles = [baseStyles, loginStyles];
  static properties = {
    ...PorticoElement.properties,
    start: {},
    hideSignUp: { type: Boolean, attribute: "hide-sign-up" },
    redirectTo: { attribute: "redirect-to" },
    view: { state: true },
    busy: { state: true },
    formError: { state: true },
    notice: { state: true },
    useBackupCode: { state: true },
  };

  /** `sign-up` to open on the sign-up form; default `sign-in`. */
  declare start: "sign-in" | "sign-up";
  /** Hides the way to sign up (the tenant's sign-up mode applies anyway). */
  declare hideSignUp: boolean;
  /** Where to go after signing in: a URL on the host page's site. Without it the page stays. */
  declare redirectTo: string;
  declare private view: View;
  declare private busy: boolean;
  declare private formError: string;
  declare private notice: string;
  declare private useBackupCode: boolean;

  private readonly uid = `portico-${++instances}`;
  private readonly form: HTMLFormElement;
  private email = "";
  /** Social providers' names and marks (loaded on demand): their buttons wait for it. */
  private providers: typeof import("../../internal/provider-marks") | null = null;

  constructor() {
    super();
    this.start = "sign-in";
    this.hideSignUp = false;
    this.redirectTo = "";
    this.view = "sign-in";
    this.busy = false;
    this.formError = "";
    this.notice = "";
    this.useBackupCode = false;
    this.form = document.createElement("form");
    this.form.slot = "form";
    this.form.className = "portico-form";
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.form.parentNode !== this) this.append(this.form);
    adoptLightDomStyles(this.getRootNode());
  }

  protected willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has("start") || changed.has("config")) this.view = this.startView();
    if (changed.has("config") && this.socialProviders.length > 0 && !this.providers)
      void import("../../internal/provider-marks").then((providers) => {
        this.providers = providers;
        this.requestUpdate();
      });
  }

  private startView(): View {
    const m = this.methods;
    if (this.start === "sign-up" && this.canSignUp) return "sign-up";
    if (m.emailPassword || !this.config) return "sign-in";
    if (m.emailOtp) return "email-otp";
    if (m.magicLink) return "magic-link";
    return "sign-in";
  }

  private get canSignUp(): boolean {
    return !this.hideSignUp && !!this.methods.emailPassword && this.config?.signUp.mode === "open";
  }

  private go(view: View): void {
    this.view = view;
    this.formError = "";
    this.notice = "";
    this.useBackupCode = false;
  }

  /** Form fields by name, read from the light-DOM form. */
  private values(): Record<string, string> {
    const data = new FormData(this.form);
    return Object.fromEntries([...data.entries()].map(([name, value]) => [name, String(value).trim()]));
  }

  private async submit(): Promise<void> {
    if (this.busy || !this.store) return;
    const values = this.values();
    if (values.email) this.email = values.email;
    this.busy = true;
    this.formError = "";
    try {
      const { runStep } = await import("./login-steps");
      await runStep(this.view, values, {
        client: this.store.client,
        redirectTo: this.redirectTo,
        email: this.email,
        useBackupCode: this.useBackupCode,
        t: (key, params) => this.t(key, params),
        sent: (message) => this.sent(message),
        codeSent: () => {
          this.go("email-otp-code");
          this.notice = this.t("codeSent", { email: this.email });
        },
        afterSignIn: (answer) => this.afterSignIn(answer),
        needPassword: () => {
          const input = this.form.querySelector<HTMLInputElement>("input[name=password]");
          if (input) input.required = true;
          input?.reportValidity();
        },
      });
    } catch (error) {
      this.showFormError(error);
    } finally {
      this.busy = false;
    }
  }

  private sent(message: string): void {
    this.view = "sent";
    this.notice = message;
  }

  private async afterSignIn(answer: SignInAnswer): Promise<void> {
    if (answer.twoFactorRedirect) {
      this.go("two-factor");
      return;
    }
    this.go(this.startView());
    await this.announceSignIn();
    this.form.reset();
    if (this.redirectTo) location.assign(this.redirectTo);
  }

  private showFormError(error: unknown): void {
    const portico = error instanceof PorticoError ? this.worded(error) : null;
    // A wrong password (or a dismissed passkey prompt) is the user's to fix in the form;
    // anything else is the widget's error too.
    const refused = portico && portico.status >= 400 && portico.status < 500 && portico.code !== "origin_not_allowed";
    if (portico && (refused || portico.code === "passkey_cancelled")) {
      this.formError = portico.message;
      emit(this, "portico:error", { code: portico.code, message: portico.message });
      return;
    }
    this.fail(error);
  }

  private async signOut(): Promise<void> {
    try {
      await this.store?.signOut();
      this.go(this.methods.emailPassword ? "sign-in" : this.startView());
      emit(this, "portico:signed-out", {});
    } catch (error) {
      this.fail(error);
    }
  }

  private async passkey(): Promise<void> {
    if (!this.store) return;
    this.busy = true;
    this.formError = "";
    try {
      const { signInWithPasskey } = await import("../../internal/passkey");
      await this.afterSignIn(await signInWithPasskey(this.store.client));
    } catch (error) {
      this.showFormError(error);
    } finally {
      this.busy = false;
    }
  }

  private async social(provider: string): Promise<void> {
    if (!this.store) return;
    this.busy = true;
    try {
      const target = this.redirectTo || location.href;
      // Built-in providers use /sign-in/social; the generic OIDC provider is genericOAuth's.
      const oidc = provider === "oidc";
      const answer = await this.store.client.auth<SignInAnswer>(oidc ? "/sign-in/oauth2" : "/sign-in/social", {
        method: "POST",
        body: { [oidc ? "providerId" : "provider"]: provider, callbackURL: target, errorCallbackURL: target },
      });
      if (answer.url) location.assign(answer.url);
    } catch (error) {
      this.showFormError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Social entries of config.json: one per provider; `oidc` is the generic OpenID Connect one. */
  private get socialProviders(): SocialProvider[] {
    return Object.entries(this.methods)
      .filter(([, method]) => method?.category === "Social")
      .map(([id, method]) => ({
        id,
        displayName: String(method!.settings.displayName || ""),
      }));
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    const signedIn = this.session.status === "signed-in" && this.view !== "two-factor";
    const fields = this.config && !this.blockingError && !signedIn ? this.formFields() : null;
    this.form.hidden = !fields;
    render(fields ?? nothing, this.form);
  }

  private field(
    name: string,
    label: string,
    type: string,
    autocomplete: string,
    extra: Partial<{ value: string; minlength: number; hint: string; optional: boolean }> = {},
  ): TemplateResult {
    const id = `${this.uid}-${name}`;
    const describedBy = [extra.hint ? `${id}-hint` : "", this.formError ? `${this.uid}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return html`<div class="portico-field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        .value=${extra.value ?? ""}
        minlength=${extra.minlength ?? nothing}
        ?required=${!extra.optional}
        aria-invalid=${this.formError ? "true" : "false"}
        aria-describedby=${describedBy || nothing}
        inputmode=${type === "text" && name === "code" ? "numeric" : nothing}
      />
      ${extra.hint ? html`<p class="portico-hint" id=${`${id}-hint`}>${extra.hint}</p>` : nothing}
    </div>`;
  }

  /** The light-DOM form of the current view (what password managers and autofill see). */
  private formFields(): TemplateResult | null {
    const policy = this.config!.passwordPolicy;
    const email = (autocomplete = "username") =>
      this.field("email", this.t("email"), "email", autocomplete, { value: this.email });
    const error = this.formError
      ? html`<p class="portico-error" id=${`${this.uid}-error`} role="alert">${this.formError}</p>`
      : nothing;
    const submit = (label: string) => html`${error}<button type="submit" ?disabled=${this.busy}>${label}</button>`;
    switch (this.view) {
      case "sign-in":
        if (!this.methods.emailPassword) return null;
        // An address at a verified domain signs in at its IdP without a password (home-realm discovery).
        return html`${email()}${this.field("password", this.t("password"), "password", "current-password", { optional: true })}${submit(this.t("signIn"))}`;
      case "sign-up":
        return html`${this.field("name", this.t("name"), "text", "name")}${email()}${this.field("password", this.t("password"), "password", "new-password", { minlength: policy.minLength })}${submit(this.t("signUp"))}`;
      case "forgot":
        return html`${email()}${submit(this.t("sendReset"))}`;
      case "magic-link":
        return html`${email()}${submit(this.t("sendLink"))}`;
      case "email-otp":
        return html`${email()}${submit(this.t("sendCode"))}`;
      case "email-otp-code":
        return html`${this.field("code", this.t("code"), "text", "one-time-code")}${submit(this.t("signIn"))}`;
      case "two-factor":
        return this.useBackupCode
          ? html`${this.field("code", this.t("backupCode"), "text", "off")}${submit(this.t("verify"))}`
          : html`${this.field("code", this.t("code"), "text", "one-time-code", { hint: this.t("twoFactorHint") })}${submit(this.t("verify"))}`;
      case "sent":
        return null;
    }
  }

  private heading(): string {
    const titles: Record<View, Parameters<PorticoElement["t"]>[0]> = {
      "sign-in": "signInTitle",
      "sign-up": "signUpTitle",
      forgot: "forgotTitle",
      "magic-link": "magicLinkTitle",
      "email-otp": "emailCodeTitle",
      "email-otp-code": "emailCodeTitle",
      "two-factor": "twoFactorTitle",
      sent: "signInTitle",
    };
    return this.t(titles[this.view]);
  }

  private renderMethods() {
    if (this.view !== "sign-in" && this.view !== "sign-up") return nothing;
    const m = this.methods;
    const buttons: TemplateResult[] = [];
    if (m.passkey && this.view === "sign-in")
      buttons.push(
        html`<button class="btn" part="method-button" ?disabled=${this.busy} @click=${() => this.passkey()}>
          ${this.t("passkey")}
        </button>`,
      );
    const providers = this.providers;
    if (providers)
      for (const provider of this.socialProviders)
        buttons.push(
          html`<button
            class="btn"
            part="method-button"
            data-provider=${provider.id}
            ?disabled=${this.busy}
            @click=${() => this.social(provider.id)}
          >
            ${providers.providerMark(provider.id)}
            ${this.t("continueWith", { provider: providers.providerName(provider.id, provider.displayName) })}
          </button>`,
        );
    if (m.magicLink && this.view === "sign-in")
      buttons.push(
        html`<button class="btn" part="method-button" @click=${() => this.go("magic-link")}>
          ${this.t("sendLink")}
        </button>`,
      );
    if (m.emailOtp && this.view === "sign-in")
      buttons.push(
        html`<button class="btn" part="method-button" @click=${() => this.go("email-otp")}>
          ${this.t("sendCode")}
        </button>`,
      );
    if (buttons.length === 0) return nothing;
    const divider = m.emailPassword ? html`<div class="divider">${this.t("or")}</div>` : nothing;
    return html`<div part="methods">${divider}${buttons}</div>`;
  }

  private renderFooter() {
    const link = (label: string, view: View) =>
      html`<button class="link" type="button" @click=${() => this.go(view)}>${label}</button>`;
    const v = this.view;
    const items: TemplateResult[] = [];
    if (v === "sign-in" && this.methods.emailPassword) {
      items.push(link(this.t("forgot"), "forgot"));
      if (this.canSignUp) items.push(html`<span>${this.t("noAccount")} ${link(this.t("signUp"), "sign-up")}</span>`);
    } else if (v === "sign-up") {
      items.push(html`<span>${this.t("haveAccount")} ${link(this.t("signIn"), "sign-in")}</span>`);
    } else if (v === "two-factor") {
      items.push(
        html`<button
          class="link"
          type="button"
          @click=${() => {
            this.useBackupCode = !this.useBackupCode;
            this.formError = "";
          }}
        >
          ${this.useBackupCode ? this.t("useAuthenticator") : this.t("useBackupCode")}
        </button>`,
      );
    } else if (v !== this.startView() || v === "sent") {
      items.push(link(this.t("back"), this.startView()));
    }
    return items.length ? html`<div class="footer" part="footer">${items}</div>` : nothing;
  }

  render() {
    const base = (content: unknown) => html`<div part="base">${content}<slot name="footer"></slot></div>`;
    const blocking = this.blockingError;
    if (blocking) {
      return base(
        html`<div role="alert" part="error">${blocking.message}</div>
          <button class="btn" part="method-button" @click=${() => this.connectTenant()}>${this.t("retry")}</button>
          <slot name="form" hidden></slot>`,
      );
    }
    if (!this.config)
      return base(
        html`<div class="loading" aria-busy="true"></div>
          <slot name="form" hidden></slot>`,
      );
    const user = this.session.user;
    if (this.session.status === "signed-in" && user && this.view !== "two-factor") {
      return base(
        html`<p class="signed-in" part="notice">${this.t("signedInAs", { email: user.email })}</p>
          <button class="btn" part="method-button" @click=${() => this.signOut()}>${this.t("signOut")}</button>
          <slot name="form" hidden></slot>`,
      );
    }
    const nothingToShow =
      !this.methods.emailPassword &&
      !this.methods.emailOtp &&
      !this.methods.magicLink &&
      !this.methods.passkey &&
      this.socialProviders.length === 0;
    return base(html`
      <h2 part="title">${this.heading()}</h2>
      ${this.error ? html`<div role="alert" part="error">${this.error.message}</div>` : nothing}
      ${nothingToShow ? html`<p class="notice" part="notice">${this.t("notConfigured")}</p>` : nothing}
      ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      <slot name="form"></slot>
      ${this.renderMethods()} ${this.renderFooter()}
    `);
  }
}
