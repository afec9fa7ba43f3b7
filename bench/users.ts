/**
 * Users by the hundred thousand for the benches: rows inserted straight into a tenant's SQLite
 * file in one transaction (about a second for 100,000), with names and emails that searches
 * can find.
 */
import Database from "better-sqlite3";

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Radia", "Linus"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Perlman"];

export function userRow(i: number) {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const number = String(i).padStart(6, "0");
  // Prisma's SQLite driver adapter stores DateTime as ISO text with an explicit offset.
  const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString().replace("Z", "+00:00");
  return {
    id: `bench${number}`.padEnd(32, "x"),
    name: `${first} ${last} ${number}`,
    email: `${first}.${last}.${number}@example${i % 50}.com`.toLowerCase(),
    createdAt: created,
    banned: i % 97 === 0 ? 1 : 0,
  };
}

/** One transaction of prepared inserts: about a second for 100,000 rows. */
export function insertUsers(file: string, count: number) {
  const db = new Database(file);
  try {
    const insert = db.prepare(
      `INSERT INTO "user" (id, name, email, emailVerified, createdAt, updatedAt, role, banned)
       VALUES (@id, @name, @email, 0, @createdAt, @createdAt, 'user', @banned)`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(userRow(i));
    })();
    db.exec("ANALYZE");
  } finally {
    db.close();
  }
}
