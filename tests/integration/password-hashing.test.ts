import { hashPassword, verifyPassword } from "better-auth/crypto";
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { PasswordHashingBusyError, PasswordHashPool } from "~/auth/password-hashing/pool.server";

const pools: PasswordHashPool[] = [];
function pool(threads: number, queueLimit: number) {
  const created = new PasswordHashPool({ threads, queueLimit });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** The nice values of this process's threads (Linux /proc), by thread id. */
function threadNiceness(): number[] {
  return readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // Fields after the command's closing parenthesis; nice is field 19 of the line.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

describe("password hashing pool", () => {
  it("makes better-auth's own hashes, so existing passwords keep verifying both ways", async () => {
    const hashes = pool(2, 8);
    const ours = await hashes.hash("correct-horse-battery");
    expect(ours).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword({ hash: ours, password: "correct-horse-battery" })).toBe(true);

    const theirs = await hashPassword("ünïcödé-pässwörd");
    expect(await hashes.verify(theirs, "ünïcödé-pässwörd")).toBe(true);
    // NFKC: the composed and decomposed spellings of a password are the same password.
    expect(await hashes.verify(theirs, "ünïcödé-pässwörd".normalize("NFD"))).toBe(true);
    expect(await hashes.verify(theirs, "unicode-passwort")).toBe(false);
    await expect(hashes.verify("not-a-hash", "x")).rejects.toThrow("Invalid password hash");
  });

  it("refuses at once, with a retry delay, what would wait beyond its queue", async () => {
    const hashes = pool(1, 1);
    const results = await Promise.allSettled(Array.from({ length: 4 }, (_, i) => hashes.hash(`password-${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(error).toBeInstanceOf(PasswordHashingBusyError);
      expect((error as PasswordHashingBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(hashes.stats()).toEqual({ queued: 0, running: 0, rejected: 2 });
    // Once the flood has passed, hashing works again.
    expect(await hashes.verify(await hashes.hash("later"), "later")).toBe(true);
  });

  it("hashes on threads at the lowest CPU priority", async () => {
    const hashes = pool(2, 4);
    expect(threadNiceness().filter((nice) => nice === 19)).toHaveLength(0);
    await Promise.all([hashes.hash("a"), hashes.hash("b")]);
    expect(threadNiceness().filter((nice) => nice === 19).length).toBeGreaterThanOrEqual(2);
  });
});
