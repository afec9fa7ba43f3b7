import { accountThrottled } from "./account-throttled";
import { magicLink } from "./magic-link";
import { newSignIn } from "./new-sign-in";
import { oneTimeCode } from "./one-time-code";
import { organizationInvitation } from "./organization-invitation";
import { passwordChanged } from "./password-changed";
import { resetPassword } from "./reset-password";
import { signUpAttempt } from "./sign-up-attempt";
import { verifyEmail } from "./verify-email";
import { welcome } from "./welcome";

export { emailBrand, type EmailBrand } from "./brand";
export type { EmailTemplate } from "./template";

/** Every email a tenant sends its users, by id; `app/email/templates.server.ts` renders them. */
export const EMAIL_TEMPLATES = {
  verifyEmail,
  resetPassword,
  magicLink,
  oneTimeCode,
  organizationInvitation,
  welcome,
  newSignIn,
  passwordChanged,
  accountThrottled,
  signUpAttempt,
};

export type EmailTemplateId = keyof typeof EMAIL_TEMPLATES;
export const EMAIL_TEMPLATE_IDS = Object.keys(EMAIL_TEMPLATES) as EmailTemplateId[];

export type EmailTemplateProps = {
  [Id in EmailTemplateId]: (typeof EMAIL_TEMPLATES)[Id] extends { sample: (url: string) => infer Props }
    ? Props
    : never;
};

export function isEmailTemplateId(value: unknown): value is EmailTemplateId {
  return typeof value === "string" && Object.hasOwn(EMAIL_TEMPLATES, value);
}
