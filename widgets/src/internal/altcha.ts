import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";

/**
 * Solves the tenant's ALTCHA challenge with Web Crypto and encodes the proof for the
 * `x-portico-altcha` header (the same format as app/bot-protection/solve.ts). Loaded lazily,
 * only when a tenant with bot protection asks for a proof.
 */
export async function solveAltcha(challenge: Challenge): Promise<string | null> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) return null;
  return btoa(
    JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }),
  );
}
