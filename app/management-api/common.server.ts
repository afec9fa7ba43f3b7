import { z } from "zod";

/** Schemas several operations share: ids in paths, pagination, metadata, timestamps. */
export const Id = z.string().min(1).max(100);

export const Timestamp = z.iso.datetime({ offset: true });

export const PageLimit = z.coerce
  .number({ error: "limit must be a number." })
  .int("limit must be a whole number.")
  .min(1, "limit must be at least 1.")
  .max(100, "limit must be at most 100.")
  .default(25);

export const Cursor = z.string().min(1).max(500).optional().meta({
  description: "The `nextCursor` of the previous page; absent for the first page.",
});

export const PageQuery = z.strictObject({ limit: PageLimit, cursor: Cursor });

/** A list answer: one page and the cursor of the next (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const MAX_METADATA_BYTES = 8 * 1024;

/** Free-form JSON object kept with a user or organization, at most 8 KB serialised. */
export const Metadata = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= MAX_METADATA_BYTES, {
    message: `Metadata must be at most ${MAX_METADATA_BYTES} bytes as JSON.`,
  })
  .meta({ description: "A JSON object, at most 8 KB serialised." });

/** Opaque cursors: the position in base64url JSON, so clients pass them back unchanged. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

export function decodeCursor<K extends string>(cursor: string | undefined, key: K): string | undefined | null {
  if (cursor === undefined) return undefined;
  try {
    const value = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>)[key];
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

export function parseMetadata(stored: string | null): Record<string, unknown> {
  if (!stored) return {};
  try {
    const value: unknown = JSON.parse(stored);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
