import { z } from "zod";
import { invalidValue, ScimError } from "./errors";
import { PATCH_SCHEMA } from "./discovery";

/**
 * A SCIM User as Portico keeps it, and the pure rules that turn a client's POST/PUT body or
 * PATCH operations into a new one. Attribute names are case-insensitive and may carry the core
 * schema's URN (RFC 7643 §2.1); attributes Portico does not store (title, phoneNumbers, the
 * enterprise extension, …) are accepted and ignored, so an IdP's default mappings never fail.
 */
export type ScimUserState = {
  /** Kept in lower case: SCIM compares userName case-insensitively (RFC 7643 §4.1.1). */
  userName: string;
  /** The user's sign-in address: the primary (or work, or first) email, else userName. */
  email: string;
  /** Set when the client sent one; otherwise Portico's name is built from the name's parts. */
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  externalId: string | null;
  active: boolean;
};

const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:User:/i;
const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const Text = (field: string, max: number) =>
  z
    .string({ error: `${field}: Send a string.` })
    .trim()
    .max(max, `${field}: Use at most ${max} characters.`);

function text(field: string, value: unknown, max = 255): string | null {
  if (value === null) return null;
  const parsed = Text(field, max).safeParse(value);
  if (!parsed.success) throw invalidValue(parsed.error.issues[0]!.message);
  return parsed.data === "" ? null : parsed.data;
}

/** Entra ID sends `"active": "False"` in some PATCH requests; SCIM means a boolean. */
function booleanValue(field: string, value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw invalidValue(`${field}: Send true or false.`);
}

/** The address an `emails` array names: primary, else type work, else the first. */
function emailFrom(value: unknown): string | null {
  if (value === null) return null;
  if (!Array.isArray(value)) throw invalidValue("emails: Send a list of { value, type, primary }.");
  const entries = value.filter(
    (entry): entry is Record<string, unknown> => typeof entry === "object" && entry !== null,
  );
  const lower = entries.map((entry) => lowerKeys(entry));
  const chosen =
    lower.find((entry) => entry.primary === true || entry.primary === "true" || entry.primary === "True") ??
    lower.find((entry) => String(entry.type ?? "").toLowerCase() === "work") ??
    lower[0];
  return chosen ? emailValue(chosen.value) : null;
}

function emailValue(value: unknown): string {
  const parsed = Email.safeParse(value);
  if (!parsed.success) throw invalidValue(`emails: "${String(value).slice(0, 100)}" is not an email address.`);
  return parsed.data;
}

function lowerKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key.replace(CORE_PREFIX, "").toLowerCase(), value]),
  );
}

function requireObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ScimError(400, `${what} must be a JSON object.`, "invalidSyntax");
  return value as Record<string, unknown>;
}

/**
 * A POST or PUT body: the whole user. Without `active`, a new user is active and a replaced one
 * keeps what it was (Okta and Entra send it; a client that does not must not lift a ban).
 */
export function parseUserResource(body: unknown, activeWhenAbsent = true): ScimUserState {
  const fields = lowerKeys(requireObject(body, "The body"));
  const userName = text("userName", fields.username ?? null)?.toLowerCase();
  if (!userName) throw invalidValue("userName: Send the user's userName (usually their email address).");
  const name = fields.name === undefined || fields.name === null ? {} : lowerKeys(requireObject(fields.name, "name"));
  const fallback = Email.safeParse(userName);
  const email = emailFrom(fields.emails ?? null) ?? (fallback.success ? fallback.data : null);
  if (!email) throw invalidValue("emails: Send a work email, or a userName that is an email address.");
  return {
    userName,
    email,
    displayName:
      text("displayName", fields.displayname ?? null, 100) ?? text("name.formatted", name.formatted ?? null, 100),
    givenName: text("name.givenName", name.givenname ?? null, 100),
    familyName: text("name.familyName", name.familyname ?? null, 100),
    externalId: text("externalId", fields.externalid ?? null),
    active: fields.active === undefined ? activeWhenAbsent : booleanValue("active", fields.active),
  };
}

const EMAIL_VALUE_PATH = /^emails(\[\s*(type\s+eq\s+"work"|primary\s+eq\s+true)\s*\])?\.value$/i;

/** One attribute set by `add`/`replace` (path given, or a key of a path-less value). */
function setAttribute(state: ScimUserState, rawPath: string, value: unknown): ScimUserState {
  const path = rawPath.trim().replace(CORE_PREFIX, "");
  const key = path.toLowerCase();
  switch (key) {
    case "username": {
      const userName = text("userName", value)?.toLowerCase();
      if (!userName) throw invalidValue("userName: It cannot be empty.");
      return { ...state, userName };
    }
    case "externalid":
      return { ...state, externalId: text("externalId", value) };
    case "displayname":
    case "name.formatted":
      return { ...state, displayName: text(path, value, 100) };
    case "name.givenname":
      return { ...state, givenName: text(path, value, 100) };
    case "name.familyname":
      return { ...state, familyName: text(path, value, 100) };
    case "active":
      return { ...state, active: booleanValue("active", value) };
    case "name": {
      let next = state;
      for (const [part, partValue] of Object.entries(lowerKeys(requireObject(value, "name"))))
        if (["givenname", "familyname", "formatted"].includes(part))
          next = setAttribute(next, `name.${part}`, partValue);
      return next;
    }
    case "emails": {
      const email = emailFrom(value);
      return email ? { ...state, email } : state;
    }
  }
  if (EMAIL_VALUE_PATH.test(path)) return { ...state, email: emailValue(value) };
  if (/^emails\[/i.test(path))
    throw new ScimError(400, `path: "${path}" names an email Portico does not keep.`, "noTarget");
  return state;
}

function removeAttribute(state: ScimUserState, rawPath: string): ScimUserState {
  const key = rawPath.trim().replace(CORE_PREFIX, "").toLowerCase();
  switch (key) {
    case "externalid":
      return { ...state, externalId: null };
    case "displayname":
    case "name.formatted":
      return { ...state, displayName: null };
    case "name.givenname":
      return { ...state, givenName: null };
    case "name.familyname":
      return { ...state, familyName: null };
    case "name":
      return { ...state, displayName: null, givenName: null, familyName: null };
    case "username":
    case "active":
      throw new ScimError(400, `path: ${rawPath} cannot be removed.`, "mutability");
  }
  if (key.startsWith("emails")) throw new ScimError(400, "path: A Portico user always has an email.", "mutability");
  return state;
}

const PatchBody = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(PATCH_SCHEMA), `schemas: Include ${PATCH_SCHEMA}.`),
  Operations: z
    .array(z.object({ op: z.string(), path: z.string().max(500).optional(), value: z.unknown().optional() }), {
      error: "Operations: Send a list of operations.",
    })
    .min(1, "Operations: Send at least one operation.")
    .max(100, "Operations: Send at most 100 operations."),
});

/** A PATCH body's operations, checked for shape. */
export function parsePatch(body: unknown) {
  const parsed = PatchBody.safeParse(body);
  if (!parsed.success) throw new ScimError(400, parsed.error.issues[0]!.message, "invalidSyntax");
  return parsed.data.Operations.map((operation) => {
    const op = operation.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw new ScimError(400, `op: "${operation.op.slice(0, 20)}" is not add, replace or remove.`, "invalidSyntax");
    return { op, path: operation.path, value: operation.value } as const;
  });
}

/** Applies PATCH operations (RFC 7644 §3.5.2) in order to a user. */
export function patchUser(state: ScimUserState, operations: ReturnType<typeof parsePatch>): ScimUserState {
  let next = state;
  for (const { op, path, value } of operations) {
    if (op === "remove") {
      if (!path) throw new ScimError(400, "path: A remove operation needs a path.", "noTarget");
      next = removeAttribute(next, path);
    } else if (path) next = setAttribute(next, path, value);
    else for (const [key, item] of Object.entries(requireObject(value, "value"))) next = setAttribute(next, key, item);
  }
  return next;
}

/** The name Portico shows: what the client called the user, else their name's parts, else the address. */
export function porticoName(state: Pick<ScimUserState, "displayName" | "givenName" | "familyName" | "email">): string {
  const parts = joinName(state.givenName, state.familyName);
  return (state.displayName ?? parts ?? state.email.split("@")[0]!).slice(0, 100);
}

export function joinName(givenName: string | null, familyName: string | null): string | null {
  return [givenName, familyName].filter(Boolean).join(" ") || null;
}
