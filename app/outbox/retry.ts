/**
 * When a failed delivery is tried again. Each kind of message has its own schedule of waits
 * (roughly exponential: a code is useless after half an hour, a webhook is worth a day), and
 * may spread each wait by a random ±jitter so messages that failed together, because their
 * receiver or mail server was down, do not all come back in the same second.
 */
export type RetryPolicy = {
  /** The wait after the 1st, 2nd, … failed attempt; the attempt after the last one is final. */
  readonly delaysMs: readonly number[];
  /** Each wait is spread over ±this fraction (0.1 is ±10 %); 0 keeps the schedule exact. */
  readonly jitter: number;
  /** The longest wait a receiver's Retry-After is obeyed up to (0: Retry-After is ignored). */
  readonly maxRetryAfterMs?: number;
};

/** Attempts before a message is given up on (the dead letter): one per wait, plus the first. */
export function maxAttempts(policy: RetryPolicy): number {
  return policy.delaysMs.length + 1;
}

/** Milliseconds until the next attempt after `attemptsMade` failed ones, or null to give up. */
export function retryDelay(
  policy: RetryPolicy,
  attemptsMade: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number | null {
  const base = attemptsMade >= 1 ? policy.delaysMs[attemptsMade - 1] : undefined;
  if (base === undefined) return null;
  const spread = policy.jitter === 0 ? base : base * (1 - policy.jitter + random() * 2 * policy.jitter);
  return Math.max(spread, Math.min(retryAfterMs ?? 0, policy.maxRetryAfterMs ?? 0));
}

const MAX_ERROR_LENGTH = 500;

/**
 * An error as the console shows it: its first line, each credential (an SMTP password, a
 * gateway token) blanked out, short enough for a table cell.
 */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  let line = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim() || "Unknown error";
  for (const secret of secrets) if (secret) line = line.split(secret).join("***");
  return line.slice(0, MAX_ERROR_LENGTH);
}
