import { z } from "zod";
import { tenantDbProvider, type TenantDb } from "~/db/clients.server";
import { Prisma } from "~/generated/tenant-sqlite/client";

/**
 * The console's user directory: search by email or name, and keyset pagination in email
 * order. Email is the one indexed, unique, human-meaningful column of `user`, so a page
 * without a search (the first or the 4,000th) is an index seek plus a page of rows, never an
 * OFFSET walk. bench/user-search.ts times these queries on 100,000 users.
 */
export const USERS_PAGE_SIZE = 25;

const cursor = z.string().max(254).optional().catch(undefined);

export const UserSearchParams = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((q) => q || undefined),
  /** Show the page after this email (the "Next" link). */
  after: cursor,
  /** Show the page before this email (the "Previous" link). */
  before: cursor,
});
export type UserSearch = { q?: string; after?: string; before?: string };

export function parseUserSearch(url: URL): UserSearch {
  return UserSearchParams.parse(Object.fromEntries(url.searchParams));
}

export type UserRow = {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  banned: boolean;
  banExpires: Date | null;
};

export type UserPage = {
  users: UserRow[];
  /** Cursor for the next page (the last row's email), or null on the last page. */
  nextCursor: string | null;
  /** Cursor for the previous page (the first row's email), or null on the first page. */
  previousCursor: string | null;
};

/** A ban counts until it expires; better-auth lifts an expired one at the next sign-in. */
export function isBanActive(user: { banned: boolean | null; banExpires: Date | null }, now = new Date()): boolean {
  return Boolean(user.banned) && (!user.banExpires || user.banExpires > now);
}

type Direction = "asc" | "desc";
type Window = { q?: string; cursor?: string; direction: Direction };

const SELECT = { id: true, name: true, email: true, createdAt: true, banned: true, banExpires: true } as const;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * SQLite: a search reads the whole table once and sorts the matches (about 20 ms for 100,000
 * users). Left to itself SQLite walks the email index to skip the sort and looks up every
 * row on the way, several times slower, hence NOT INDEXED; raw SQL also gives LIKE the
 * ESCAPE clause that Prisma's `contains` lacks.
 */
async function sqliteSearch(db: TenantDb, { q, cursor, direction }: Window & { q: string }, count: number) {
  const pattern = likePattern(q);
  const from = cursor
    ? direction === "asc"
      ? Prisma.sql`AND "email" > ${cursor}`
      : Prisma.sql`AND "email" < ${cursor}`
    : Prisma.empty;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "user" NOT INDEXED
    WHERE ("email" LIKE ${pattern} ESCAPE '\\' OR "name" LIKE ${pattern} ESCAPE '\\') ${from}
    ORDER BY "email" ${Prisma.raw(direction === "asc" ? "ASC" : "DESC")}
    LIMIT ${count}`;
  const rows = await db.user.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: SELECT });
  return rows.sort((a, b) => (a.email < b.email ? -1 : 1) * (direction === "asc" ? 1 : -1));
}

/**
 * PostgreSQL: ILIKE through Prisma (mode "insensitive", absent from the SQLite client's
 * types, hence the cast). Prisma does not escape `%` and `_`, so the database returns a
 * superset that is narrowed here, reading further until a page is full.
 */
async function postgresSearch(db: TenantDb, { q, cursor, direction }: Window & { q: string }, count: number) {
  const contains = { contains: q, mode: "insensitive" } as unknown as { contains: string };
  const needle = q.toLowerCase();
  const found = [];
  let from = cursor;
  for (;;) {
    const rows = await db.user.findMany({
      where: {
        OR: [{ email: contains }, { name: contains }],
        ...(from ? { email: direction === "asc" ? { gt: from } : { lt: from } } : {}),
      },
      orderBy: { email: direction },
      take: count,
      select: SELECT,
    });
    found.push(
      ...rows.filter((row) => row.email.toLowerCase().includes(needle) || row.name.toLowerCase().includes(needle)),
    );
    if (rows.length < count || found.length >= count) return found.slice(0, count);
    from = rows.at(-1)!.email;
  }
}

/** Up to `count` users in email order from the cursor on, matching `q` when given. */
async function usersFrom(db: TenantDb, { q, cursor, direction }: Window, count: number) {
  if (q) {
    const search = tenantDbProvider(db) === "sqlite" ? sqliteSearch : postgresSearch;
    return search(db, { q, cursor, direction }, count);
  }
  return db.user.findMany({
    where: cursor ? { email: direction === "asc" ? { gt: cursor } : { lt: cursor } } : {},
    orderBy: { email: direction },
    take: count,
    select: SELECT,
  });
}

export async function searchUsers(
  db: TenantDb,
  { q, after, before }: UserSearch,
  limit = USERS_PAGE_SIZE,
): Promise<UserPage> {
  const backwards = Boolean(before) && !after;
  // One extra row tells whether there is another page in that direction.
  const rows = await usersFrom(
    db,
    { q, cursor: backwards ? before : after, direction: backwards ? "desc" : "asc" },
    limit + 1,
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const users = page.map((row) => ({ ...row, banned: isBanActive(row) }));
  const first = users[0]?.email ?? null;
  const last = users.at(-1)?.email ?? null;
  return {
    users,
    nextCursor: backwards || more ? last : null,
    previousCursor: backwards ? (more ? first : null) : after ? first : null,
  };
}

/** All users of the tenant (counted from an index on both providers). */
export async function countUsers(db: TenantDb): Promise<number> {
  return db.user.count();
}
