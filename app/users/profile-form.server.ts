import type { FormErrors } from "~/http/forms";
import type { TenantUser } from "./tenant-users.server";
import { UserError } from "./user-errors.server";
import { parseMetadata, type UserChanges } from "./user-input";

/**
 * The console's "Edit profile" form: name, email, a "verified" checkbox and the two metadata
 * objects as JSON text. JSON that does not parse is refused here with the parser's own words;
 * everything else is checked by the capability, like an API call.
 */
export type ProfileFormValues = {
  name: string;
  email: string;
  emailVerified: boolean;
  publicMetadata: string;
  privateMetadata: string;
};

const METADATA_LABELS = { publicMetadata: "Public metadata", privateMetadata: "Private metadata" } as const;

function readJson(text: string, label: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return { value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value))
      return { error: `${label} must be a JSON object, like {"plan": "pro"}.` };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `${label} is not valid JSON: ${(error as Error).message}.` };
  }
}

export function readProfileForm(form: FormData): {
  values: ProfileFormValues;
  changes?: UserChanges;
  errors?: FormErrors;
} {
  const text = (name: string, max: number) => String(form.get(name) ?? "").slice(0, max);
  const values: ProfileFormValues = {
    name: text("name", 200),
    email: text("email", 300),
    emailVerified: form.get("emailVerified") === "on",
    publicMetadata: text("publicMetadata", 20_000),
    privateMetadata: text("privateMetadata", 20_000),
  };
  const errors: FormErrors = {};
  const metadata: Partial<Record<keyof typeof METADATA_LABELS, Record<string, unknown>>> = {};
  for (const field of ["publicMetadata", "privateMetadata"] as const) {
    const read = readJson(values[field], METADATA_LABELS[field]);
    if (read.error) errors[field] = read.error;
    else metadata[field] = read.value;
  }
  if (Object.keys(errors).length > 0) return { values, errors };
  return {
    values,
    changes: { name: values.name, email: values.email, emailVerified: values.emailVerified, ...metadata },
  };
}

/** A capability's refusal as form errors, each under its field (unknown fields under "form"). */
export function formErrorsOf(error: UserError): FormErrors {
  const errors: FormErrors = {};
  for (const { field, message } of error.details) {
    const key = field.split(".")[0] || "form";
    errors[key] ??=
      key in METADATA_LABELS ? `${METADATA_LABELS[key as keyof typeof METADATA_LABELS]}: ${message}` : message;
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}

/** Only what differs from the stored user, so the audit entry names what really changed. */
export function changedFields(user: TenantUser, changes: UserChanges): UserChanges {
  const stored = (text: string | null) => JSON.stringify(parseMetadata(text));
  const changed: UserChanges = {};
  if (changes.name !== undefined && changes.name.trim() !== user.name) changed.name = changes.name;
  if (changes.email !== undefined && changes.email.trim().toLowerCase() !== user.email) changed.email = changes.email;
  // Left as it was, the box does not vouch for a new address: the capability then unverifies it.
  if (changes.emailVerified !== undefined && changes.emailVerified !== user.emailVerified)
    changed.emailVerified = changes.emailVerified;
  if (changes.publicMetadata && JSON.stringify(changes.publicMetadata) !== stored(user.publicMetadata))
    changed.publicMetadata = changes.publicMetadata;
  if (changes.privateMetadata && JSON.stringify(changes.privateMetadata) !== stored(user.privateMetadata))
    changed.privateMetadata = changes.privateMetadata;
  return changed;
}
