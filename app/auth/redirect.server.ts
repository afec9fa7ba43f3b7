/**
 * Decides where a `redirectTo` may send the user after signing in: only the tenant's own
 * pages or one of its trusted origins. Anything else (another host, `//evil.com`,
 * `javascript:`, a path of another tenant) is ignored, so the sign-in page is never an open
 * redirect.
 *
 * Every decision is made on the URL as a browser will read it (after dot segments, encoded
 * dots, backslashes and stripped tabs are resolved), and the path it returns is checked once
 * more: `/.//evil.com` normalises to `//evil.com`, which a browser follows to another host.
 */
export function safeRedirectTarget(
  raw: string | null | undefined,
  { requestOrigin, basePath, trustedOrigins }: { requestOrigin: string; basePath: string; trustedOrigins: string[] },
): string | null {
  // Control characters are never part of a link a person follows; browsers strip some of
  // them silently, which is how `/\t/evil.com` becomes `//evil.com`.
  if (!raw || raw.length > 2048 || hasControlCharacter(raw)) return null;
  let url: URL;
  try {
    // Only an absolute URL or a root-relative path: `account` or `evil.com` would resolve
    // against the current page, which no caller means.
    if (!raw.startsWith("/") && !/^https?:\/\//i.test(raw)) return null;
    url = new URL(raw, requestOrigin);
  } catch {
    return null;
  }
  if (url.origin !== requestOrigin) {
    return trustedOrigins.includes(url.origin) && !url.username && !url.password ? url.href : null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path that starts with two slashes (or a slash and a backslash) is a
  // protocol-relative URL to the browser.
  if (/^[/\\]{2}/.test(path)) return null;
  const own = basePath === "" || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
  return own ? path : null;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
