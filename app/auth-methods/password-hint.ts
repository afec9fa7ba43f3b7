import type { createTranslator } from "~/i18n/translate";

/** What the hosted forms tell users about the tenant's password policy (no secrets). */
export type PasswordPolicyView = {
  minLength: number;
  rejectCommon: boolean;
  minStrength: number;
  /** Only when the deployment allows the outbound lookup too. */
  rejectBreached: boolean;
};

/** "At least 10 characters. Common passwords are not accepted. Avoid names and common words; …" */
export function passwordPolicyHint(t: ReturnType<typeof createTranslator>, policy: PasswordPolicyView): string {
  return [
    t(policy.rejectCommon ? "signUp.passwordHintCommon" : "signUp.passwordHint", { min: policy.minLength }),
    policy.minStrength >= 2 ? t("signUp.passwordHintStrength") : null,
    policy.rejectBreached ? t("signUp.passwordHintBreached") : null,
  ]
    .filter(Boolean)
    .join(" ");
}
