import Bowser from "bowser";

/**
 * "Chrome on Linux" from a raw user agent, for the console's user page and the widget's profile
 * (bowser: MIT, no dependencies, maintained; decision 0023). Null when the agent names neither a
 * browser nor a system (`curl/8.0`, empty), so callers show their own "Unknown device".
 */
export function deviceName(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent);
  const parts = [browser.name, os.name].filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length === 2 ? `${parts[0]} on ${parts[1]}` : parts[0]!;
}
