import { APIError } from "better-auth/api";
import client from "prom-client";
import { getEnv } from "~/config/env.server";
import { PasswordHashingBusyError, PasswordHashPool } from "./pool.server";

/**
 * The process's one password hashing pool, shared by every tenant and the console (server.ts
 * and the Remix build each load this module, hence the process-wide key).
 */
const POOL_KEY = Symbol.for("portico.passwordHashPool");
const processGlobals = globalThis as { [POOL_KEY]?: PasswordHashPool };

function passwordHashPool(): PasswordHashPool {
  if (!processGlobals[POOL_KEY]) {
    const { threads, queueLimit } = getEnv().passwordHashing;
    processGlobals[POOL_KEY] = new PasswordHashPool({ threads, queueLimit });
  }
  return processGlobals[POOL_KEY];
}

/** A full queue as better-auth's answer to the client: 503 with Retry-After, not a 500. */
function busyAnswer(error: unknown): never {
  if (error instanceof PasswordHashingBusyError) {
    (client.register.getSingleMetric("portico_password_hash_rejected_total") as client.Counter | undefined)?.inc();
    throw new APIError(
      "SERVICE_UNAVAILABLE",
      { code: "PASSWORD_HASHING_BUSY", message: error.message, retryAfter: error.retryAfterSeconds },
      { "Retry-After": String(error.retryAfterSeconds) },
    );
  }
  throw error;
}

/** better-auth's `emailAndPassword.password` (hash and verify) on the pool. */
export const pooledPasswordHashing = {
  hash: (password: string) => passwordHashPool().hash(password).catch(busyAnswer),
  verify: ({ hash, password }: { hash: string; password: string }) =>
    passwordHashPool().verify(hash, password).catch(busyAnswer),
};

// Registered once per process (see app/ops/metrics.server.ts), read without starting the pool.
if (!client.register.getSingleMetric("portico_password_hash_queue_depth")) {
  new client.Gauge({
    name: "portico_password_hash_queue_depth",
    help: "Password hashes waiting for a hashing thread.",
    collect() {
      this.set(processGlobals[POOL_KEY]?.stats().queued ?? 0);
    },
  });
  new client.Counter({
    name: "portico_password_hash_rejected_total",
    help: "Sign-ins, sign-ups and password changes refused with 503 because the hashing queue was full.",
  });
}
