import { normalizeIp } from "~/http/client-ip";
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Storage } from "~/db/storage.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { ApiKeyRateLimiter, type RateLimitResult } from "./rate-limit.server";
import {
  API_KEY_SCOPES,
  ApiKeyScopeSchema,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  MAX_RATE_LIMIT_PER_MINUTE,
  type ApiKeyScope,
} from "./scopes";

/**
 * Tenant API keys for the management API. A key is `pk_live_…` (production tenants) or
 * `pk_test_…` followed by 32 random bytes in base64url; it is shown once and only its SHA-256
 * is stored. Because the hash is the lookup index, verifying never compares secret material
 * byte by byte against attacker input.
 */
export type ApiKeyStatus = "active" | "revoked" | "expired";

/** A key as the console shows it: never the key itself, never its hash. */
export type ApiKeySummary = {
  id: string;
  tenantId: string;
  name: string;
  /** The key's first characters, enough to recognise it. */
  prefix: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  rateLimitPerMinute: number | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  createdById: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  status: ApiKeyStatus;
};

export type ApiKeyVerification =
  | { ok: true; tenantId: string; keyId: string; scopes: ApiKeyScope[]; rateLimitPerMinute: number }
  | { ok: false; reason: "invalid" | "revoked" | "expired" };

export type ApiKeyErrorCode = "invalid_input" | "key_not_found";

export class ApiKeyError extends Error {
  constructor(
    readonly code: ApiKeyErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const PREFIX_LENGTH = 12;
const KEY_PATTERN = /^pk_(live|test)_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt/lastUsedIp are written at most this often per key, not on every request. */
const LAST_USED_INTERVAL_MS = 60_000;

const NameSchema = z
  .string({ error: "Enter a name for the key." })
  .trim()
  .min(1, "Enter a name for the key.")
  .max(100, "Use at most 100 characters.");
const ScopesSchema = z
  .array(ApiKeyScopeSchema, { error: "Choose at least one scope." })
  .min(1, "Choose at least one scope.")
  .max(API_KEY_SCOPES.length, "Choose each scope at most once.");
const RateLimitSchema = z
  .number({ error: "Enter a whole number of requests per minute." })
  .int("Enter a whole number of requests per minute.")
  .min(1, "Allow at least 1 request per minute.")
  .max(MAX_RATE_LIMIT_PER_MINUTE, `Allow at most ${MAX_RATE_LIMIT_PER_MINUTE} requests per minute.`);

const CreateApiKeySchema = z.object({
  name: NameSchema,
  scopes: ScopesSchema,
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), "Choose an expiry date in the future.")
    .nullish(),
  rateLimitPerMinute: RateLimitSchema.nullish(),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * The console's create form: text fields and repeated `scopes` checkboxes. The expiry is a
 * date; the key works until the end of that day (UTC).
 */
const CreateApiKeyFormSchema = z.object({
  name: NameSchema,
  scopes: ScopesSchema,
  expiresOn: z.preprocess(
    blankToUndefined,
    z.iso
      .date({ error: "Enter a date like 2030-01-31." })
      .transform((day) => new Date(`${day}T23:59:59.999Z`))
      .refine((date) => date.getTime() > Date.now(), "Choose a date in the future.")
      .optional(),
  ),
  rateLimitPerMinute: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Enter a whole number of requests per minute." }).pipe(RateLimitSchema).optional(),
  ),
});

/** Parses the console form into create() input, or field errors keyed by field name. */
export function parseCreateApiKeyForm(
  form: FormData,
):
  | { success: true; data: Omit<CreateApiKeyInput, "tenant" | "createdById"> }
  | { success: false; errors: Record<string, string> } {
  const parsed = CreateApiKeyFormSchema.safeParse({
    name: form.get("name") ?? "",
    scopes: form.getAll("scopes"),
    expiresOn: form.get("expiresOn") ?? "",
    rateLimitPerMinute: form.get("rateLimitPerMinute") ?? "",
  });
  if (!parsed.success) return { success: false, errors: fieldErrors(parsed.error) };
  const { expiresOn, ...rest } = parsed.data;
  return { success: true, data: { ...rest, expiresAt: expiresOn } };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

type ApiKeyRow = {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string;
  expiresAt: Date | null;
  rateLimitPerMinute: number | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  createdById: string | null;
  createdAt: Date;
  revokedAt: Date | null;
};

const SUMMARY_SELECT = {
  id: true,
  tenantId: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  rateLimitPerMinute: true,
  lastUsedAt: true,
  lastUsedIp: true,
  createdById: true,
  createdAt: true,
  revokedAt: true,
} as const;

function statusOf(row: Pick<ApiKeyRow, "revokedAt" | "expiresAt">, now = Date.now()): ApiKeyStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now) return "expired";
  return "active";
}

/** Stored scopes are a JSON array; anything no longer in the catalog is dropped. */
function parseScopes(stored: string): ApiKeyScope[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((s): s is ApiKeyScope => ApiKeyScopeSchema.safeParse(s).success) : [];
  } catch {
    return [];
  }
}

function toSummary(row: ApiKeyRow): ApiKeySummary {
  // Keys used before decision 0023 may have `::ffff:127.0.0.1` stored.
  return { ...row, lastUsedIp: normalizeIp(row.lastUsedIp), scopes: parseScopes(row.scopes), status: statusOf(row) };
}

export class ApiKeyService {
  private readonly rateLimiter = new ApiKeyRateLimiter();

  constructor(private readonly storage: Storage) {}

  /** Creates a key; `key` is the only time the plaintext exists outside the caller's hands. */
  async create(
    input: CreateApiKeyInput & { tenant: Pick<Tenant, "id" | "environment">; createdById: string | null },
  ): Promise<{ key: string; apiKey: ApiKeySummary }> {
    const parsed = CreateApiKeySchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiKeyError("invalid_input", issue.message, String(issue.path[0] ?? ""));
    }
    const mode = input.tenant.environment === "production" ? "live" : "test";
    const key = `pk_${mode}_${randomBytes(32).toString("base64url")}`;
    const db = await this.storage.control();
    const row = await db.apiKey.create({
      data: {
        id: randomUUID(),
        tenantId: input.tenant.id,
        name: parsed.data.name,
        prefix: key.slice(0, PREFIX_LENGTH),
        hash: hashKey(key),
        scopes: JSON.stringify([...new Set(parsed.data.scopes)]),
        expiresAt: parsed.data.expiresAt ?? null,
        rateLimitPerMinute: parsed.data.rateLimitPerMinute ?? null,
        createdById: input.createdById,
      },
      select: SUMMARY_SELECT,
    });
    return { key, apiKey: toSummary(row) };
  }

  /** The tenant's keys, newest first, revoked and expired ones included. */
  async list(tenantId: string): Promise<ApiKeySummary[]> {
    const db = await this.storage.control();
    const rows = await db.apiKey.findMany({
      where: { tenantId },
      select: SUMMARY_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    });
    return rows.map(toSummary);
  }

  /** Revokes one of the tenant's keys at once; revoking a revoked key changes nothing. */
  async revoke(tenantId: string, id: string): Promise<ApiKeySummary> {
    const db = await this.storage.control();
    await db.apiKey.updateMany({ where: { id, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await db.apiKey.findFirst({ where: { id, tenantId }, select: SUMMARY_SELECT });
    if (!row) throw new ApiKeyError("key_not_found", "There is no such API key in this tenant.");
    return toSummary(row);
  }

  /** Checks a presented key; `ip` is the caller's address, recorded as the key's last use. */
  async verify(rawKey: string, ip: string | null): Promise<ApiKeyVerification> {
    if (!KEY_PATTERN.test(rawKey)) return { ok: false, reason: "invalid" };
    const hash = hashKey(rawKey);
    const db = await this.storage.control();
    const row = await db.apiKey.findUnique({
      where: { hash },
      select: { ...SUMMARY_SELECT, hash: true },
    });
    if (!row || !timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex")))
      return { ok: false, reason: "invalid" };
    const now = Date.now();
    const status = statusOf(row, now);
    if (status !== "active") return { ok: false, reason: status };
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_INTERVAL_MS) {
      // The condition is repeated in the write so concurrent requests record one use, not many.
      await db.apiKey.updateMany({
        where: {
          id: row.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_INTERVAL_MS) } }],
        },
        data: { lastUsedAt: new Date(now), lastUsedIp: ip?.slice(0, 64) ?? null },
      });
    }
    return {
      ok: true,
      tenantId: row.tenantId,
      keyId: row.id,
      scopes: parseScopes(row.scopes),
      rateLimitPerMinute: row.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    };
  }

  /** Counts one request against the key's per-minute window. */
  checkRateLimit(keyId: string, perMinute: number): Promise<RateLimitResult> {
    return this.rateLimiter.check(keyId, perMinute);
  }
}
