/**
 * Decides where a `redirectTo` may send the user after signing in: only the tenant's own
 * pages or one of its trusted origins. Anything else (another host, `//evil.com`,
 * `javascript:`, a path of another tenant) is ignored, so the sign-in page is never an open
 * redirect.
 */
export function safeRedirectTarget(
  raw: string | null | undefined,
  { requestOrigin, basePath, trustedOrigins }: { requestOrigin: string; basePath: string; trustedOrigins: string[] },
): string | null {
  if (!raw || raw.length > 2048) return null;
  if (raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")) {
    const url = new URL(raw, requestOrigin);
    if (url.origin !== requestOrigin) return null;
    const own = basePath === "" || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    return own ? `${url.pathname}${url.search}${url.hash}` : null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.origin === requestOrigin)
    return safeRedirectTarget(`${url.pathname}${url.search}${url.hash}`, { requestOrigin, basePath, trustedOrigins });
  return trustedOrigins.includes(url.origin) ? url.href : null;
}
