import { createHash, randomUUID } from "node:crypto";
import type { Storage } from "~/db/storage.server";
import { ApiError } from "./errors.server";

/**
 * Idempotency keys on creating calls (`Idempotency-Key` header), per API key, kept 24 hours.
 * The row is claimed before the call runs (a unique index on apiKeyId + key), so a retry
 * racing the original waits its turn instead of creating twice; the answer is stored after.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** `responseStatus` of a claimed key whose call has not answered yet. */
const IN_PROGRESS = 0;

export type Replay = { status: number; body: string };

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  if (!KEY_PATTERN.test(header))
    throw new ApiError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 printable ASCII characters.");
  return header;
}

export class IdempotencyStore {
  constructor(private readonly storage: Storage) {}

  /** Claims the key for this request, or returns the stored answer of an identical earlier one. */
  async claim(apiKeyId: string, key: string, fingerprint: string): Promise<{ claimed: string } | { replay: Replay }> {
    const db = await this.storage.control();
    const expired = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
    await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: expired } } });
    const id = randomUUID();
    try {
      await db.idempotencyKey.create({
        data: { id, apiKeyId, key, requestHash: fingerprint, responseStatus: IN_PROGRESS, responseBody: "" },
      });
      return { claimed: id };
    } catch {
      const existing = await db.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
      if (!existing)
        throw new ApiError(
          409,
          "idempotency_conflict",
          "Another request with this Idempotency-Key is running; retry shortly.",
        );
      if (existing.requestHash !== fingerprint)
        throw new ApiError(
          409,
          "idempotency_key_reused",
          "This Idempotency-Key was already used with a different request; use a new key for a new request.",
        );
      if (existing.responseStatus === IN_PROGRESS)
        throw new ApiError(
          409,
          "idempotency_conflict",
          "A request with this Idempotency-Key is still running; retry shortly.",
        );
      return { replay: { status: existing.responseStatus, body: existing.responseBody } };
    }
  }

  async complete(id: string, status: number, body: string): Promise<void> {
    const db = await this.storage.control();
    await db.idempotencyKey.update({ where: { id }, data: { responseStatus: status, responseBody: body } });
  }

  /** Frees a key whose call failed on the server's side, so a retry really runs again. */
  async release(id: string): Promise<void> {
    const db = await this.storage.control();
    await db.idempotencyKey.deleteMany({ where: { id } });
  }
}
