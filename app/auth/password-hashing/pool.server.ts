import { randomBytes, timingSafeEqual } from "node:crypto";
import { Worker } from "node:worker_threads";

/**
 * Password hashing off the event loop, on a bounded pool of worker threads that run at the
 * lowest CPU priority (decision 0015). better-auth hashes with `node:crypto`'s scrypt on libuv's
 * thread pool: during a flood of sign-ins its four threads take both cores at normal priority,
 * and every session check waits behind them (get-session fell from 155 to 3 req/s). Here a
 * hash only gets the CPU the request handling leaves, and when more sign-ins wait than the
 * pool can finish in a few seconds, the next one is refused at once (503 with Retry-After)
 * instead of making everyone wait longer.
 *
 * The hashes are better-auth's own (`<hex salt>:<hex key>`, scrypt N=16384 r=16 p=1, 64 bytes,
 * NFKC-normalized password), so existing hashes verify and new ones verify in plain better-auth.
 */
export const SCRYPT = { N: 16384, r: 16, p: 1, keyLength: 64 } as const;

export type PasswordHashPoolOptions = {
  /** Worker threads computing hashes at once. */
  threads: number;
  /** Hashes allowed to wait for a thread; one more is refused with PasswordHashingBusyError. */
  queueLimit: number;
  /** Lower each worker thread to nice 19 (Linux; elsewhere it stays at normal priority). */
  lowPriority?: boolean;
};

/** The pool's queue is full: answer 503 and let the client retry after `retryAfterSeconds`. */
export class PasswordHashingBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many password checks are waiting; try again in a moment.");
    this.name = "PasswordHashingBusyError";
  }
}

type Job = { password: string; salt: string; resolve: (key: string) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; job: Job | null };

// Runs inside each worker: CommonJS, no imports from the app (the server is bundled, so a
// worker file path would not survive the build). scryptSync keeps the work on this thread,
// whose priority was lowered, rather than on libuv's shared pool.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { scryptSync } = require("node:crypto");
if (workerData.lowPriority) {
  try {
    const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
    require("node:os").setPriority(tid, 19);
  } catch {}
}
const { N, r, p, keyLength } = workerData.scrypt;
parentPort.on("message", ({ password, salt }) => {
  try {
    const key = scryptSync(password.normalize("NFKC"), salt, keyLength, { N, r, p, maxmem: 128 * N * r * 2 });
    parentPort.postMessage({ key: key.toString("hex") });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});`;

/** How long one hash takes on one thread, for Retry-After; refined as hashes finish. */
const INITIAL_HASH_MS = 80;

export class PasswordHashPool {
  readonly #options: PasswordHashPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #averageHashMs = INITIAL_HASH_MS;
  #rejected = 0;

  constructor(options: PasswordHashPoolOptions) {
    this.#options = { ...options, threads: Math.max(1, options.threads), queueLimit: Math.max(0, options.queueLimit) };
  }

  /** A new better-auth hash of `password`. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16).toString("hex");
    return `${salt}:${await this.#derive(password, salt)}`;
  }

  /** Whether `password` matches a better-auth hash (`<hex salt>:<hex key>`). */
  async verify(hash: string, password: string): Promise<boolean> {
    const [salt, key] = hash.split(":");
    if (!salt || !key) throw new Error("Invalid password hash");
    const derived = Buffer.from(await this.#derive(password, salt), "hex");
    const expected = Buffer.from(key, "hex");
    return derived.length === expected.length && timingSafeEqual(derived, expected);
  }

  /** Hashes waiting for a thread, and hashes refused because too many were waiting. */
  stats(): { queued: number; running: number; rejected: number } {
    return {
      queued: this.#queue.length,
      running: this.#slots.filter((slot) => slot.job).length,
      rejected: this.#rejected,
    };
  }

  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const job of this.#queue.splice(0)) job.reject(new Error("The password hashing pool was closed."));
  }

  #derive(password: string, salt: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const job: Job = { password, salt, resolve, reject };
      const idle = this.#idleSlot();
      if (idle) return this.#run(idle, job);
      if (this.#queue.length >= this.#options.queueLimit) {
        this.#rejected += 1;
        const waitMs = ((this.#queue.length + 1) * this.#averageHashMs) / this.#options.threads;
        return reject(new PasswordHashingBusyError(Math.max(1, Math.ceil(waitMs / 1000))));
      }
      this.#queue.push(job);
    });
  }

  #idleSlot(): Slot | undefined {
    const idle = this.#slots.find((slot) => !slot.job);
    if (idle || this.#slots.length >= this.#options.threads) return idle;
    const slot: Slot = { worker: this.#spawn(), job: null };
    this.#slots.push(slot);
    return slot;
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { scrypt: SCRYPT, lowPriority: this.#options.lowPriority ?? true },
    });
    // Idle workers must not keep a CLI or test process alive.
    worker.unref();
    return worker;
  }

  #run(slot: Slot, job: Job) {
    slot.job = job;
    const worker = slot.worker;
    // Referenced only while it works: a pending hash keeps the process alive, an idle pool does not.
    worker.ref();
    const started = performance.now();
    const detach = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.unref();
    };
    const takeNext = () => {
      slot.job = null;
      const next = this.#queue.shift();
      if (next) this.#run(slot, next);
    };
    const onMessage = (answer: { key?: string; error?: string }) => {
      detach();
      this.#averageHashMs = this.#averageHashMs * 0.8 + (performance.now() - started) * 0.2;
      takeNext();
      if (answer.key) job.resolve(answer.key);
      else job.reject(new Error(answer.error ?? "Password hashing failed."));
    };
    const onError = (error: Error) => {
      // A crashed worker is replaced; the job that was on it fails rather than hanging.
      detach();
      slot.worker = this.#spawn();
      takeNext();
      job.reject(error);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage({ password: job.password, salt: job.salt });
  }
}
