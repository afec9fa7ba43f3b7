import { useActionData, useRouteLoaderData } from "@remix-run/react";
import { FormField } from "~/components/form-field";
import { translateMessage, type Message } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import type { UsernameSettings } from "./username.server";

type SignUpLoaderData = { username?: UsernameSettings | null };
type SignUpActionData = {
  ok: boolean;
  errors?: Partial<Record<"name" | "email" | "username", Message>>;
  values?: { username?: string };
};

/**
 * The sign-up form's username field, shown when the tenant has usernames on, with its length
 * limits and the error the server found (too short or long, characters, taken).
 */
export function UsernameField() {
  const t = useTranslate();
  const settings = useRouteLoaderData<SignUpLoaderData>("routes/t.$tenant.sign-up")?.username;
  const result = useActionData<SignUpActionData>();
  if (!settings) return null;
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  return (
    <FormField
      label={t("username.label")}
      name="username"
      autoComplete="username"
      required
      minLength={settings.minLength}
      maxLength={settings.maxLength}
      hint={t("username.hint", { min: settings.minLength, max: settings.maxLength })}
      defaultValue={result && !result.ok ? result.values?.username : undefined}
      error={translateMessage(t, errors.username)}
      autoFocus={Boolean(errors.username) && !errors.name && !errors.email}
    />
  );
}
