import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PorticoClient } from "~/management-api/client/src/index";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type ApiAnswer, type Harness } from "./management-api-harness";

/**
 * SCIM 2.0 provisioning per organization, on real storage (SQLite, or PostgreSQL with
 * TEST_DATABASE_URL) over real HTTP, driven the way Entra ID's provisioning service drives it:
 * look a user up by userName, create, patch attributes with Entra's paths (and its "False"
 * strings), deactivate, reactivate, delete; groups; and the refusals a client can cause.
 */
let h: Harness;
let acme: Tenant;
let admin: string;
let contoso: { id: string; token: string };
let fabrikam: { id: string; token: string };
let otherTenantToken: string;

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

async function scim(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  options: { slug?: string; contentType?: string } = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${h.baseUrl}/t/${options.slug ?? "acme"}/api/scim/v2${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": options.contentType ?? "application/scim+json" }),
      "user-agent": "Azure AD SCIM Provisioning test",
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });

/** What Entra ID posts for a new user with its default attribute mappings. */
function entraUser(userName: string, externalId: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    externalId,
    userName,
    active: true,
    displayName: "Alice Adams",
    title: "Engineer",
    emails: [{ primary: true, type: "work", value: userName }],
    name: { formatted: "Alice Adams", familyName: "Adams", givenName: "Alice" },
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "R&D" },
    ...extra,
  };
}

function expectScimError(answer: ApiAnswer, status: number, scimType?: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toContain("application/scim+json");
  expect(answer.body).toMatchObject({ schemas: [ERROR], status: String(status) });
  expect(answer.body.detail).toEqual(expect.any(String));
  if (scimType) expect(answer.body.scimType).toBe(scimType);
  expect(answer.text).not.toMatch(/\n\s+at /);
}

async function liveDb() {
  const { getPortico } = await import("~/context.server");
  const live = await getPortico().registry.resolve({ id: acme.id });
  if (live.status !== "ok") throw new Error("acme is not live");
  return live.db;
}

async function auditTypes(actorType = "scim") {
  const { getPortico } = await import("~/context.server");
  const db = await getPortico().storage.control();
  const rows = await db.auditEvent.findMany({ where: { tenantId: acme.id, actorType }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.type);
}

async function connect(key: string, slug: string): Promise<{ id: string; token: string }> {
  const org = await h.api(key, "POST", "/organizations", { name: slug, slug });
  expect(org.status).toBe(201);
  const issued = await h.api(key, "POST", `/organizations/${org.body.id}/scim`);
  expect(issued.status).toBe(201);
  return { id: org.body.id, token: issued.body.token };
}

beforeAll(async () => {
  h = await startHarness("scim");
  acme = await h.createTenant("acme");
  const other = await h.createTenant("other");
  admin = (
    await h.createKey(acme, [
      "organizations:read",
      "organizations:write",
      "users:read",
      "users:write",
      "webhooks:write",
    ])
  ).key;
  const endpoint = await h.api(admin, "POST", "/webhooks/endpoints", {
    url: "http://127.0.0.1:9/hooks",
    eventTypes: ["*"],
  });
  expect(endpoint.status).toBe(201);
  const otherAdmin = (await h.createKey(other, ["organizations:read", "organizations:write"])).key;
  contoso = await connect(admin, "contoso");
  fabrikam = await connect(admin, "fabrikam");
  otherTenantToken = (await connect(otherAdmin, "contoso")).token;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("the connection", () => {
  it("shows the token once, stores only its hash, and reports the base URL and recent requests", async () => {
    const { getPortico } = await import("~/context.server");
    const row = await (
      await getPortico().storage.control()
    ).scimConnection.findFirst({ where: { organizationId: contoso.id } });
    expect(contoso.token).toMatch(/^scim_[\w-]{43}$/);
    expect(row?.tokenHash).toBe(createHash("sha256").update(contoso.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(contoso.token);

    expect((await scim(contoso.token, "GET", "/ServiceProviderConfig")).status).toBe(200);
    const status = await h.api(admin, "GET", `/organizations/${contoso.id}/scim`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ connected: true, baseUrl: `${h.baseUrl}/t/acme/api/scim/v2` });
    expect(status.body.lastUsedAt).not.toBeNull();
    expect(status.body.recentRequests[0]).toMatchObject({ method: "GET", path: "/ServiceProviderConfig", status: 200 });
    expect(status.text).not.toContain(contoso.token);
    const client = new PorticoClient({ baseUrl: h.baseUrl, apiKey: admin });
    expect(await client.organizations.scim.get(contoso.id)).toMatchObject({
      connected: true,
      tokenPrefix: contoso.token.slice(0, 12),
    });
  });

  it("refuses a missing, malformed, another tenant's, rotated or revoked token with 401 in SCIM's format", async () => {
    expectScimError(await scim(null, "GET", "/Users"), 401);
    expectScimError(await scim("scim_not-a-real-token", "GET", "/Users"), 401);
    expectScimError(await scim(otherTenantToken, "GET", "/Users"), 401);
    expect((await scim(otherTenantToken, "GET", "/Users", undefined, { slug: "other" })).status).toBe(200);

    const temporary = await connect(admin, "temporary");
    const rotated = await h.api(admin, "POST", `/organizations/${temporary.id}/scim`);
    expect(rotated.status).toBe(201);
    expectScimError(await scim(temporary.token, "GET", "/Users"), 401);
    expect((await scim(rotated.body.token, "GET", "/Users")).status).toBe(200);
    expect((await h.api(admin, "DELETE", `/organizations/${temporary.id}/scim`)).status).toBe(204);
    expectScimError(await scim(rotated.body.token, "GET", "/Users"), 401);
    expect((await h.api(admin, "GET", `/organizations/${temporary.id}/scim`)).body.connected).toBe(false);

    // Deleting an organization takes its connection with it.
    const doomed = await connect(admin, "doomed");
    expect((await h.api(admin, "DELETE", `/organizations/${doomed.id}`)).status).toBe(204);
    expectScimError(await scim(doomed.token, "GET", "/Users"), 401);
    const { getPortico } = await import("~/context.server");
    const control = await getPortico().storage.control();
    expect(await control.scimConnection.count({ where: { organizationId: doomed.id } })).toBe(0);
    expect(await auditTypes("api_key")).toEqual(
      expect.arrayContaining(["scim.token_created", "scim.token_rotated", "scim.connection_revoked"]),
    );
  });

  it("answers the discovery documents", async () => {
    const config = await scim(contoso.token, "GET", "/ServiceProviderConfig");
    expect(config.headers.get("content-type")).toContain("application/scim+json");
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true },
    });
    const types = await scim(contoso.token, "GET", "/ResourceTypes");
    expect(types.body.Resources.map((t: { id: string }) => t.id)).toEqual(["User", "Group"]);
    const schema = await scim(contoso.token, "GET", `/Schemas/${USER}`);
    expect(schema.body.attributes.map((a: { name: string }) => a.name)).toContain("userName");
    expectScimError(await scim(contoso.token, "GET", "/Schemas/urn:nope"), 404);
  });
});

describe("an Entra ID provisioning cycle", () => {
  let aliceId: string;

  it("looks the user up, creates them into the organization, and finds them by userName and externalId", async () => {
    const lookup = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "alice@contoso.com"')}`,
    );
    expect(lookup.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim(contoso.token, "POST", "/Users", entraUser("alice@contoso.com", "8c1f-alice"));
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toContain("application/scim+json");
    aliceId = created.body.id;
    expect(created.headers.get("location")).toBe(`${h.baseUrl}/t/acme/api/scim/v2/Users/${aliceId}`);
    expect(created.body).toMatchObject({
      userName: "alice@contoso.com",
      externalId: "8c1f-alice",
      active: true,
      displayName: "Alice Adams",
      name: { givenName: "Alice", familyName: "Adams" },
      emails: [{ value: "alice@contoso.com", primary: true }],
    });

    const db = await liveDb();
    const member = await db.member.findFirst({ where: { organizationId: contoso.id, userId: aliceId } });
    expect(member?.role).toBe("member");
    expect(await db.user.findUnique({ where: { id: aliceId } })).toMatchObject({
      email: "alice@contoso.com",
      name: "Alice Adams",
    });

    const byUserName = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "alice@contoso.com"')}`,
    );
    expect(byUserName.body.Resources.map((u: { id: string }) => u.id)).toEqual([aliceId]);
    const byExternalId = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('externalId eq "8c1f-alice"')}`,
    );
    expect(byExternalId.body.totalResults).toBe(1);
    expect(await auditTypes()).toEqual(
      expect.arrayContaining(["admin.user.created", "admin.organization.member_added"]),
    );
  });

  it("keeps the user out of every other organization's and tenant's reach", async () => {
    expectScimError(await scim(fabrikam.token, "GET", `/Users/${aliceId}`), 404);
    expectScimError(
      await scim(fabrikam.token, "PATCH", `/Users/${aliceId}`, patch({ op: "replace", path: "active", value: false })),
      404,
    );
    expectScimError(await scim(fabrikam.token, "DELETE", `/Users/${aliceId}`), 404);
    const listed = await scim(fabrikam.token, "GET", "/Users");
    expect(listed.body.Resources.map((u: { id: string }) => u.id)).not.toContain(aliceId);
    expect((await scim(contoso.token, "GET", `/Users/${aliceId}`)).body.active).toBe(true);
  });

  it("applies Entra's replace operations: name parts, the work email, displayName", async () => {
    const answer = await scim(
      contoso.token,
      "PATCH",
      `/Users/${aliceId}`,
      patch(
        { op: "Replace", path: "name.givenName", value: "Alicia" },
        { op: "Replace", path: 'emails[type eq "work"].value', value: "alicia@contoso.com" },
        { op: "Replace", path: "displayName", value: "Alicia Adams" },
        { op: "Add", path: "title", value: "Staff Engineer" },
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      userName: "alice@contoso.com",
      displayName: "Alicia Adams",
      name: { givenName: "Alicia", familyName: "Adams" },
      emails: [{ value: "alicia@contoso.com" }],
    });
    const user = await (await liveDb()).user.findUnique({ where: { id: aliceId } });
    expect(user).toMatchObject({ email: "alicia@contoso.com", name: "Alicia Adams" });
    const noPath = await scim(
      contoso.token,
      "PATCH",
      `/Users/${aliceId}`,
      patch({ op: "replace", value: { externalId: "8c1f-alicia", "name.familyName": "Baker" } }),
    );
    expect(noPath.body).toMatchObject({ externalId: "8c1f-alicia", name: { familyName: "Baker" } });
    expect(await auditTypes()).toContain("admin.user.updated");
  });

  it("replaces the whole user with PUT", async () => {
    const put = await scim(contoso.token, "PUT", `/Users/${aliceId}`, {
      schemas: [USER],
      userName: "alice@contoso.com",
      externalId: "8c1f-alicia",
      name: { givenName: "Alice", familyName: "Baker" },
      emails: [{ type: "work", value: "alice@contoso.com", primary: true }],
      active: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ displayName: "Alice Baker", emails: [{ value: "alice@contoso.com" }] });
  });

  it("deletes a user SCIM created and who is in no other organization", async () => {
    expect((await scim(contoso.token, "DELETE", `/Users/${aliceId}`)).status).toBe(204);
    expect(await (await liveDb()).user.findUnique({ where: { id: aliceId } })).toBeNull();
    expectScimError(await scim(contoso.token, "GET", `/Users/${aliceId}`), 404);
    expect(await auditTypes()).toContain("admin.user.deleted");
  });
});

describe("deactivation", () => {
  it("bans an existing member at once (their session is refused on the next get-session) and reactivation lets them back", async () => {
    const created = await h.api(admin, "POST", "/users", {
      email: "bob@contoso.com",
      name: "Bob",
      password: "correct-horse-battery-9",
    });
    expect(created.status).toBe(201);
    expect(
      (await h.api(admin, "POST", `/organizations/${contoso.id}/members`, { userId: created.body.id })).status,
    ).toBe(201);
    const signedIn = await h.signIn("acme", "bob@contoso.com", "correct-horse-battery-9");
    expect(signedIn.status).toBe(200);
    const getSession = async () => {
      const response = await fetch(`${h.baseUrl}/t/acme/api/auth/get-session`, {
        headers: { cookie: signedIn.cookie },
      });
      return (await response.json()) as { user?: { id: string } } | null;
    };
    expect((await getSession())?.user?.id).toBe(created.body.id);

    // Entra matches the existing member by userName before deciding to create.
    const found = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "bob@contoso.com"')}`,
    );
    expect(found.body.Resources.map((u: { id: string }) => u.id)).toEqual([created.body.id]);

    const off = await scim(
      contoso.token,
      "PATCH",
      `/Users/${created.body.id}`,
      patch({ op: "Replace", path: "active", value: "False" }),
    );
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(await getSession()).toBeNull();
    expect((await h.signIn("acme", "bob@contoso.com", "correct-horse-battery-9")).status).toBe(403);
    expect((await h.api(admin, "GET", `/users/${created.body.id}`)).body.banned).toBe(true);

    const on = await scim(
      contoso.token,
      "PATCH",
      `/Users/${created.body.id}`,
      patch({ op: "replace", value: { active: true } }),
    );
    expect(on.body.active).toBe(true);
    expect((await h.signIn("acme", "bob@contoso.com", "correct-horse-battery-9")).status).toBe(200);
    expect(await auditTypes()).toEqual(expect.arrayContaining(["admin.user.banned", "admin.user.unbanned"]));

    // A user the organization did not create only leaves it.
    expect((await scim(contoso.token, "DELETE", `/Users/${created.body.id}`)).status).toBe(204);
    const db = await liveDb();
    expect(await db.user.findUnique({ where: { id: created.body.id } })).not.toBeNull();
    expect(await db.member.findFirst({ where: { organizationId: contoso.id, userId: created.body.id } })).toBeNull();
  });
});

describe("an Okta provisioning cycle", () => {
  it("creates with a password it ignores, deactivates with PUT and reactivates with a path-less PATCH", async () => {
    const search = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "olga@contoso.com"')}&startIndex=1&count=100`,
    );
    expect(search.body).toMatchObject({ totalResults: 0, startIndex: 1 });
    const okta = {
      schemas: [USER],
      userName: "olga@contoso.com",
      name: { givenName: "Olga", familyName: "Ortiz" },
      emails: [{ primary: true, value: "olga@contoso.com", type: "work" }],
      locale: "en-US",
      externalId: "00u1okta",
      groups: [],
      password: "Okta-Sent-This-1!",
      active: true,
    };
    const created = await scim(contoso.token, "POST", "/Users", okta);
    expect(created.status).toBe(201);
    expect(created.body.displayName).toBe("Olga Ortiz");
    expect(created.text).not.toContain("Okta-Sent-This-1!");
    const db = await liveDb();
    expect(await db.account.count({ where: { userId: created.body.id, providerId: "credential" } })).toBe(0);

    const off = await scim(contoso.token, "PUT", `/Users/${created.body.id}`, { ...okta, active: false });
    expect(off.body.active).toBe(false);
    expect((await db.user.findUnique({ where: { id: created.body.id } }))?.banned).toBe(true);
    const on = await scim(contoso.token, "PATCH", `/Users/${created.body.id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: true } }],
    });
    expect(on.body.active).toBe(true);
    expect((await db.user.findUnique({ where: { id: created.body.id } }))?.banned).toBe(false);
  });
});

describe("groups", () => {
  it("creates a team with members, adds and removes members, renames, replaces and deletes it", async () => {
    const ids: string[] = [];
    for (const name of ["carol", "dan", "erin"]) {
      const created = await scim(
        contoso.token,
        "POST",
        "/Users",
        entraUser(`${name}@contoso.com`, `ext-${name}`, { displayName: name }),
      );
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const [carol, dan, erin] = ids as [string, string, string];
    const group = await scim(contoso.token, "POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Sales",
      members: [{ value: carol }],
    });
    expect(group.status).toBe(201);
    const groupId = group.body.id;
    const team = await (await liveDb()).team.findUnique({ where: { id: groupId } });
    expect(team).toMatchObject({ name: "Sales", organizationId: contoso.id, memberCount: 1 });

    const memberIds = async () =>
      ((await scim(contoso.token, "GET", `/Groups/${groupId}`)).body.members as { value: string }[])
        .map((m) => m.value)
        .sort();
    await scim(
      contoso.token,
      "PATCH",
      `/Groups/${groupId}`,
      patch({ op: "Add", path: "members", value: [{ value: dan }, { value: erin }] }),
    );
    expect(await memberIds()).toEqual([carol, dan, erin].sort());
    await scim(
      contoso.token,
      "PATCH",
      `/Groups/${groupId}`,
      patch({ op: "Remove", path: `members[value eq "${dan}"]` }),
    );
    expect(await memberIds()).toEqual([carol, erin].sort());
    await scim(
      contoso.token,
      "PATCH",
      `/Groups/${groupId}`,
      patch({ op: "Remove", path: "members", value: [{ value: erin }] }),
    );
    expect(await memberIds()).toEqual([carol]);
    const renamed = await scim(
      contoso.token,
      "PATCH",
      `/Groups/${groupId}`,
      patch({ op: "Replace", value: { id: groupId, displayName: "Sales EMEA" } }),
    );
    expect(renamed.body.displayName).toBe("Sales EMEA");

    const filtered = await scim(
      contoso.token,
      "GET",
      `/Groups?filter=${encodeURIComponent('displayName eq "Sales EMEA"')}&excludedAttributes=members`,
    );
    expect(filtered.body.totalResults).toBe(1);
    expect(filtered.body.Resources[0].members).toBeUndefined();

    const put = await scim(contoso.token, "PUT", `/Groups/${groupId}`, {
      displayName: "Sales EMEA",
      members: [{ value: dan }],
    });
    expect(put.body.members.map((m: { value: string }) => m.value)).toEqual([dan]);

    // A user of another organization cannot be put in this one's group.
    const stranger = await scim(fabrikam.token, "POST", "/Users", entraUser("frank@fabrikam.com", "ext-frank"));
    expectScimError(
      await scim(
        contoso.token,
        "PATCH",
        `/Groups/${groupId}`,
        patch({ op: "add", path: "members", value: [{ value: stranger.body.id }] }),
      ),
      400,
      "invalidValue",
    );
    expectScimError(await scim(fabrikam.token, "GET", `/Groups/${groupId}`), 404);
    expectScimError(await scim(contoso.token, "POST", "/Groups", { displayName: "Sales EMEA" }), 409, "uniqueness");

    expect((await scim(contoso.token, "DELETE", `/Groups/${groupId}`)).status).toBe(204);
    expectScimError(await scim(contoso.token, "GET", `/Groups/${groupId}`), 404);
    expect(await auditTypes()).toEqual(
      expect.arrayContaining([
        "admin.organization.team_created",
        "admin.organization.team_members_changed",
        "admin.organization.team_deleted",
      ]),
    );
  });
});

describe("refusals", () => {
  it("answers bad filters, duplicates, unknown ids and malformed bodies with SCIM errors", async () => {
    expectScimError(
      await scim(contoso.token, "GET", `/Users?filter=${encodeURIComponent('userName sw "a"')}`),
      400,
      "invalidFilter",
    );
    expectScimError(
      await scim(contoso.token, "GET", `/Users?filter=${encodeURIComponent('title eq "x"')}`),
      400,
      "invalidFilter",
    );
    expectScimError(
      await scim(contoso.token, "GET", `/Users?filter=${encodeURIComponent("userName eq alice")}`),
      400,
      "invalidFilter",
    );

    expect((await scim(contoso.token, "POST", "/Users", entraUser("grace@contoso.com", "ext-grace"))).status).toBe(201);
    expectScimError(
      await scim(contoso.token, "POST", "/Users", entraUser("grace@contoso.com", "ext-grace-2")),
      409,
      "uniqueness",
    );
    expectScimError(
      await scim(contoso.token, "POST", "/Users", entraUser("heidi@contoso.com", "ext-grace")),
      409,
      "uniqueness",
    );

    expectScimError(await scim(contoso.token, "GET", "/Users/no-such-user"), 404);
    expectScimError(
      await scim(contoso.token, "PATCH", "/Users/no-such-user", patch({ op: "replace", path: "active", value: false })),
      404,
    );
    const missing = await scim(contoso.token, "POST", "/Users", { schemas: [USER], name: { givenName: "x" } });
    expectScimError(missing, 400, "invalidValue");
    expect(missing.body.detail).toContain("userName");
    expectScimError(await scim(contoso.token, "POST", "/Users", "{not json"), 400, "invalidSyntax");
    expectScimError(
      await scim(contoso.token, "POST", "/Users", entraUser("ivan@contoso.com", "x"), { contentType: "text/plain" }),
      415,
    );
    const grace = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "grace@contoso.com"')}`,
    );
    const graceId = grace.body.Resources[0].id;
    expectScimError(
      await scim(contoso.token, "PATCH", `/Users/${graceId}`, patch({ op: "move", path: "active" })),
      400,
      "invalidSyntax",
    );
    expectScimError(
      await scim(contoso.token, "PATCH", `/Users/${graceId}`, patch({ op: "replace", path: "active", value: "maybe" })),
      400,
      "invalidValue",
    );
    expectScimError(
      await scim(contoso.token, "PATCH", `/Users/${graceId}`, patch({ op: "remove", path: "userName" })),
      400,
      "mutability",
    );
    expectScimError(
      await scim(
        contoso.token,
        "POST",
        "/Users",
        entraUser("big@contoso.com", "big", { title: "x".repeat(300 * 1024) }),
      ),
      413,
    );
    expectScimError(await scim(contoso.token, "DELETE", "/Users"), 405);
  });

  it("accepts plain application/json as well, and pages with startIndex and count", async () => {
    const json = await scim(contoso.token, "POST", "/Users", entraUser("judy@contoso.com", "ext-judy"), {
      contentType: "application/json",
    });
    expect(json.status).toBe(201);
    const all = await scim(contoso.token, "GET", "/Users");
    const second = await scim(contoso.token, "GET", "/Users?startIndex=2&count=1");
    expect(second.body).toMatchObject({ totalResults: all.body.totalResults, startIndex: 2, itemsPerPage: 1 });
    expect(second.body.Resources[0].id).toBe(all.body.Resources[1].id);
  });
});

describe("the user's lifecycle elsewhere", () => {
  it("matches userName case-insensitively, and frees a userName whose user was deleted outside SCIM", async () => {
    const created = await scim(contoso.token, "POST", "/Users", entraUser("Kim@Contoso.com", "ext-kim"));
    expect(created.status).toBe(201);
    expect(created.body.userName).toBe("kim@contoso.com");
    const found = await scim(
      contoso.token,
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "KIM@contoso.com"')}`,
    );
    expect(found.body.Resources.map((u: { id: string }) => u.id)).toEqual([created.body.id]);

    expect((await h.api(admin, "DELETE", `/users/${created.body.id}`)).status).toBe(204);
    const again = await scim(contoso.token, "POST", "/Users", entraUser("kim@contoso.com", "ext-kim"));
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(created.body.id);
  });
});

describe("events", () => {
  it("sends SCIM's changes to webhooks as the console's", async () => {
    const { getPortico } = await import("~/context.server");
    const db = await getPortico().storage.control();
    const types = (await db.webhookMessage.findMany({ where: { tenantId: acme.id } })).map((m) => m.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "user.created",
        "user.updated",
        "user.banned",
        "user.deleted",
        "organization.member_added",
        "organization.member_removed",
      ]),
    );
  });
});

describe("rate limit", () => {
  it("refuses a connection's requests over its budget with 429, and only that connection's", async () => {
    const { SCIM_RATE_LIMIT_PER_MINUTE } = await import("~/scim/connections.server");
    const busy = await connect(admin, "busy");
    for (let sent = 0; sent < SCIM_RATE_LIMIT_PER_MINUTE; sent += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, () => scim(busy.token, "GET", "/ServiceProviderConfig")),
      );
      expect(batch.every((answer) => answer.status === 200)).toBe(true);
    }
    const refused = await scim(busy.token, "GET", "/ServiceProviderConfig");
    expectScimError(refused, 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await scim(contoso.token, "GET", "/ServiceProviderConfig")).status).toBe(200);
  }, 60_000);
});
