/**
 * What must never appear in Portico's log at info level or above (docs/self-hosting.md,
 * "Logs"): the given secrets (passwords, session tokens, links' tokens), and anything shaped
 * like a credential or a full email address. Returns one description per offending line, with
 * the secret itself cut short.
 */
const SHAPES: [string, RegExp][] = [
  ["a JWT", /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]+/],
  ["an API key", /\bpk_(?:test|live)_[\w-]{20,}/],
  ["a token in a query string", /[?&](?:token|code|state)=[\w.-]{8,}/],
  ["a cookie header", /"cookie"\s*:\s*"[^"[]/i],
  ["an email address", /[\w.+-]+@(?!\*)[\w-]+(?:\.[\w-]+)+/],
];

const QUIET_LEVELS = new Set(["debug", "trace"]);

export function findLeaks(log: string, secrets: string[]): string[] {
  const leaks: string[] = [];
  log.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let level: string | undefined;
    try {
      level = (JSON.parse(line) as { level?: string }).level;
    } catch {
      // Not a log line of ours (a crash's stack trace, say): checked like one.
    }
    const where = `line ${index + 1}`;
    for (const secret of secrets) {
      if (secret && line.includes(secret)) leaks.push(`${where}: a secret (${secret.slice(0, 4)}…)`);
    }
    if (level && QUIET_LEVELS.has(level)) return;
    for (const [name, shape] of SHAPES) {
      const match = shape.exec(line);
      if (match) leaks.push(`${where}: ${name} (${match[0].slice(0, 12)}…)`);
    }
  });
  return leaks;
}
