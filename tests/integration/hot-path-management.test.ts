/**
 * Issue 17, item 1: get-session answers are cached for a second (app/sessions), yet what an
 * administrator changes through the management API (which writes some user fields with Prisma,
 * outside better-auth) shows on the very next get-session, and a ban ends the session at once.
 * The real auth API and management API routes on real storage.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./management-api-harness";

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness("hot-path-management");
  const tenant = await h.createTenant("acme");
  admin = (await h.createKey(tenant, ["users:read", "users:write"])).key;
}, 120_000);
afterAll(() => h?.close());

async function signedInUser(cookie: string): Promise<{ name: string } | null> {
  const response = await fetch(`${h.baseUrl}/t/acme/api/auth/get-session`, {
    headers: { cookie, "x-portico-client-ip": "10.0.0.1" },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { user: { name: string } } | null)?.user ?? null;
}

it("shows a name changed through the management API, and refuses a banned user, on the very next get-session", async () => {
  const created = await h.api(admin, "POST", "/users", {
    email: "ada@example.com",
    name: "Ada",
    password: "analytical-engine-1843",
  });
  expect(created.status).toBe(201);
  const { cookie } = await h.signIn("acme", "ada@example.com", "analytical-engine-1843");
  expect((await signedInUser(cookie))?.name).toBe("Ada");
  expect((await signedInUser(cookie))?.name).toBe("Ada");

  const renamed = await h.api(admin, "PATCH", `/users/${created.body.id}`, { name: "Ada Lovelace" });
  expect(renamed.status).toBe(200);
  expect((await signedInUser(cookie))?.name).toBe("Ada Lovelace");

  expect((await h.api(admin, "POST", `/users/${created.body.id}/ban`, { reason: "Testing" })).status).toBe(200);
  expect(await signedInUser(cookie)).toBeNull();
});
