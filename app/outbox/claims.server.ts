import { CONTROL_SCHEMA } from "~/db/postgres-storage.server";
import type { Storage } from "~/db/storage.server";
import { Prisma } from "~/generated/control-sqlite/client";
import type { OutboxClaim, OutboxTable } from "./kind.server";

/**
 * Claiming due messages: one UPDATE that picks up to `limit` due, unclaimed rows, sets their
 * `lockedUntil` to the lease and counts the attempt, and returns what it took, so two
 * processes can never take the same row.
 *
 * - PostgreSQL (several server processes on one database): the picking subquery locks its
 *   rows `FOR UPDATE SKIP LOCKED`, so concurrent claims skip each other's rows instead of
 *   waiting on them or taking them twice; a row another claim has just committed is checked
 *   again against the WHERE clause and no longer qualifies.
 * - SQLite: one writer at a time, and the statement holds the write lock from its first read
 *   to its last write, so the same conditional UPDATE is enough.
 *
 * Raw SQL because Prisma has no SKIP LOCKED; the PostgreSQL adapter only qualifies model
 * queries with the control schema, so the table is qualified here.
 */
export type ClaimRequest = {
  table: OutboxTable;
  pendingStatus: string;
  now: Date;
  lease: Date;
  limit: number;
};

export async function claimDue(storage: Storage, request: ClaimRequest): Promise<OutboxClaim[]> {
  const { table, pendingStatus, now, lease, limit } = request;
  const db = await storage.control();
  const target = qualified(storage, table);
  const skipLocked = storage.provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; attempts: number | bigint; nextAttemptAt: Date | string }[]>`
    UPDATE ${target} SET "lockedUntil" = ${lease}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM ${target}
      WHERE "status" = ${pendingStatus} AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      ${skipLocked})
    RETURNING "id", "attempts", "nextAttemptAt"`;
  // RETURNING keeps no order: sorted again, so the longest-waiting message is sent first.
  const due = (row: (typeof rows)[number]) => new Date(row.nextAttemptAt).getTime();
  return rows.sort((a, b) => due(a) - due(b)).map((row) => ({ id: row.id, attempts: Number(row.attempts), lease }));
}

/**
 * Gives back claims that were never sent (the engine was stopped while claiming): unlocked,
 * the attempt uncounted, due as before. Rows whose claim has meanwhile changed are left alone.
 */
export async function releaseClaims(storage: Storage, table: OutboxTable, claims: OutboxClaim[]): Promise<void> {
  if (claims.length === 0) return;
  const db = await storage.control();
  const target = qualified(storage, table);
  const ids = Prisma.join(claims.map((claim) => claim.id));
  await db.$executeRaw`
    UPDATE ${target} SET "lockedUntil" = NULL, "attempts" = "attempts" - 1
    WHERE "id" IN (${ids}) AND "lockedUntil" = ${claims[0]!.lease}`;
}

/** The table's name for raw SQL; `table` is one of the outbox tables, never input. */
function qualified(storage: Storage, table: OutboxTable): Prisma.Sql {
  return Prisma.raw(storage.provider === "postgresql" ? `"${CONTROL_SCHEMA}"."${table}"` : `"${table}"`);
}
