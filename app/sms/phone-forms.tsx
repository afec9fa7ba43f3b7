import { Form, Link, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { translateMessage, type Message } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";

type Errors = Partial<Record<"phone" | "code" | "form", Message>>;

/**
 * The two steps of a phone-number form, shared by sign-in (/phone) and the account page's
 * number (/account/phone): enter the number, then the code texted to it. Plain form posts
 * with an `intent`, so both steps work without JavaScript.
 */
export function PhoneCodeForms({
  postTo,
  restartTo,
  step,
  phone,
  errors,
  notice,
  codeLength,
  submitLabel,
}: {
  postTo: string;
  restartTo: string;
  step: "number" | "code";
  phone: string;
  errors: Errors;
  notice?: Message;
  codeLength: number;
  submitLabel: string;
}) {
  const t = useTranslate();
  const pending = useNavigation().state === "submitting";
  if (step === "number") {
    return (
      <Form method="post" action={postTo} className="mt-6 flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="send" />
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={t("phone.number")}
          name="phone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          required
          defaultValue={phone}
          hint={t("phone.numberHint")}
          error={translateMessage(t, errors.phone)}
          autoFocus
        />
        <SubmitButton pending={pending}>{t("phone.sendCode")}</SubmitButton>
      </Form>
    );
  }
  return (
    <>
      {notice ? (
        <p role="status" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
          {translateMessage(t, notice)}
        </p>
      ) : null}
      <Form method="post" action={postTo} className="mt-6 flex flex-col gap-4" noValidate>
        <input type="hidden" name="intent" value="verify" />
        <input type="hidden" name="phone" value={phone} />
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={t("phone.code")}
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern={`\\d{${codeLength}}`}
          maxLength={codeLength}
          required
          error={translateMessage(t, errors.code)}
          autoFocus
        />
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </Form>
      <div className="mt-4 flex items-center justify-between gap-3 text-sm">
        <Form method="post" action={postTo}>
          <input type="hidden" name="intent" value="send" />
          <input type="hidden" name="phone" value={phone} />
          <button type="submit" className="text-primary underline-offset-4 hover:underline">
            {t("phone.resend")}
          </button>
        </Form>
        <Link to={restartTo} className="text-primary underline-offset-4 hover:underline">
          {t("phone.otherNumber")}
        </Link>
      </div>
    </>
  );
}
