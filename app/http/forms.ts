import { z } from "zod";

/** Messages by field for a refused form; "form" holds errors that belong to no one field. */
export type FormErrors<Field extends string = string> = Partial<Record<Field | "form", string>>;

/** The first message for each field of a failed Zod parse ("form" for errors without a path). */
export function fieldErrors<Field extends string = string>(error: z.ZodError): FormErrors<Field> {
  const errors: FormErrors<Field> = {};
  for (const issue of error.issues) {
    const field = (typeof issue.path[0] === "string" ? issue.path[0] : "form") as Field | "form";
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

/** An email address as people type it: trimmed, lower-cased, checked, with messages for people. */
export const EmailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** Email and password sign-in, for tenants' hosted pages and the platform's own. */
export const SignInSchema = z.object({
  email: EmailField,
  password: z.string().min(1, "Enter your password.").max(256, "That password is too long."),
});

/** Name, email and a new password within the given length limits. */
export function signUpSchema(minPasswordLength: number, maxPasswordLength: number) {
  return z.object({
    name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
    email: EmailField,
    password: z
      .string()
      .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
      .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters.`),
  });
}
