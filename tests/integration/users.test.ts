import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantDbProvider, type TenantDb } from "~/db/clients.server";
import type { TenantConnection } from "~/db/storage.server";
import type { Provider } from "~/db/paths.server";
import { TenantService } from "~/tenancy/tenants.server";
import {
  countUsers,
  parseUserSearch,
  searchUsers,
  USERS_PAGE_SIZE,
  type UserPage,
  type UserSearch,
} from "~/users/search.server";
import { createTestStorage, testProviders, type TestStorage } from "../support/storage";

const SECRET = "users-test-deployment-secret".padEnd(48, "z");

/** 60 ordinary users plus a few whose names and emails hold LIKE wildcards and mixed case. */
const USERS = [
  ...Array.from({ length: 60 }, (_, i) => {
    const n = String(i).padStart(2, "0");
    return { id: `user-${n}`, name: `Person ${n}${i % 3 === 0 ? " Lovelace" : ""}`, email: `person${n}@example.com` };
  }),
  { id: "wild-1", name: "Under_Score", email: "a_b@wild.test" },
  { id: "wild-2", name: "Plain Axb", email: "axb@wild.test" },
  { id: "wild-3", name: "Hundred 100% Sure", email: "percent@wild.test" },
  { id: "case-1", name: "ÅSA Grace HOPPER", email: "grace@navy.test" },
];
const EMAILS = USERS.map((user) => user.email).sort();

describe.each(testProviders())("user search on %s", (provider: Provider) => {
  let test: TestStorage;
  let connection: TenantConnection;
  let db: TenantDb;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    const tenant = await new TenantService(test.storage, SECRET).create({ slug: "users-test", name: "Users test" });
    connection = await test.storage.openTenantDatabase(tenant.id);
    db = connection.db;
    await db.user.createMany({
      data: USERS.map((user, i) => ({ ...user, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)) })),
    });
    await db.user.update({ where: { id: "user-01" }, data: { banned: true, banReason: "spam" } });
    await db.user.update({
      where: { id: "user-02" },
      data: { banned: true, banExpires: new Date(Date.now() - 60_000) },
    });
    await db.user.update({
      where: { id: "user-03" },
      data: { banned: true, banExpires: new Date(Date.now() + 60 * 60_000) },
    });
  });

  afterAll(async () => {
    await connection?.close();
    await test?.cleanup();
  });

  const emailsOf = (page: UserPage) => page.users.map((user) => user.email);

  async function walk(search: Omit<UserSearch, "after" | "before">) {
    const pages: UserPage[] = [];
    let after: string | undefined;
    do {
      const page = await searchUsers(db, { ...search, after });
      pages.push(page);
      after = page.nextCursor ?? undefined;
    } while (after && pages.length < 20);
    return pages;
  }

  it("knows which database it talks to", () => {
    expect(tenantDbProvider(db)).toBe(provider);
  });

  it("counts every user", async () => {
    expect(await countUsers(db)).toBe(USERS.length);
  });

  it("lists the first page in email order, with a next cursor and no previous one", async () => {
    const page = await searchUsers(db, {});
    expect(emailsOf(page)).toEqual(EMAILS.slice(0, USERS_PAGE_SIZE));
    expect(page.nextCursor).toBe(EMAILS[USERS_PAGE_SIZE - 1]);
    expect(page.previousCursor).toBeNull();
  });

  it("walks forward through every user exactly once, and the last page has no next cursor", async () => {
    const pages = await walk({});
    expect(pages.map((page) => page.users.length)).toEqual([25, 25, 14]);
    expect(pages.flatMap(emailsOf)).toEqual(EMAILS);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages[1]!.previousCursor).toBe(EMAILS[USERS_PAGE_SIZE]);
  });

  it("walks back with the before cursor to the same pages, ending on the first page", async () => {
    const [first, second, third] = await walk({});
    const backToSecond = await searchUsers(db, { before: third!.previousCursor! });
    expect(emailsOf(backToSecond)).toEqual(emailsOf(second!));
    expect(backToSecond.nextCursor).toBe(second!.nextCursor);
    const backToFirst = await searchUsers(db, { before: backToSecond.previousCursor! });
    expect(emailsOf(backToFirst)).toEqual(emailsOf(first!));
    expect(backToFirst.previousCursor).toBeNull();
  });

  it("finds users by a fragment of their email, ignoring case", async () => {
    expect(emailsOf(await searchUsers(db, { q: "PERSON07@" }))).toEqual(["person07@example.com"]);
    expect(emailsOf(await searchUsers(db, { q: "navy.TEST" }))).toEqual(["grace@navy.test"]);
  });

  it("finds users by a fragment of their name, ignoring case", async () => {
    expect(emailsOf(await searchUsers(db, { q: "grace hopper" }))).toEqual(["grace@navy.test"]);
    const lovelaces = await walk({ q: "LOVELACE" });
    expect(lovelaces.flatMap(emailsOf)).toEqual(
      USERS.filter((user) => user.name.includes("Lovelace"))
        .map((user) => user.email)
        .sort(),
    );
  });

  it("pages through search results with the same cursors", async () => {
    const pages = await walk({ q: "example.com" });
    expect(pages.map((page) => page.users.length)).toEqual([25, 25, 10]);
    expect(pages.flatMap(emailsOf)).toEqual(EMAILS.filter((email) => email.endsWith("@example.com")));
    const back = await searchUsers(db, { q: "example.com", before: pages[2]!.previousCursor! });
    expect(emailsOf(back)).toEqual(emailsOf(pages[1]!));
  });

  it("treats % and _ as ordinary characters, not LIKE wildcards", async () => {
    expect(emailsOf(await searchUsers(db, { q: "a_b" }))).toEqual(["a_b@wild.test"]);
    expect(emailsOf(await searchUsers(db, { q: "%" }))).toEqual(["percent@wild.test"]);
    expect(emailsOf(await searchUsers(db, { q: "_" }))).toEqual(["a_b@wild.test"]);
    expect(emailsOf(await searchUsers(db, { q: "\\" }))).toEqual([]);
  });

  it("answers an empty page when nothing matches", async () => {
    const page = await searchUsers(db, { q: "nobody-has-this" });
    expect(page).toEqual({ users: [], nextCursor: null, previousCursor: null });
  });

  it("filters by a ban in force, alone or with the search, paging both ways", async () => {
    expect(emailsOf(await searchUsers(db, { banned: true }))).toEqual(["person01@example.com", "person03@example.com"]);
    const notBanned = await searchUsers(db, { q: "person0", banned: false }, 3);
    expect(emailsOf(notBanned)).toEqual(["person00@example.com", "person02@example.com", "person04@example.com"]);
    const next = await searchUsers(db, { q: "person0", banned: false, after: notBanned.nextCursor! }, 3);
    expect(emailsOf(next)).toEqual(["person05@example.com", "person06@example.com", "person07@example.com"]);
    const back = await searchUsers(db, { q: "person0", banned: false, before: next.previousCursor! }, 3);
    expect(emailsOf(back)).toEqual(emailsOf(notBanned));
    expect(emailsOf(await searchUsers(db, { q: "a_b", emailVerified: false }))).toEqual(["a_b@wild.test"]);
  });

  it("marks only bans in force as banned", async () => {
    const page = await searchUsers(db, { q: "person0" });
    const banned = Object.fromEntries(page.users.map((user) => [user.id, user.banned]));
    expect(banned).toMatchObject({ "user-00": false, "user-01": true, "user-02": false, "user-03": true });
  });
});

describe("user search parameters", () => {
  const parse = (query: string) => parseUserSearch(new URL(`http://localhost/admin/x/users?${query}`));

  it("trims the query and drops an empty one", () => {
    expect(parse("q=%20%20ada%20")).toEqual({ q: "ada" });
    expect(parse("q=%20%20")).toEqual({});
  });

  it("ignores over-long values instead of failing the page", () => {
    expect(parse(`q=${"x".repeat(101)}&after=${"y".repeat(255)}`)).toEqual({});
  });

  it("reads the filters by their API names, ignoring a malformed one", () => {
    expect(parse("banned=true&emailVerified=false&twoFactorEnabled=maybe&signedInSince=2026-12-01")).toEqual({
      banned: true,
      emailVerified: false,
      signedInSince: new Date("2026-12-01T00:00:00Z"),
    });
    expect(parse("twoFactorEnabled=true&signedInSince=yesterday")).toEqual({ twoFactorEnabled: true });
  });

  it("keeps the cursors", () => {
    expect(parse("after=a%40b.c&before=d%40e.f")).toEqual({ after: "a@b.c", before: "d@e.f" });
  });
});
