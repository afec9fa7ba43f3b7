import type { PorticoClient } from "../../internal/client";
import type { MessageKey } from "../../internal/messages";

/**
 * What each view of `<auth-login>` sends when its form is submitted. Loaded on the first
 * submit, so the requests stay out of the module every page loads before any widget is used.
 */
export type View =
  "sign-in" | "sign-up" | "forgot" | "magic-link" | "email-otp" | "email-otp-code" | "two-factor" | "sent";
export type SignInAnswer = { twoFactorRedirect?: boolean; url?: string; redirect?: boolean };

/** The parts of the widget a step reads and moves on. */
export type LoginFlow = {
  client: PorticoClient;
  redirectTo: string;
  /** The address of this attempt (kept from the first step for the code step). */
  email: string;
  useBackupCode: boolean;
  t(key: MessageKey, params?: Record<string, string>): string;
  /** Shows a confirmation instead of the form. */
  sent(message: string): void;
  /** Moves on to typing the emailed code. */
  codeSent(): void;
  afterSignIn(answer: SignInAnswer): Promise<void>;
  /** Not an SSO address and no password: the browser asks for it. */
  needPassword(): void;
};

export async function runStep(view: View, values: Record<string, string>, flow: LoginFlow): Promise<void> {
  const { client, t } = flow;
  const post = <T>(path: string, body: unknown) => client.auth<T>(path, { method: "POST", body });
  const afterwards = flow.redirectTo || location.href;
  switch (view) {
    case "sign-in": {
      // An address at a domain an organization verified signs in at that organization's IdP.
      const sso = values.email ? await client.ssoSignInUrl(values.email, afterwards) : null;
      if (sso) return location.assign(sso);
      if (!values.password) return flow.needPassword();
      const answer = await post<SignInAnswer>("/sign-in/email", { email: values.email, password: values.password });
      return flow.afterSignIn(answer);
    }
    case "sign-up": {
      const answer = await post<{ token?: string | null }>("/sign-up/email", {
        name: values.name,
        email: values.email,
        password: values.password,
      });
      // No session: the tenant confirms emails first or protects against account enumeration.
      if (!answer.token) return flow.sent(t("signUpSent", { email: values.email! }));
      return flow.afterSignIn({});
    }
    case "forgot":
      await post("/request-password-reset", { email: values.email, redirectTo: `${client.tenantUrl}/reset-password` });
      return flow.sent(t("resetSent", { email: values.email! }));
    case "magic-link":
      await post("/sign-in/magic-link", { email: values.email, callbackURL: afterwards });
      return flow.sent(t("linkSent", { email: values.email! }));
    case "email-otp":
      await post("/email-otp/send-verification-otp", { email: values.email, type: "sign-in" });
      return flow.codeSent();
    case "email-otp-code":
      await post("/sign-in/email-otp", { email: flow.email, otp: values.code });
      return flow.afterSignIn({});
    case "two-factor":
      await post(flow.useBackupCode ? "/two-factor/verify-backup-code" : "/two-factor/verify-totp", {
        code: values.code,
      });
      return flow.afterSignIn({});
  }
}
