/**
 * A transaction that reads before it writes can lose a race to another writer: SQLite in WAL
 * mode then answers SQLITE_BUSY_SNAPSHOT at once (its busy timeout does not apply, since
 * waiting cannot help: the snapshot is stale), and PostgreSQL may report a serialization
 * failure. Re-running the whole transaction is the documented remedy.
 */
const CONFLICT_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "P2034", "40001", "40P01"]);

function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONFLICT_CODES.has(code);
}

export async function retryOnWriteConflict<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 10));
    }
  }
}
