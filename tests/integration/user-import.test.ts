import { argon2id, bcrypt, scrypt } from "hash-wasm";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * Migrating users with the password hashes of another system: hashes made here with
 * hash-wasm the way bcrypt, argon2 and scrypt libraries make them, imported through the API,
 * then the original passwords sign in through the tenant's hosted sign-in API.
 */
let h: Harness;
let tenant: Tenant;
let key: string;

beforeAll(async () => {
  h = await startHarness("user-import");
  tenant = await h.createTenant("migrated");
  key = (await h.createKey(tenant, ["users:read", "users:write"])).key;
}, 120_000);
afterAll(async () => h?.close());

const bcryptHash = (password: string, prefix = "$2b$") =>
  bcrypt({ password, salt: randomBytes(16), costFactor: 4, outputType: "encoded" }).then((hash) =>
    hash.replace(/^\$2[abxy]\$/, prefix),
  );
const argon2Hash = (password: string) =>
  argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 2,
    memorySize: 512,
    hashLength: 32,
    outputType: "encoded",
  });
async function scryptHash(password: string) {
  const salt = randomBytes(16);
  const key = await scrypt({
    password,
    salt,
    costFactor: 2 ** 10,
    blockSize: 8,
    parallelism: 1,
    hashLength: 32,
    outputType: "binary",
  });
  return `$scrypt$ln=10,r=8,p=1$${salt.toString("base64")}$${Buffer.from(key).toString("base64")}`;
}

async function credentialHash(email: string): Promise<string | null> {
  const { getPortico } = await import("~/context.server");
  const live = await getPortico().registry.resolve({ id: tenant.id });
  if (live.status !== "ok") throw new Error("tenant not ready");
  const account = await live.db.account.findFirst({
    where: { user: { email }, providerId: "credential" },
    select: { password: true },
  });
  return account?.password ?? null;
}

describe("user import", () => {
  it("imports bcrypt, argon2 and scrypt hashes so the original passwords sign in, refusing bad rows with reasons", async () => {
    await h.api(key, "POST", "/users", { email: "existing@example.com", name: "Existing" });
    const rows = [
      {
        email: "bcrypt@example.com",
        name: "B Crypt",
        passwordHash: await bcryptHash("bcrypt-password-1"),
        externalId: "legacy-1",
      },
      { email: "bcrypt-y@example.com", name: "B Y", passwordHash: await bcryptHash("bcrypt-password-2", "$2y$") },
      {
        email: "argon@example.com",
        name: "Argon",
        passwordHash: await argon2Hash("argon-password-3"),
        emailVerified: true,
      },
      {
        email: "scrypt@example.com",
        name: "S Crypt",
        passwordHash: await scryptHash("scrypt-password-4"),
        publicMetadata: { plan: "legacy" },
      },
      { email: "nopassword@example.com", name: "No Password", username: "NoPass" },
      { email: "existing@example.com", name: "Dup", passwordHash: await bcryptHash("whatever-pass-5") },
      { email: "twice@example.com", name: "Twice 1" },
      { email: "twice@example.com", name: "Twice 2" },
      { email: "not an email", name: "Invalid" },
      { email: "md5@example.com", name: "MD5", passwordHash: "md5$5f4dcc3b5aa765d61d8327deb882cf99" },
      { email: "extra@example.com", name: "Extra", role: "admin" },
      { email: "external@example.com", name: "External", externalId: "legacy-1" },
    ];
    const answer = await h.api(key, "POST", "/users/import", rows);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.imported.map((row: { index: number }) => row.index)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(answer.body.refused).toEqual([
      {
        index: 5,
        email: "existing@example.com",
        code: "duplicate_email",
        field: "email",
        message: "A user with this email already exists.",
      },
      {
        index: 7,
        email: "twice@example.com",
        code: "duplicate_email",
        field: "email",
        message: "Another row of this import has the same email.",
      },
      {
        index: 8,
        email: "not an email",
        code: "invalid",
        field: "email",
        message: "Enter a valid email address, like name@example.com.",
      },
      {
        index: 9,
        email: "md5@example.com",
        code: "invalid",
        field: "passwordHash",
        message: expect.stringContaining("Unsupported password hash"),
      },
      {
        index: 10,
        email: "extra@example.com",
        code: "invalid",
        field: "role",
        message: "This field is not accepted here.",
      },
      {
        index: 11,
        email: "external@example.com",
        code: "duplicate_external_id",
        field: "externalId",
        message: "Another row of this import has the same externalId.",
      },
    ]);
    // Refused rows left nothing behind.
    for (const email of ["md5@example.com", "extra@example.com", "external@example.com"]) {
      expect((await h.api(key, "GET", `/users?q=${email}`)).body.data).toEqual([]);
    }
    const imported = await h.api(key, "GET", "/users?q=scrypt@");
    expect(imported.body.data[0]).toMatchObject({ email: "scrypt@example.com", publicMetadata: { plan: "legacy" } });
    expect((await h.api(key, "GET", "/users?q=nopass")).body.data[0]).toMatchObject({ username: "nopass" });

    for (const [email, password] of [
      ["bcrypt@example.com", "bcrypt-password-1"],
      ["bcrypt-y@example.com", "bcrypt-password-2"],
      ["argon@example.com", "argon-password-3"],
      ["scrypt@example.com", "scrypt-password-4"],
    ]) {
      expect((await h.signIn("migrated", email!, `${password}-wrong`)).status, email).toBe(401);
      expect(await credentialHash(email!)).toMatch(/^\$/);
      const signedIn = await h.signIn("migrated", email!, password!);
      expect(signedIn.status, email).toBe(200);
      // Upgraded to better-auth's own format on that sign-in; the password still works.
      expect(await credentialHash(email!)).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
      expect((await h.signIn("migrated", email!, password!)).status, email).toBe(200);
    }
  });

  it("accepts NDJSON, replays an idempotent import, and refuses oversized batches whole", async () => {
    const ndjson = [
      JSON.stringify({ email: "nd1@example.com", name: "ND 1", passwordHash: await bcryptHash("nd-password-1") }),
      "",
      JSON.stringify({ email: "nd2@example.com" }),
    ].join("\n");
    const headers = { "content-type": "application/x-ndjson", "idempotency-key": "import-nd-1" };
    const first = await h.api(key, "POST", "/users/import", ndjson, headers);
    expect(first.status, first.text).toBe(200);
    expect(first.body.imported).toHaveLength(2);
    const replayed = await h.api(key, "POST", "/users/import", ndjson, headers);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.body).toEqual(first.body);
    expect((await h.signIn("migrated", "nd1@example.com", "nd-password-1")).status).toBe(200);

    const badLine = await h.api(key, "POST", "/users/import", '{"email":"x@example.com"}\n{oops', {
      "content-type": "application/x-ndjson",
    });
    expect(badLine.status).toBe(400);
    expect(badLine.body.error.message).toBe("Line 2 is not valid JSON.");

    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ email: `many${i}@example.com` }));
    const refused = await h.api(key, "POST", "/users/import", tooMany);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe("Send at most 10,000 users per call.");
    expect((await h.api(key, "GET", "/users?q=many0@")).body.data).toEqual([]);
    expect((await h.api(key, "POST", "/users/import", { email: "x@example.com" })).status).toBe(422);
  });
});

describe("user export", () => {
  it("streams every user as JSON and as CSV with formula cells defused", async () => {
    await h.api(key, "POST", "/users", {
      email: "formula@example.com",
      name: '=HYPERLINK("http://evil.test","click")',
    });
    const { getPortico } = await import("~/context.server");
    const live = await getPortico().registry.resolve({ id: tenant.id });
    if (live.status !== "ok") throw new Error("tenant not ready");
    const count = await live.db.user.count();

    const json = await h.api(key, "GET", "/users/export?format=json");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toMatch(
      /attachment; filename="migrated-users-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(json.body).toHaveLength(count);
    expect(json.text).not.toMatch(/passwordHash|\$2b\$|scrypt\$/);

    const csv = await h.api(key, "GET", "/users/export?format=csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,email,name,emailVerified,username,externalId,banned,createdAt,updatedAt,publicMetadata,privateMetadata",
    );
    expect(lines).toHaveLength(count + 1);
    const formula = lines.find((line) => line.includes("formula@example.com"))!;
    expect(formula).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect((await h.api(key, "GET", "/users/export?format=xml")).body.error.details[0].field).toBe("query.format");
  });
});
