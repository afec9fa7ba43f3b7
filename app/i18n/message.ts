import type { z } from "zod";
import { MESSAGES, type MessageKey } from "./messages";
import type { Translate } from "./translate";

/**
 * A message the server decides and the page words: a key plus its placeholder values. Form
 * actions return these, so the text is chosen when the page renders, in the page's locale and
 * with the tenant's copy overrides.
 */
export type Message = { key: MessageKey; values?: Record<string, string | number> };

export function message(key: MessageKey, values?: Message["values"]): Message {
  return values ? { key, values } : { key };
}

export function translateMessage(t: Translate, value: Message | undefined): string | undefined {
  return value ? t(value.key, value.values) : undefined;
}

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(MESSAGES.en, value);
}

const REQUIRED: Partial<Record<string, MessageKey>> = {
  name: "errors.nameRequired",
  email: "errors.emailRequired",
  password: "errors.passwordRequired",
};

/**
 * One Zod issue as a message, by its code: a schema's own message when it is a message key
 * (refinements), else "required" / "too short" / "too long" / "not an email" for the field.
 */
function issueMessage(issue: z.core.$ZodIssue, field: string): Message {
  if (isMessageKey(issue.message)) return message(issue.message);
  if (issue.code === "too_small") {
    const min = Number(issue.minimum);
    if (min <= 1) return message(REQUIRED[field] ?? "errors.required");
    return message("errors.tooShort", { min });
  }
  if (issue.code === "too_big") {
    if (field === "email") return message("errors.emailTooLong");
    return message("errors.tooLong", { max: Number(issue.maximum) });
  }
  if (issue.code === "invalid_format" && issue.format === "email") return message("errors.emailInvalid");
  return message(REQUIRED[field] ?? "errors.required");
}

/** The first message for each field of a failed Zod parse ("form" for errors without a path). */
export function fieldMessages<Field extends string = string>(
  error: z.ZodError,
): Partial<Record<Field | "form", Message>> {
  const errors: Partial<Record<Field | "form", Message>> = {};
  for (const issue of error.issues) {
    const field = (typeof issue.path[0] === "string" ? issue.path[0] : "form") as Field | "form";
    errors[field] ??= issueMessage(issue, field);
  }
  return errors;
}
