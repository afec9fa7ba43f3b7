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

/**
 * Filters, combinable with each other and with the search: a ban in force; the email address
 * verified or not; two-factor on or off; a session started since a date (sessions end at
 * sign-out, revocation or expiry, so this reads "signed in since and not signed out since").
 */
export type UserFilters = {
  banned?: boolean;
  emailVerified?: boolean;
  twoFactorEnabled?: boolean;
  signedInSince?: Date;
};

const flag = z
  .enum(["true", "false"])
  .optional()
  .catch(undefined)
  .transform((value) => (value === undefined ? undefined : value === "true"));

/** The console's filters in the URL (the same names as /api/v1); a malformed one is ignored. */
const ConsoleFilterParams = {
  banned: flag,
  emailVerified: flag,
  twoFactorEnabled: flag,
  signedInSince: z.iso
    .date()
    .optional()
    .catch(undefined)
    .transform((day) => (day ? new Date(`${day}T00:00:00Z`) : undefined)),
};

export function hasFilters(filters: UserFilters): boolean {
  return [filters.banned, filters.emailVerified, filters.twoFactorEnabled, filters.signedInSince].some(
    (value) => value !== undefined,
  );
}

function filterWhere({ banned, emailVerified, twoFactorEnabled, signedInSince }: UserFilters, now = new Date()) {
  const banInForce = { banned: true, OR: [{ banExpires: null }, { banExpires: { gt: now } }] };
  const conditions: object[] = [];
  if (banned !== undefined) conditions.push(banned ? banInForce : { NOT: banInForce });
  if (emailVerified !== undefined) conditions.push({ emailVerified });
  if (twoFactorEnabled !== undefined)
    conditions.push(twoFactorEnabled ? { twoFactorEnabled: true } : { NOT: { twoFactorEnabled: true } });
  if (signedInSince)
    conditions.push({ sessions: { some: { createdAt: { gte: signedInSince }, impersonatedBy: null } } });
  return conditions;
}

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
  ...ConsoleFilterParams,
});
export type UserSearch = { q?: string; after?: string; before?: string } & UserFilters;

export function parseUserSearch(url: URL): UserSearch {
  return UserSearchParams.parse(Object.fromEntries(url.searchParams));
}

/** What a directory row holds: enough for the console's list and for /api/v1's User. */
export const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  emailVerified: true,
  image: true,
  username: true,
  externalId: true,
  publicMetadata: true,
  privateMetadata: true,
  banned: true,
  banReason: true,
  banExpires: true,
  twoFactorEnabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** A user row as stored (before a ban is read as in force or not). */
export type StoredUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  image: string | null;
  username: string | null;
  externalId: string | null;
  publicMetadata: string | null;
  privateMetadata: string | null;
  banned: boolean | null;
  banReason: string | null;
  banExpires: Date | null;
  twoFactorEnabled: boolean | null;
  createdAt: Date;
  updatedAt: Date;
};
export type UserRow = StoredUser & { banned: boolean };

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
type Window = { q?: string; cursor?: string; direction: Direction; filters?: UserFilters };

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * SQLite: a search reads the whole table once and sorts the matches (about 20 ms for 100,000
 * users). Left to itself SQLite walks the email index to skip the sort and looks up every
 * row on the way, several times slower, hence NOT INDEXED; raw SQL also gives LIKE the
 * ESCAPE clause that Prisma's `contains` lacks.
 */
async function sqliteSearch(
  db: TenantDb,
  { q, cursor, direction }: Window & { q: string },
  count: number,
): Promise<StoredUser[]> {
  const pattern = likePattern(q);
  const from = cursor
    ? direction === "asc"
      ? Prisma.sql`AND "email" > ${cursor}`
      : Prisma.sql`AND "email" < ${cursor}`
    : Prisma.empty;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "user" NOT INDEXED
    WHERE ("email" LIKE ${pattern} ESCAPE '\\' OR "name" LIKE ${pattern} ESCAPE '\\' OR "username" LIKE ${pattern} ESCAPE '\\') ${from}
    ORDER BY "email" ${Prisma.raw(direction === "asc" ? "ASC" : "DESC")}
    LIMIT ${count}`;
  const rows = await db.user.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: USER_SELECT });
  return rows.sort((a, b) => (a.email < b.email ? -1 : 1) * (direction === "asc" ? 1 : -1));
}

/**
 * Through Prisma: PostgreSQL's searches (ILIKE, mode "insensitive", absent from the SQLite
 * client's types, hence the cast) and, on both providers, any listing with filters. Prisma does
 * not escape `%` and `_`, so the database may return a superset that is narrowed here, reading
 * further until a page is full.
 */
async function prismaSearch(db: TenantDb, { q, cursor, direction, filters = {} }: Window, count: number) {
  const insensitive = tenantDbProvider(db) === "postgresql" ? { mode: "insensitive" } : {};
  const contains = { contains: q, ...insensitive } as unknown as { contains: string };
  const needle = q?.toLowerCase();
  const matches = (row: StoredUser) =>
    !needle || [row.email, row.name, row.username ?? ""].some((value) => value.toLowerCase().includes(needle));
  const found: StoredUser[] = [];
  let from = cursor;
  for (;;) {
    const rows = await db.user.findMany({
      where: {
        AND: [
          ...filterWhere(filters),
          ...(q ? [{ OR: [{ email: contains }, { name: contains }, { username: contains }] }] : []),
          ...(from ? [{ email: direction === "asc" ? { gt: from } : { lt: from } }] : []),
        ],
      },
      orderBy: { email: direction },
      take: count,
      select: USER_SELECT,
    });
    found.push(...rows.filter(matches));
    if (rows.length < count || found.length >= count) return found.slice(0, count);
    from = rows.at(-1)!.email;
  }
}

/** Up to `count` users in email order from the cursor on, matching `q` and the filters when given. */
export async function usersFrom(db: TenantDb, window: Window, count: number): Promise<StoredUser[]> {
  const { q, cursor, direction } = window;
  if (q && tenantDbProvider(db) === "sqlite" && !hasFilters(window.filters ?? {}))
    return sqliteSearch(db, { q, cursor, direction }, count);
  if (q || hasFilters(window.filters ?? {})) return prismaSearch(db, window, count);
  return db.user.findMany({
    where: cursor ? { email: direction === "asc" ? { gt: cursor } : { lt: cursor } } : {},
    orderBy: { email: direction },
    take: count,
    select: USER_SELECT,
  });
}

export async function searchUsers(
  db: TenantDb,
  { q, after, before, ...filters }: UserSearch,
  limit = USERS_PAGE_SIZE,
): Promise<UserPage> {
  const backwards = Boolean(before) && !after;
  // One extra row tells whether there is another page in that direction.
  const rows = await usersFrom(
    db,
    { q, filters, cursor: backwards ? before : after, direction: backwards ? "desc" : "asc" },
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
