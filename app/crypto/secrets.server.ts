import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption of stored secrets (tenant secrets, later OAuth client secrets and SMTP
 * passwords): AES-256-GCM under a key derived with HKDF-SHA256 from the deployment secret.
 * The envelope is `v1.<iv>.<tag>.<ciphertext>` in base64url, so the format can evolve.
 * The purpose string binds a ciphertext to what it is for (e.g. one tenant's secrets), so a
 * value copied from one tenant's row to another's does not decrypt.
 */
const VERSION = "v1";

function deriveKey(deploymentSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", deploymentSecret, "portico", `portico:${purpose}`, 32));
}

export function encryptSecret(deploymentSecret: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(deploymentSecret, purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export class SecretDecryptionError extends Error {
  constructor(purpose: string) {
    super(`Stored secret for ${purpose} cannot be decrypted (wrong PORTICO_SECRET or tampered data).`);
  }
}

export function decryptSecret(deploymentSecret: string, purpose: string, envelope: string): string {
  const [version, iv, tag, ciphertext] = envelope.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretDecryptionError(purpose);
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      deriveKey(deploymentSecret, purpose),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(purpose);
  }
}
