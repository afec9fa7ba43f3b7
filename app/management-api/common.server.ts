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

export { MAX_METADATA_BYTES, Metadata, parseMetadata } from "~/users/user-input";

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
