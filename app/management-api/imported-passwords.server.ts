import { argon2Verify, bcryptVerify, scrypt } from "hash-wasm";
import { timingSafeEqual } from "node:crypto";
import { pooledPasswordHashing } from "~/auth/password-hashing/index.server";
import type { TenantDb } from "~/db/clients.server";
import { errorField, log } from "~/ops/log.server";

/**
 * Password hashes imported from other systems (POST /api/v1/users/import), stored as they
 * came in the credential account's `password`. Each accepted format starts with its own
 * `$<algorithm>$` prefix, which better-auth's native `<hex salt>:<hex key>` never does, so
 * the two cannot be confused:
 *   bcrypt  `$2a$`, `$2b$`, `$2y$` (cost 4–15)
 *   argon2  PHC strings `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` (also argon2i, argon2d)
 *   scrypt  `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<base64 salt>$<base64 key>` (passlib's format)
 * hash-wasm verifies them (WebAssembly, no native build). After a successful sign-in the
 * foreign hash is replaced by better-auth's own, so imported users migrate as they sign in.
 */
export type ImportedHashKind = "bcrypt" | "argon2" | "scrypt" | "native";

const BCRYPT = /^\$2[aby]\$(0[4-9]|1[0-5])\$[./A-Za-z0-9]{53}$/;
const ARGON2 =
  /^\$argon2(id|i|d)\$v=\d{1,3}\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;
const SCRYPT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;
const NATIVE = /^[0-9a-f]{32}:[0-9a-f]{128}$/;

/** Bounds that keep one sign-in from tying up the server (memory in KiB for argon2). */
const MAX_ARGON2_MEMORY_KIB = 256 * 1024;
const MAX_SCRYPT_LOG_N = 20;

/** Which format a stored or submitted hash is in, or null when it is none Portico accepts. */
export function importedHashKind(hash: string): ImportedHashKind | null {
  if (BCRYPT.test(hash)) return "bcrypt";
  const argon = ARGON2.exec(hash);
  if (argon) return Number(argon[2]) <= MAX_ARGON2_MEMORY_KIB ? "argon2" : null;
  const script = SCRYPT.exec(hash);
  if (script) {
    const [logN, r, p] = [Number(script[1]), Number(script[2]), Number(script[3])];
    return logN >= 1 && logN <= MAX_SCRYPT_LOG_N && r >= 1 && r <= 32 && p >= 1 && p <= 16 ? "scrypt" : null;
  }
  return NATIVE.test(hash) ? "native" : null;
}

async function verifyScrypt(hash: string, password: string): Promise<boolean> {
  const [, logN, r, p, salt, key] = SCRYPT.exec(hash)!;
  const expected = Buffer.from(key!, "base64");
  const actual = await scrypt({
    password,
    salt: Buffer.from(salt!, "base64"),
    costFactor: 2 ** Number(logN),
    blockSize: Number(r),
    parallelism: Number(p),
    hashLength: expected.length,
    outputType: "binary",
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function verifyAnyPasswordHash(hash: string, password: string): Promise<boolean> {
  switch (importedHashKind(hash)) {
    case "bcrypt":
      return bcryptVerify({ password, hash });
    case "argon2":
      return argon2Verify({ password, hash });
    case "scrypt":
      return verifyScrypt(hash, password);
    default:
      return pooledPasswordHashing.verify({ hash, password });
  }
}

/**
 * better-auth's `emailAndPassword.password` for a tenant: its own hashing for new passwords,
 * and verification that also accepts imported hashes, upgrading them on success.
 */
export function tenantPasswordHashing(db: TenantDb) {
  return {
    hash: pooledPasswordHashing.hash,
    async verify({ hash, password }: { hash: string; password: string }): Promise<boolean> {
      const valid = await verifyAnyPasswordHash(hash, password);
      const kind = importedHashKind(hash);
      if (valid && kind && kind !== "native") {
        // The hash identifies the account (it embeds a random salt); a failed upgrade only
        // means the foreign hash stays until the next sign-in.
        await db.account
          .updateMany({
            where: { providerId: "credential", password: hash },
            data: { password: await pooledPasswordHashing.hash(password) },
          })
          .catch((error: unknown) =>
            log.error({ err: errorField(error) }, "Could not upgrade an imported password hash"),
          );
      }
      return valid;
    },
  };
}
