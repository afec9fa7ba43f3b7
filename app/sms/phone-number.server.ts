import { getSessionFromCtx } from "better-auth/api";
import { phoneNumber } from "better-auth/plugins";
import type { AuthMethodSettings } from "~/auth-methods/catalog";
import { DEFAULT_LOCALE, LOCALES, pickLocale } from "~/i18n/locales";
import { createTranslator } from "~/i18n/translate";
import type { SignUpMode } from "~/tenancy/config";
import { isE164 } from "./phone-numbers";

/** Queues a text message to one phone number for the tenant. */
export type SendSms = (sms: { to: string; body: string }) => Promise<void>;

/** The placeholder email of a user who signed up with a phone number (.invalid never delivers). */
export function phoneSignUpEmail(phone: string): string {
  return `${phone.replace(/\D/g, "")}@phone.invalid`;
}

/**
 * better-auth's phone-number plugin for a tenant: codes of the configured length and lifetime,
 * a limited number of wrong guesses per code, E.164 numbers only, and the code sent as a text
 * in the requester's language through the SMS outbox. Sign-up on verification only when the
 * method allows it and the tenant's sign-up is open.
 */
export function phoneNumberOptions(
  settings: AuthMethodSettings<"phoneNumber">,
  { tenant, sendSms, signUpMode }: { tenant: { name: string }; sendSms?: SendSms; signUpMode?: SignUpMode },
) {
  const signUpOnVerification =
    settings.allowSignUp && signUpMode === "open"
      ? { getTempEmail: phoneSignUpEmail, getTempName: (phone: string) => phone }
      : undefined;
  return phoneNumber({
    otpLength: settings.codeLength,
    expiresIn: settings.codeExpiresInMinutes * 60,
    allowedAttempts: settings.allowedAttempts,
    phoneNumberValidator: isE164,
    sendOTP: async ({ phoneNumber: to, code }, ctx) => {
      const locale = pickLocale(ctx?.request?.headers.get("accept-language") ?? null, LOCALES, DEFAULT_LOCALE);
      const t = createTranslator(locale);
      if (!sendSms) throw new Error("This tenant cannot send text messages.");
      // Without sign-up, a code is only useful to an account that has this number or to a
      // signed-in user adding it; texting anyone else would spam strangers, and verifying
      // such a code would fail inside better-auth. The answer is the same either way, so it
      // does not reveal which numbers have accounts.
      if (!signUpOnVerification && ctx) {
        const owner = await ctx.context.adapter.findOne({
          model: "user",
          where: [{ field: "phoneNumber", value: to }],
        });
        if (!owner && !(await getSessionFromCtx(ctx).catch(() => null))) return;
      }
      await sendSms({
        to,
        body: t("phone.sms.code", { code, tenant: tenant.name, minutes: settings.codeExpiresInMinutes }),
      });
    },
    signUpOnVerification,
  });
}
