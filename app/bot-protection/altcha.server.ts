import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { CappedMap, createChallenge, randomInt, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";

/**
 * ALTCHA proof of work (altcha-lib, self-hosted, no third party): the server hands out
 * HMAC-signed challenges that expire, the browser searches for the counter that produces the
 * signed key prefix (about `maxNumber / 2` SHA-256 rounds), and the server checks a solution
 * once. Used signatures are remembered until their challenge expires, in a bounded map, so a
 * solution cannot be replayed.
 */

/** How long a challenge stays solvable: long enough to fill in a form. */
export const CHALLENGE_TTL_SECONDS = 10 * 60;
/** The counter is drawn from 0..maxNumber: ~50,000 SHA-256 rounds is about a second in a browser. */
export const DEFAULT_MAX_NUMBER = 50_000;
/** Used challenge signatures and server passes, process-wide; the oldest go first when it is full. */
const USED_MAX = 100_000;

export type BotCheckFailure = { code: BotCheckCode; message: string; status: 400 | 403 };
export type BotCheckCode = "BOT_CHECK_MISSING" | "BOT_CHECK_INVALID" | "BOT_CHECK_EXPIRED" | "BOT_CHECK_REPLAYED";

export const BOT_CHECK_ERRORS: Record<BotCheckCode, BotCheckFailure> = {
  BOT_CHECK_MISSING: {
    code: "BOT_CHECK_MISSING",
    status: 400,
    message:
      "This request needs a solved bot-protection challenge: fetch one from /bot-protection/challenge and send the solution in the x-portico-altcha header.",
  },
  BOT_CHECK_INVALID: {
    code: "BOT_CHECK_INVALID",
    status: 403,
    message: "The bot-protection solution (x-portico-altcha) is not valid for a challenge from this tenant.",
  },
  BOT_CHECK_EXPIRED: {
    code: "BOT_CHECK_EXPIRED",
    status: 403,
    message: "The bot-protection challenge has expired: fetch a new one and solve it again.",
  },
  BOT_CHECK_REPLAYED: {
    code: "BOT_CHECK_REPLAYED",
    status: 403,
    message: "This bot-protection solution was already used: each solution is good for one request.",
  },
};

/** Signature (or pass nonce) → expiry in ms; an entry is dropped when it expires or the map is full. */
const used = new CappedMap<string, number>({ maxSize: USED_MAX });

/** Records `key` as used; false when it already was (and has not expired). */
function markUsed(key: string, expiresAtMs: number): boolean {
  const seen = used.get(key) as number | undefined;
  if (seen !== undefined && seen > Date.now()) return false;
  if (seen !== undefined) used.delete(key);
  return used.setIfAbsent(key, expiresAtMs);
}

/** The tenant's ALTCHA HMAC key, derived from its own auth secret so tenants never share keys. */
export function altchaKey(tenantSecret: string, purpose: "challenge" | "key" | "pass"): string {
  return Buffer.from(hkdfSync("sha256", tenantSecret, "portico-bot-protection", `altcha-${purpose}`, 32)).toString(
    "base64url",
  );
}

export async function issueChallenge(tenantSecret: string, maxNumber = DEFAULT_MAX_NUMBER): Promise<Challenge> {
  return createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    // Deterministic mode: the server picks the counter and signs the key it leads to, so a check is one HMAC.
    counter: randomInt(maxNumber),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + CHALLENGE_TTL_SECONDS,
    hmacSignatureSecret: altchaKey(tenantSecret, "challenge"),
    hmacKeySignatureSecret: altchaKey(tenantSecret, "key"),
  });
}

function decodePayload(value: string): Payload | null {
  try {
    const payload = JSON.parse(Buffer.from(value, "base64").toString("utf8")) as Payload;
    if (typeof payload?.challenge?.parameters !== "object" || typeof payload.solution?.counter !== "number")
      return null;
    return payload;
  } catch {
    return null;
  }
}

/**
 * Checks a solution (base64 JSON `{ challenge, solution }`, as the client sends it) or a
 * server pass, once. Null when it is good.
 */
export async function checkBotProof(tenantSecret: string, value: string | null): Promise<BotCheckFailure | null> {
  if (!value) return BOT_CHECK_ERRORS.BOT_CHECK_MISSING;
  if (value.length > 4096) return BOT_CHECK_ERRORS.BOT_CHECK_INVALID;
  if (value.startsWith(PASS_PREFIX)) return checkServerPass(tenantSecret, value);
  const payload = decodePayload(value);
  if (!payload || !payload.challenge.signature) return BOT_CHECK_ERRORS.BOT_CHECK_INVALID;
  const result = await verifySolution({
    challenge: payload.challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: altchaKey(tenantSecret, "challenge"),
    hmacKeySignatureSecret: altchaKey(tenantSecret, "key"),
  }).catch(() => null);
  if (!result) return BOT_CHECK_ERRORS.BOT_CHECK_INVALID;
  if (result.expired) return BOT_CHECK_ERRORS.BOT_CHECK_EXPIRED;
  if (!result.verified) return BOT_CHECK_ERRORS.BOT_CHECK_INVALID;
  const expiresAtMs = (payload.challenge.parameters.expiresAt ?? 0) * 1000;
  if (!markUsed(`s:${payload.challenge.signature}`, expiresAtMs)) return BOT_CHECK_ERRORS.BOT_CHECK_REPLAYED;
  return null;
}

/**
 * A server pass stands in for a solution when the hosted forms accept a post without
 * JavaScript under their stricter budget (decision 0010). It is signed with a key only the
 * server holds, lives a minute and is good once, so a client cannot mint or reuse one.
 */
const PASS_PREFIX = "pass.";
const PASS_TTL_MS = 60_000;

export function issueServerPass(tenantSecret: string): string {
  const body = `${Date.now() + PASS_TTL_MS}.${randomBytes(16).toString("base64url")}`;
  const mac = createHmac("sha256", altchaKey(tenantSecret, "pass")).update(body).digest("base64url");
  return `${PASS_PREFIX}${body}.${mac}`;
}

function checkServerPass(tenantSecret: string, value: string): BotCheckFailure | null {
  const [expires, nonce, mac] = value.slice(PASS_PREFIX.length).split(".");
  if (!expires || !nonce || !mac) return BOT_CHECK_ERRORS.BOT_CHECK_INVALID;
  const expected = createHmac("sha256", altchaKey(tenantSecret, "pass")).update(`${expires}.${nonce}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return BOT_CHECK_ERRORS.BOT_CHECK_INVALID;
  if (Number(expires) < Date.now()) return BOT_CHECK_ERRORS.BOT_CHECK_EXPIRED;
  if (!markUsed(`p:${nonce}`, Number(expires))) return BOT_CHECK_ERRORS.BOT_CHECK_REPLAYED;
  return null;
}
