import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleAccess } from "~/admin/access.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { handleUserListAction } from "~/users/list-actions.server";
import { handleUserAction } from "~/users/user-actions.server";
import { consoleAdmin, startHarness, type ApiAnswer, type Harness } from "./management-api-harness";

/**
 * Issue 14 item 7 for the user family: the same operation through the console's forms and
 * through /api/v1 leaves the user in the same state and writes the same audit entry (which
 * is also what webhooks receive). Each row starts from two identical users, one per surface.
 */
let h: Harness;
let acme: Tenant;
let key: string;
let access: ConsoleAccess;
const PASSWORD = "correct-horse-battery";
let counter = 0;

async function live() {
  const { getPortico } = await import("~/context.server");
  const resolved = await getPortico().registry.resolve({ id: acme.id });
  if (resolved.status !== "ok") throw new Error(`tenant is ${resolved.status}`);
  return resolved;
}

type User = { id: string; email: string };

/** What a person would check after the change: the user as the API shows it, and what they hold. */
async function stateOf(user: User) {
  const answer = await h.api(key, "GET", `/users/${user.id}`);
  if (answer.status === 404) return { exists: false };
  const { db } = await live();
  const { name, emailVerified, banned, banReason, twoFactorEnabled, publicMetadata, privateMetadata } = answer.body;
  return {
    exists: true,
    name,
    emailVerified,
    banned,
    banReason,
    twoFactorEnabled,
    publicMetadata,
    privateMetadata,
    sessions: await db.session.count({ where: { userId: user.id } }),
    passkeys: await db.passkey.count({ where: { userId: user.id } }),
    totpSecrets: await db.twoFactor.count({ where: { userId: user.id } }),
  };
}

async function lastAuditOf(user: User) {
  const { getPortico } = await import("~/context.server");
  const [entry] = (await getPortico().audit.list({ tenantId: acme.id, type: "admin.", limit: 200 })).filter(
    (event) => event.targetId === user.id,
  );
  const fields = entry?.data.fields as string[] | undefined;
  return { type: entry?.type, fields: fields ? [...fields].sort() : undefined };
}

async function newUser(tag: string, verified: boolean): Promise<User> {
  const email = `${tag}-${++counter}@example.com`;
  const created = await h.api(key, "POST", "/users", {
    email,
    name: "Same Name",
    password: PASSWORD,
    emailVerified: verified,
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function withSession(user: User) {
  expect((await h.signIn("acme", user.email, PASSWORD)).token).toBeTruthy();
}

async function withSecondFactors(user: User) {
  await withSession(user);
  const { db } = await live();
  await db.twoFactor.create({ data: { id: randomUUID(), secret: "sealed", backupCodes: "sealed", userId: user.id } });
  await db.user.update({ where: { id: user.id }, data: { twoFactorEnabled: true } });
  for (const name of ["Laptop", "Phone"])
    await db.passkey.create({
      data: {
        id: randomUUID(),
        name,
        userId: user.id,
        publicKey: "pk",
        credentialID: randomUUID(),
        counter: 0,
        deviceType: "multiDevice",
        backedUp: true,
      },
    });
}

/** The id of the "Laptop" passkey withSecondFactors gave the user. */
async function laptopOf(user: User): Promise<string> {
  const { db } = await live();
  return (await db.passkey.findFirstOrThrow({ where: { userId: user.id, name: "Laptop" } })).id;
}

function formPost(path: string, fields: Record<string, string>) {
  return new Request(`${h.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "parity-test" },
    body: new URLSearchParams(fields),
  });
}

/** The user page's form, or (`list: true`) the user list's bulk form, as a browser posts it. */
async function consolePost(user: User, fields: Record<string, string>, list = false) {
  const result = list
    ? await handleUserListAction(access, formPost("/admin/acme/users", { ...fields, userId: user.id }))
    : await handleUserAction(access, formPost(`/admin/acme/users/${user.id}`, fields), user.id);
  // Success is a redirect with a toast; a refusal would be the form's errors.
  expect(result instanceof Response ? result.status : JSON.stringify(result)).toBe(302);
}

type Row = {
  operation: string;
  verified?: boolean;
  seed?: (user: User) => Promise<void>;
  console: (user: User) => Promise<void>;
  api: (user: User) => Promise<ApiAnswer>;
  expected: Record<string, unknown>;
  audit: string;
};

const moved = (user: User) => user.email.replace("@", ".moved@");

const ROWS: Row[] = [
  {
    operation: "edit name, email and metadata",
    verified: true,
    console: (user) =>
      consolePost(user, {
        intent: "update-profile",
        name: "New Name",
        email: moved(user),
        publicMetadata: '{ "plan": "pro" }',
        privateMetadata: '{"crm": 42}',
      }),
    api: (user) =>
      h.api(key, "PATCH", `/users/${user.id}`, {
        name: "New Name",
        email: moved(user),
        publicMetadata: { plan: "pro" },
        privateMetadata: { crm: 42 },
      }),
    expected: { name: "New Name", emailVerified: false, publicMetadata: { plan: "pro" }, privateMetadata: { crm: 42 } },
    audit: "admin.user.updated",
  },
  {
    operation: "mark the email verified",
    verified: false,
    console: (user) => consolePost(user, { intent: "verify-email" }),
    api: (user) => h.api(key, "PATCH", `/users/${user.id}`, { emailVerified: true }),
    expected: { emailVerified: true },
    audit: "admin.user.updated",
  },
  {
    operation: "reset two-factor",
    seed: withSecondFactors,
    console: (user) => consolePost(user, { intent: "reset-two-factor" }),
    api: (user) => h.api(key, "POST", `/users/${user.id}/two-factor/reset`),
    expected: { twoFactorEnabled: false, totpSecrets: 0, sessions: 0, passkeys: 2 },
    audit: "admin.user.two_factor_reset",
  },
  {
    operation: "remove passkeys",
    seed: withSecondFactors,
    console: (user) => consolePost(user, { intent: "remove-passkeys" }),
    api: (user) => h.api(key, "DELETE", `/users/${user.id}/passkeys`),
    expected: { passkeys: 0, sessions: 0, twoFactorEnabled: true, totpSecrets: 1 },
    audit: "admin.user.passkeys_removed",
  },
  {
    operation: "remove one passkey",
    seed: withSecondFactors,
    console: async (user) => consolePost(user, { intent: "remove-passkeys", passkeyId: await laptopOf(user) }),
    api: async (user) => h.api(key, "DELETE", `/users/${user.id}/passkeys/${await laptopOf(user)}`),
    expected: { passkeys: 1, sessions: 0, twoFactorEnabled: true },
    audit: "admin.user.passkeys_removed",
  },
  {
    operation: "ban",
    seed: withSession,
    console: (user) => consolePost(user, { intent: "ban", reason: "Chargeback", duration: "permanent" }),
    api: (user) => h.api(key, "POST", `/users/${user.id}/ban`, { reason: "Chargeback" }),
    expected: { banned: true, banReason: "Chargeback", sessions: 0 },
    audit: "admin.user.banned",
  },
  {
    operation: "bulk ban from the list",
    seed: withSession,
    console: (user) => consolePost(user, { intent: "bulk", bulkAction: "ban", confirmed: "yes" }, true),
    api: (user) => h.api(key, "POST", `/users/${user.id}/ban`, {}),
    expected: { banned: true, banReason: null, sessions: 0 },
    audit: "admin.user.banned",
  },
  {
    operation: "revoke all sessions",
    seed: withSession,
    console: (user) => consolePost(user, { intent: "revoke-all-sessions" }),
    api: (user) => h.api(key, "DELETE", `/users/${user.id}/sessions`),
    expected: { sessions: 0, banned: false },
    audit: "admin.user.sessions_revoked",
  },
  {
    operation: "bulk sign-out from the list",
    seed: withSession,
    console: (user) => consolePost(user, { intent: "bulk", bulkAction: "revoke-sessions", confirmed: "yes" }, true),
    api: (user) => h.api(key, "DELETE", `/users/${user.id}/sessions`),
    expected: { sessions: 0, banned: false },
    audit: "admin.user.sessions_revoked",
  },
  {
    operation: "delete",
    console: (user) => consolePost(user, { intent: "delete", confirm: user.email }),
    api: (user) => h.api(key, "DELETE", `/users/${user.id}`),
    expected: { exists: false },
    audit: "admin.user.deleted",
  },
  {
    operation: "bulk delete from the list",
    console: (user) => consolePost(user, { intent: "bulk", bulkAction: "delete", confirmed: "yes" }, true),
    api: (user) => h.api(key, "DELETE", `/users/${user.id}`),
    expected: { exists: false },
    audit: "admin.user.deleted",
  },
];

beforeAll(async () => {
  h = await startHarness("user-surfaces");
  acme = await h.createTenant("acme");
  key = (await h.createKey(acme, ["users:read", "users:write", "sessions:write"])).key;
  access = consoleAdmin(acme);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("the console and /api/v1 give the same result", () => {
  it.each(ROWS)("$operation", async (row) => {
    const [viaConsole, viaApi] = [
      await newUser("console", row.verified ?? true),
      await newUser("api", row.verified ?? true),
    ];
    for (const user of [viaConsole, viaApi]) await row.seed?.(user);
    expect(await stateOf(viaConsole)).toEqual(await stateOf(viaApi));

    await row.console(viaConsole);
    const answer = await row.api(viaApi);
    expect(answer.status, answer.text).toBeLessThan(300);

    const [consoleState, apiState] = [await stateOf(viaConsole), await stateOf(viaApi)];
    expect(consoleState).toEqual(apiState);
    expect(consoleState).toMatchObject(row.expected);
    const [consoleAudit, apiAudit] = [await lastAuditOf(viaConsole), await lastAuditOf(viaApi)];
    expect(consoleAudit).toEqual(apiAudit);
    expect(consoleAudit.type).toBe(row.audit);
  });
});

describe("creating a user", () => {
  it("gives the same user and audit entry from the console's form and from POST /users", async () => {
    const emails = [`created-console-${++counter}@example.com`, `created-api-${++counter}@example.com`];
    const form = new URLSearchParams({
      intent: "create-user",
      name: "New Person",
      email: emails[0]!,
      password: PASSWORD,
    });
    const created = await handleUserListAction(
      access,
      new Request(`${h.baseUrl}/admin/acme/users`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      }),
    );
    expect(created instanceof Response ? created.status : JSON.stringify(created)).toBe(302);
    const viaApi = await h.api(key, "POST", "/users", { name: "New Person", email: emails[1], password: PASSWORD });
    expect(viaApi.status).toBe(201);
    const listed = await h.api(key, "GET", "/users?q=created-");
    const [consoleUser, apiUser] = emails.map((email) => listed.body.data.find((user: User) => user.email === email));
    expect(await stateOf(consoleUser)).toEqual(await stateOf(apiUser));
    expect(await lastAuditOf(consoleUser)).toEqual({ type: "admin.user.created", fields: undefined });
    expect(await lastAuditOf(apiUser)).toEqual({ type: "admin.user.created", fields: undefined });
    for (const email of emails) expect((await h.signIn("acme", email, PASSWORD)).token).toBeTruthy();

    const refused = answerOf(
      await handleUserListAction(
        access,
        new Request(`${h.baseUrl}/admin/acme/users`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ intent: "create-user", name: "Twin", email: emails[1]!, password: "short" }),
        }),
      ),
    );
    expect(refused).toMatchObject({ status: 400, data: { errors: { password: "Use at least 8 characters." } } });
    const taken = await h.api(key, "POST", "/users", { name: "Twin", email: emails[0], password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ field: "email", message: "A user with this email already exists." }]);
  });
});

/** A console answer that is not a redirect: the action's data and its status. */
function answerOf(result: unknown) {
  const { data, init } = result as { data: Record<string, unknown>; init: { status?: number } | null };
  return { data, status: init?.status ?? 200 };
}

describe("the console's own checks", () => {
  it("asks to confirm a bulk action naming the count, changes nothing until then, and refuses over 100 users", async () => {
    const users = [await newUser("bulk", true), await newUser("bulk", true), await newUser("bulk", true)];
    const ask = (ids: string[], fields: Record<string, string> = {}) => {
      const body = new URLSearchParams({ intent: "bulk", bulkAction: "ban", ...fields });
      for (const id of ids) body.append("userId", id);
      return handleUserListAction(
        access,
        new Request(`${h.baseUrl}/admin/acme/users`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
    };
    const confirmation = answerOf(await ask(users.map((user) => user.id)));
    expect(confirmation.data).toMatchObject({ ok: true, confirm: { action: "ban", verb: "Ban" } });
    expect((confirmation.data.confirm as { users: User[] }).users.map((user) => user.id).sort()).toEqual(
      users.map((user) => user.id).sort(),
    );
    for (const user of users) expect(await stateOf(user)).toMatchObject({ banned: false });

    const done = await ask(
      users.map((user) => user.id),
      { confirmed: "yes" },
    );
    expect(done).toBeInstanceOf(Response);
    // The toast travels in a signed cookie: base64 JSON, then the signature.
    const toast = /portico-toast=([^.;]+)/.exec((done as Response).headers.get("set-cookie") ?? "")![1]!;
    expect(JSON.parse(Buffer.from(decodeURIComponent(toast), "base64").toString())).toMatchObject({
      __flash_toast__: { type: "success", message: "3 users banned." },
    });
    for (const user of users) expect(await stateOf(user)).toMatchObject({ banned: true });

    const tooMany = answerOf(
      await ask(
        Array.from({ length: 101 }, (_, i) => `id-${i}`),
        { confirmed: "yes" },
      ),
    );
    expect(tooMany).toEqual({
      status: 400,
      data: { intent: "bulk", ok: false, errors: { form: "Select at most 100 users at a time." } },
    });
  });

  it("names the problem in metadata JSON and keeps what was typed", async () => {
    const user = await newUser("json", true);
    const post = (fields: Record<string, string>) =>
      handleUserAction(
        access,
        formPost(`/admin/acme/users/${user.id}`, {
          intent: "update-profile",
          name: "Same Name",
          email: user.email,
          emailVerified: "on",
          privateMetadata: "{}",
          ...fields,
        }),
        user.id,
      );
    const broken = answerOf(await post({ publicMetadata: '{"plan": pro}' }));
    expect(broken.status).toBe(400);
    expect(broken.data.errors).toEqual({
      publicMetadata: expect.stringMatching(/^Public metadata is not valid JSON: .+/),
    });
    expect(broken.data.values).toMatchObject({ publicMetadata: '{"plan": pro}' });
    const list = answerOf(await post({ publicMetadata: "[1, 2]" }));
    expect(list.data.errors).toEqual({
      publicMetadata: 'Public metadata must be a JSON object, like {"plan": "pro"}.',
    });
    const huge = answerOf(await post({ publicMetadata: JSON.stringify({ blob: "x".repeat(9000) }) }));
    expect(huge.data.errors).toEqual({
      publicMetadata: "Public metadata: Metadata must be at most 8192 bytes as JSON.",
    });
    expect(await stateOf(user)).toMatchObject({ publicMetadata: {}, name: "Same Name" });
  });
});
