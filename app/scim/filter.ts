import { ScimError } from "./errors";

/**
 * The filters Portico answers (RFC 7644 §3.4.2.2): one equality test on an attribute a
 * provisioning client looks resources up by — what Entra ID and Okta send before creating
 * (`userName eq "alice@acme.com"`, `externalId eq "…"`, `displayName eq "Sales"`). Anything
 * else is refused with invalidFilter rather than answered wrongly.
 */
export type ScimFilter = { attribute: string; value: string };

const FILTER = /^\s*([A-Za-z][\w.:-]*)\s+(eq)\s+("(?:[^"\\]|\\.)*")\s*$/i;
const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i;

export function parseFilter(filter: string | null, attributes: readonly string[]): ScimFilter | null {
  if (filter === null || filter.trim() === "") return null;
  const refused = (why: string) =>
    new ScimError(
      400,
      `filter: ${why} Supported: ${attributes.map((a) => `${a} eq "…"`).join(", ")}.`,
      "invalidFilter",
    );
  if (filter.length > 500) throw refused("It is too long.");
  const match = FILTER.exec(filter);
  if (!match) throw refused(`"${filter.slice(0, 100)}" is not a single equality test.`);
  const name = match[1]!.replace(CORE_PREFIX, "").toLowerCase();
  const attribute = attributes.find((candidate) => candidate.toLowerCase() === name);
  if (!attribute) throw refused(`Filtering on "${match[1]}" is not supported.`);
  let value: string;
  try {
    value = JSON.parse(match[3]!) as string;
  } catch {
    throw refused("The value is not a valid string.");
  }
  return { attribute, value };
}

/** startIndex (1-based) and count from the query, with SCIM's lenient defaults. */
export function parsePaging(url: URL, maxCount: number): { startIndex: number; count: number } {
  const number = (name: string, fallback: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new ScimError(400, `${name}: Use a whole number.`, "invalidValue");
    return value;
  };
  return {
    startIndex: Math.max(1, number("startIndex", 1)),
    count: Math.min(maxCount, Math.max(0, number("count", maxCount))),
  };
}
