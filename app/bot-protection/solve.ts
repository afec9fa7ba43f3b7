import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";

/**
 * Solves an ALTCHA challenge in the browser with Web Crypto (crypto.subtle, awaited, so the
 * page stays responsive) and returns what the server expects in `x-portico-altcha` or the
 * hosted forms' `altcha` field: base64 of `{ challenge, solution }`. Null when it timed out.
 */
export async function solveAltcha(challenge: Challenge): Promise<string | null> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) return null;
  const payload = { challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution };
  return btoa(JSON.stringify(payload));
}
