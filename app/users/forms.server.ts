import type { z } from "zod";

/** A console or hosted form's outcome when its input is refused: messages by field, and a status. */
export type FormErrors = Partial<Record<string, string>>;

/** The first message for each field of a failed Zod parse ("form" for errors without a path). */
export function fieldErrors(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === "string" ? issue.path[0] : "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The string fields of a form (files are never expected here). */
export function formValues(form: FormData): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/** "3 Jun 2026, 14:00 UTC": the same text on the server and in the browser, whatever the time zone. */
export function formatUtc(date: Date): string {
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
