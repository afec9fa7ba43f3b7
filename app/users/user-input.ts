import { z } from "zod";

/**
 * The fields of a user as admins (console, /api/v1, import) send them, with messages for
 * people; one definition so every surface accepts and refuses the same values.
 */
export const EmailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const NameField = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");

export const ExternalIdField = z
  .string({ error: "externalId must be a string." })
  .trim()
  .min(1, "externalId cannot be empty.")
  .max(255, "Use at most 255 characters.")
  .meta({ description: "Your own id for this user; unique in the tenant." });

export const MAX_METADATA_BYTES = 8 * 1024;

/** Free-form JSON object kept with a user or organization, at most 8 KB serialised. */
export const Metadata = z
  .record(z.string(), z.unknown(), { error: 'Metadata must be a JSON object, like {"plan": "pro"}.' })
  .refine((value) => JSON.stringify(value).length <= MAX_METADATA_BYTES, {
    message: `Metadata must be at most ${MAX_METADATA_BYTES} bytes as JSON.`,
  })
  .meta({ description: "A JSON object, at most 8 KB serialised." });

/** What an admin may change on a user; absent fields stay as they are. */
export const UserChangesSchema = z
  .strictObject({
    name: NameField.optional(),
    email: EmailField.optional(),
    externalId: ExternalIdField.nullable().optional(),
    image: z
      .url({ protocol: /^https?$/, error: "image must be an http(s) URL." })
      .max(2000)
      .nullable()
      .optional(),
    emailVerified: z.boolean({ error: "emailVerified must be true or false." }).optional(),
    publicMetadata: Metadata.optional(),
    privateMetadata: Metadata.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change.");

export type UserChanges = z.input<typeof UserChangesSchema>;

/** One user of the tenant, by id. */
export const UserRef = z.strictObject({ userId: z.string().trim().min(1, "Choose a user.").max(100) });

/** Stored metadata (JSON text) as an object; anything else reads as empty. */
export function parseMetadata(stored: string | null): Record<string, unknown> {
  if (!stored) return {};
  try {
    const value: unknown = JSON.parse(stored);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
