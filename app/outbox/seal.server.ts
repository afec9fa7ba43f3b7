import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";

/**
 * Seals and opens outbox bodies. The key comes from PORTICO_SECRET (context.server.ts); without
 * one (tests, one-off tools) a key random to this process is used, which only works while the
 * same process both queues and delivers.
 */
export class OutboxSeal {
  readonly #secret: string;

  constructor(secret?: string) {
    this.#secret = secret ?? PROCESS_SECRET;
  }

  seal(plaintext: string): string {
    return encryptSecret(this.#secret, SEAL_PURPOSE, plaintext);
  }

  open(envelope: string): string {
    return decryptSecret(this.#secret, SEAL_PURPOSE, envelope);
  }
}

const SEAL_PURPOSE = "outbox-body";
const PROCESS_SECRET = randomBytes(32).toString("base64url");
