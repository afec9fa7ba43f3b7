import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getPortico } from "~/context.server";
import type { TenantDb } from "~/db/clients.server";
import { Metadata, Timestamp } from "./common.server";
import { importedHashKind } from "./imported-passwords.server";
import { defineOperation } from "./operation.server";
import { EmailField, ExternalIdField, toApiUser, USER_SELECT, UserSchema } from "./user-model.server";

/**
 * Bulk import with existing password hashes (see imported-passwords.server.ts for the
 * formats) and export as JSON or CSV. Each row is checked on its own and either imported
 * whole (user and credential together) or refused with its reason; one bad row never stops
 * the others. Imports do not fire `user.created` (a migration would flood receivers).
 */
export const MAX_IMPORT_ROWS = 10_000;
const CHUNK = 250;

export const ImportRowSchema = z
  .strictObject({
    email: EmailField,
    name: z.string({ error: "name must be a string." }).trim().max(100, "Use at most 100 characters.").default(""),
    emailVerified: z.boolean({ error: "emailVerified must be true or false." }).default(false),
    passwordHash: z
      .string({ error: "passwordHash must be a string." })
      .max(1000, "That password hash is too long.")
      .refine((hash) => importedHashKind(hash) !== null, {
        message:
          "Unsupported password hash: use bcrypt ($2a$/$2b$/$2y$), argon2 ($argon2id$…) or scrypt ($scrypt$ln=…,r=…,p=…$salt$key).",
      })
      .optional(),
    username: z
      .string({ error: "username must be a string." })
      .trim()
      .min(3, "Use at least 3 characters.")
      .max(30, "Use at most 30 characters.")
      .regex(/^[A-Za-z0-9_.]+$/, "Use letters, digits, underscores and dots.")
      .optional(),
    externalId: ExternalIdField.optional(),
    publicMetadata: Metadata.optional(),
    privateMetadata: Metadata.optional(),
    createdAt: Timestamp.optional(),
  })
  .meta({ id: "ImportUser" });
type ImportRow = z.output<typeof ImportRowSchema>;

const RefusedRow = z.object({
  index: z.number().int().meta({ description: "Position of the row in the request, from 0." }),
  email: z.string().nullable(),
  code: z.enum(["invalid", "duplicate_email", "duplicate_username", "duplicate_external_id", "conflict"]),
  field: z.string().nullable(),
  message: z.string(),
});

export const ImportReportSchema = z
  .object({
    imported: z.array(z.object({ index: z.number().int(), id: z.string(), email: z.string() })),
    refused: z.array(RefusedRow),
  })
  .meta({ id: "ImportReport" });
type ImportReport = z.output<typeof ImportReportSchema>;
type Refusal = ImportReport["refused"][number];

const ImportBody = z
  .array(z.unknown(), { error: "Send a JSON array of users (or NDJSON, one user per line)." })
  .min(1, "Send at least one user.")
  .max(MAX_IMPORT_ROWS, `Send at most ${MAX_IMPORT_ROWS.toLocaleString("en")} users per call.`);

/** Values of `field` already taken in the tenant, looked up in chunks the databases accept. */
async function takenValues(db: TenantDb, field: "email" | "username" | "externalId", values: string[]) {
  const taken = new Set<string>();
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    const rows = await db.user.findMany({ where: { [field]: { in: chunk } }, select: { [field]: true } });
    for (const row of rows as unknown as Record<string, string | null>[]) if (row[field]) taken.add(row[field]);
  }
  return taken;
}

/** The user row and, with a password hash, its credential account row. */
function rowRecords(row: ImportRow) {
  const id = randomUUID();
  const createdAt = row.createdAt ? new Date(row.createdAt) : new Date();
  const user = {
    id,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerified,
    username: row.username?.toLowerCase() ?? null,
    displayUsername: row.username ?? null,
    externalId: row.externalId ?? null,
    publicMetadata: row.publicMetadata ? JSON.stringify(row.publicMetadata) : null,
    privateMetadata: row.privateMetadata ? JSON.stringify(row.privateMetadata) : null,
    createdAt,
    updatedAt: createdAt,
  };
  const account = row.passwordHash
    ? {
        id: randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: row.passwordHash,
        createdAt,
        updatedAt: createdAt,
      }
    : null;
  return { id, user, account };
}

/** Writes rows in one transaction: all of them or none. */
async function writeRows(db: TenantDb, records: ReturnType<typeof rowRecords>[]) {
  const accounts = records.flatMap((record) => (record.account ? [record.account] : []));
  await db.$transaction([
    db.user.createMany({ data: records.map((record) => record.user) }),
    ...(accounts.length > 0 ? [db.account.createMany({ data: accounts })] : []),
  ]);
}

export async function importUsers(db: TenantDb, rows: unknown[]): Promise<ImportReport> {
  const refused: Refusal[] = [];
  const valid: { index: number; row: ImportRow }[] = [];
  rows.forEach((raw, index) => {
    const parsed = ImportRowSchema.safeParse(raw);
    const email =
      typeof (raw as { email?: unknown })?.email === "string" ? String((raw as { email: string }).email) : null;
    if (parsed.success) valid.push({ index, row: parsed.data });
    else {
      const issue = parsed.error.issues[0]!;
      const field = issue.code === "unrecognized_keys" ? issue.keys[0]! : issue.path.map(String).join(".");
      const message = issue.code === "unrecognized_keys" ? "This field is not accepted here." : issue.message;
      refused.push({ index, email, code: "invalid", field: field || null, message });
    }
  });

  const unique = [
    { field: "email", code: "duplicate_email", message: "A user with this email already exists." },
    { field: "username", code: "duplicate_username", message: "A user with this username already exists." },
    { field: "externalId", code: "duplicate_external_id", message: "A user with this externalId already exists." },
  ] as const;
  let accepted = valid;
  for (const { field, code, message } of unique) {
    const value = (row: ImportRow) => (field === "username" ? row.username?.toLowerCase() : row[field]);
    const taken = await takenValues(
      db,
      field,
      accepted.map(({ row }) => value(row)).filter((v): v is string => Boolean(v)),
    );
    const seen = new Set<string>();
    accepted = accepted.filter(({ index, row }) => {
      const v = value(row);
      if (!v) return true;
      const reason = taken.has(v) ? message : seen.has(v) ? `Another row of this import has the same ${field}.` : null;
      seen.add(v);
      if (reason) refused.push({ index, email: row.email, code, field, message: reason });
      return !reason;
    });
  }

  const imported: ImportReport["imported"] = [];
  for (let i = 0; i < accepted.length; i += CHUNK) {
    const chunk = accepted.slice(i, i + CHUNK).map((entry) => ({ ...entry, record: rowRecords(entry.row) }));
    try {
      await writeRows(
        db,
        chunk.map((entry) => entry.record),
      );
      imported.push(...chunk.map(({ index, record, row }) => ({ index, id: record.id, email: row.email })));
    } catch {
      // Someone wrote a conflicting user meanwhile: settle the chunk row by row.
      for (const { index, row } of chunk) {
        const record = rowRecords(row);
        try {
          await writeRows(db, [record]);
          imported.push({ index, id: record.id, email: row.email });
        } catch {
          refused.push({
            index,
            email: row.email,
            code: "conflict",
            field: null,
            message: "This user conflicts with an existing one.",
          });
        }
      }
    }
  }
  imported.sort((a, b) => a.index - b.index);
  refused.sort((a, b) => a.index - b.index);
  return { imported, refused };
}

const CSV_COLUMNS = [
  "id",
  "email",
  "name",
  "emailVerified",
  "username",
  "externalId",
  "banned",
  "createdAt",
  "updatedAt",
  "publicMetadata",
  "privateMetadata",
] as const;

/**
 * One CSV cell: always quoted, quotes doubled, and a leading = + - @ tab or CR defused with
 * an apostrophe so spreadsheets never evaluate a cell a user controls as a formula.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

const EXPORT_BATCH = 1000;

/** The tenant's users in id order, read a batch at a time while the client downloads. */
function exportStream(db: TenantDb, format: "json" | "csv"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | undefined;
  let first = true;
  let done = false;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? `${CSV_COLUMNS.join(",")}\r\n` : "["));
    },
    async pull(controller) {
      if (done) return;
      const rows = await db.user.findMany({
        where: after ? { id: { gt: after } } : {},
        orderBy: { id: "asc" },
        take: EXPORT_BATCH,
        select: USER_SELECT,
      });
      let chunk = "";
      for (const row of rows) {
        const user = toApiUser(row);
        if (format === "csv")
          chunk += `${CSV_COLUMNS.map((column) => csvCell(column.endsWith("At") ? (user[column] as Date).toISOString() : user[column])).join(",")}\r\n`;
        else {
          chunk += `${first ? "" : ","}\n${JSON.stringify(user)}`;
          first = false;
        }
      }
      after = rows.at(-1)?.id;
      if (rows.length < EXPORT_BATCH) {
        done = true;
        if (format === "json") chunk += "\n]\n";
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (done) controller.close();
    },
  });
}

export const IMPORT_EXPORT_OPERATIONS = [
  defineOperation({
    operationId: "importUsers",
    method: "POST",
    path: "/users/import",
    tag: "Import and export",
    summary: "Import users with their password hashes",
    description: [
      `Up to ${MAX_IMPORT_ROWS.toLocaleString("en")} users per call (10 MB), as a JSON array or NDJSON (\`application/x-ndjson\`, one user per line).`,
      "`passwordHash` keeps the user's password working: bcrypt (`$2a$`, `$2b$`, `$2y$`), argon2 PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), or scrypt as `$scrypt$ln=<log2 N>,r=<r>,p=<p>$<base64 salt>$<base64 key>`.",
      "It is replaced by Portico's own hash at the user's next sign-in.",
      "Each row is imported whole or refused with its reason; imports do not fire `user.created`.",
    ].join(" "),
    scope: "users:write",
    body: ImportBody,
    documentedBody: z.array(ImportRowSchema).max(MAX_IMPORT_ROWS),
    bodyKind: "import",
    idempotent: true,
    errors: [400, 413, 415, 422],
    requestExample: [
      {
        email: "ada@example.com",
        name: "Ada",
        passwordHash: "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        externalId: "legacy-1",
      },
    ],
    success: {
      status: 200,
      description: "What was imported and what was refused, row by row.",
      schema: ImportReportSchema,
    },
    run: async (ctx, { body }) => {
      const report = await importUsers(ctx.live.db, body);
      await getPortico().audit.record({
        ...ctx.audit,
        type: "admin.users.imported",
        target: { type: "tenant", id: ctx.live.tenant.id, label: ctx.live.tenant.slug },
        data: { imported: report.imported.length, refused: report.refused.length },
      });
      return report;
    },
  }),
  defineOperation({
    operationId: "exportUsers",
    method: "GET",
    path: "/users/export",
    tag: "Import and export",
    summary: "Export every user",
    description:
      "Streamed, in id order. CSV cells are quoted and a leading `=`, `+`, `-`, `@` is prefixed with `'` so spreadsheets do not run them as formulas. Password hashes are never exported.",
    scope: "users:read",
    query: z.strictObject({
      format: z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json"),
    }),
    errors: [400],
    success: {
      status: 200,
      description: "The users.",
      schema: z.array(UserSchema),
      alternatives: { "text/csv": { schema: { type: "string", description: CSV_COLUMNS.join(",") } } },
    },
    run: async (ctx, { query }) => {
      const date = new Date().toISOString().slice(0, 10);
      return new Response(exportStream(ctx.live.db, query.format), {
        headers: {
          "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
          "content-disposition": `attachment; filename="${ctx.live.tenant.slug}-users-${date}.${query.format}"`,
        },
      });
    },
  }),
];
