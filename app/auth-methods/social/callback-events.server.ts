import { isAPIError } from "better-auth/api";

/**
 * Whether a provider callback (`/callback/:id`, social and generic OIDC alike) failed, and
 * why: better-auth answers every failure with a redirect carrying `?error=<code>`
 * (state_mismatch, access_denied, account_not_linked, …), so the after-hook reads the code
 * from that redirect and records the attempt as a failed sign-in.
 */
export function failedOAuthCallback(
  path: string,
  params: Record<string, string | undefined> | undefined,
  returned: unknown,
): { code: string; provider: string } | null {
  if (path !== "/callback/:id" || !isAPIError(returned)) return null;
  const location = (returned.headers as Headers | undefined)?.get?.("location");
  if (!location) return null;
  const code = new URL(location, "http://portico.invalid").searchParams.get("error");
  return code ? { code: code.slice(0, 100), provider: String(params?.id ?? "").slice(0, 64) } : null;
}
