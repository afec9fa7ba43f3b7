/**
 * The checks a tenant's text (theme copy, email texts) passes before it is stored: plain text
 * within a length, and only the placeholders Portico's own message for the key fills in. A
 * text is rendered as text (React and react-email escape it), so HTML is refused rather than
 * shown as tags to users.
 */

/**
 * The names of a message's placeholders: `{product}`, `{hours, plural, …}` → product, hours.
 * A plural's branches (`one {# hour}`) are not placeholders; `{{url}}` names `url`, so a
 * text written for another template language is caught as well.
 */
export function placeholdersOf(message: string): string[] {
  const placeholder = /(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z_]\w*)\s*[,}]/g;
  return [...new Set([...message.matchAll(placeholder)].map((match) => match[1]!))];
}

const HTML_TAG = /<\s*\/?\s*[a-z!?]/i;

/** How long a text may be: subjects fit a mail client's line, email paragraphs a few sentences. */
export function maxCopyLength(key: string): number {
  if (key.endsWith(".subject")) return 200;
  if (key.startsWith("emails.")) return 1000;
  return 300;
}

/** Why `text` cannot replace Portico's `builtIn` message for `key`, or null when it can. */
export function copyTextProblem(key: string, text: string, builtIn: string): string | null {
  const max = maxCopyLength(key);
  if (text.length > max) return `Use at most ${max} characters.`;
  if (HTML_TAG.test(text)) return "Use plain text: HTML tags are not allowed.";
  const allowed = placeholdersOf(builtIn);
  const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    const offer = allowed.length > 0 ? `Use ${allowed.map((name) => `{${name}}`).join(", ")}.` : "This text has none.";
    return `Unknown placeholder ${unknown.map((name) => `{${name}}`).join(", ")}. ${offer}`;
  }
  let depth = 0;
  for (const char of text) {
    depth += char === "{" ? 1 : char === "}" ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) return "A brace is not closed: write placeholders as {name}.";
  return null;
}
