import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleAccess } from "~/admin/access.server";
import { organizationInvitationsAction } from "~/organizations/console-invitations.server";
import { organizationTeamsAction } from "~/organizations/console-teams.server";
import { createOrganizationFromConsole, organizationMembersAction } from "~/organizations/console.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type ApiAnswer, type Harness } from "./management-api-harness";

/**
 * Issue 14 item 7 for organizations: the same member change through the console's forms and
 * through /api/v1 leaves the organization with the same members and writes the same audit
 * entry (which is also the webhook event); a refusal is the same refusal on both.
 */
let h: Harness;
let acme: Tenant;
let key: string;
let access: ConsoleAccess;
let counter = 0;

type Org = { id: string; owner: string; member: string; outsider: { id: string; email: string } };

async function user(name: string) {
  const created = await h.api(key, "POST", "/users", {
    email: `${name.toLowerCase()}-${++counter}@example.com`,
    name,
    password: "correct-horse-battery",
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; email: string };
}

/** An organization with an owner and a member, and a user of the tenant outside it. */
async function newOrg(): Promise<Org> {
  const owner = await user("Owner");
  const org = await h.api(key, "POST", "/organizations", {
    name: "Parity",
    slug: `parity-${++counter}`,
    ownerUserId: owner.id,
  });
  const member = await h.api(key, "POST", `/organizations/${org.body.id}/members`, {
    userId: (await user("Member")).id,
  });
  const members = await h.api(key, "GET", `/organizations/${org.body.id}/members`);
  const ownerMember = members.body.data.find((m: { role: string }) => m.role === "owner");
  return { id: org.body.id, owner: ownerMember.id, member: member.body.id, outsider: await user("Outsider") };
}

/** What an administrator would check: who is in it (by name) with which role. */
async function membersOf(org: Org) {
  const answer = await h.api(key, "GET", `/organizations/${org.id}/members`);
  return answer.body.data
    .map((m: { role: string; user: { name: string } }) => `${m.user.name}:${m.role}`)
    .sort() as string[];
}

async function lastAuditOf(org: Org) {
  const { getPortico } = await import("~/context.server");
  const [entry] = (await getPortico().audit.list({ tenantId: acme.id, type: "admin.organization.", limit: 50 })).filter(
    (event) => event.targetId === org.id,
  );
  const { role, from, to } = entry?.data ?? {};
  return { type: entry?.type, role, from, to };
}

async function consolePost(org: Org, fields: Record<string, string>) {
  const request = new Request(`${h.baseUrl}/admin/acme/organizations/${org.id}/members`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "parity-test" },
    body: new URLSearchParams(fields),
  });
  const result = await organizationMembersAction(access, request, org.id);
  // Success is a redirect with a toast; a refusal is the form's errors with a 4xx status.
  if (result instanceof Response) return { status: result.status, error: undefined };
  return { status: result.init?.status ?? 200, error: Object.values(result.data.errors)[0] };
}

type Row = {
  operation: string;
  console: (org: Org) => Promise<{ status: number; error?: string }>;
  api: (org: Org) => Promise<ApiAnswer>;
  expected: string[];
  audit: { type: string; role?: string; from?: string; to?: string };
  refused?: { status: number; code: string; message: string };
};

const ROWS: Row[] = [
  {
    operation: "add a member with a role",
    console: (org) => consolePost(org, { intent: "add", email: org.outsider.email, role: "admin" }),
    api: (org) => h.api(key, "POST", `/organizations/${org.id}/members`, { userId: org.outsider.id, role: "admin" }),
    expected: ["Member:member", "Outsider:admin", "Owner:owner"],
    audit: { type: "admin.organization.member_added", role: "admin" },
  },
  {
    operation: "change a member's role",
    console: (org) => consolePost(org, { intent: "change-role", memberId: org.member, role: "owner" }),
    api: (org) => h.api(key, "PATCH", `/organizations/${org.id}/members/${org.member}`, { role: "owner" }),
    expected: ["Member:owner", "Owner:owner"],
    audit: { type: "admin.organization.member_role_changed", from: "member", to: "owner" },
  },
  {
    operation: "remove a member",
    console: (org) => consolePost(org, { intent: "remove", memberId: org.member }),
    api: (org) => h.api(key, "DELETE", `/organizations/${org.id}/members/${org.member}`),
    expected: ["Owner:owner"],
    audit: { type: "admin.organization.member_removed" },
  },
  {
    operation: "refuse to demote the only owner",
    console: (org) => consolePost(org, { intent: "change-role", memberId: org.owner, role: "admin" }),
    api: (org) => h.api(key, "PATCH", `/organizations/${org.id}/members/${org.owner}`, { role: "admin" }),
    expected: ["Member:member", "Owner:owner"],
    audit: { type: "admin.organization.member_added", role: "member" },
    refused: { status: 409, code: "last_owner", message: "This is the organization's only owner" },
  },
  {
    operation: "refuse to remove the only owner",
    console: (org) => consolePost(org, { intent: "remove", memberId: org.owner }),
    api: (org) => h.api(key, "DELETE", `/organizations/${org.id}/members/${org.owner}`),
    expected: ["Member:member", "Owner:owner"],
    audit: { type: "admin.organization.member_added", role: "member" },
    refused: { status: 409, code: "last_owner", message: "This is the organization's only owner" },
  },
  {
    operation: "refuse a role the organization does not have",
    console: (org) => consolePost(org, { intent: "change-role", memberId: org.member, role: "auditor" }),
    api: (org) => h.api(key, "PATCH", `/organizations/${org.id}/members/${org.member}`, { role: "auditor" }),
    expected: ["Member:member", "Owner:owner"],
    audit: { type: "admin.organization.member_added", role: "member" },
    refused: { status: 422, code: "validation_failed", message: "This organization has no such role." },
  },
];

beforeAll(async () => {
  h = await startHarness("organization-surfaces");
  acme = await h.createTenant("acme");
  key = (
    await h.createKey(acme, ["users:read", "users:write", "organizations:read", "organizations:write", "config:write"])
  ).key;
  access = {
    user: { id: "platform-admin-1", name: "Olive", email: "olive@console.test", emailVerified: true },
    tenant: acme,
    role: "admin",
  };
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("the console and /api/v1 give the same result", () => {
  it.each(ROWS)("$operation", async (row) => {
    const [viaConsole, viaApi] = [await newOrg(), await newOrg()];
    expect(await membersOf(viaConsole)).toEqual(await membersOf(viaApi));

    const fromConsole = await row.console(viaConsole);
    const fromApi = await row.api(viaApi);
    if (row.refused) {
      expect(fromConsole.status).toBe(row.refused.status === 422 ? 400 : row.refused.status);
      expect(fromConsole.error).toContain(row.refused.message);
      expect(fromApi.status).toBe(row.refused.status);
      expect(fromApi.body.error).toMatchObject({ code: row.refused.code });
      expect(fromApi.body.error.message).toContain(row.refused.message);
    } else {
      expect(fromConsole.status).toBe(302);
      expect(fromApi.status, fromApi.text).toBeLessThan(300);
    }

    expect(await membersOf(viaConsole)).toEqual(row.expected);
    expect(await membersOf(viaApi)).toEqual(row.expected);
    expect(await lastAuditOf(viaConsole)).toEqual(await lastAuditOf(viaApi));
    expect(await lastAuditOf(viaConsole)).toMatchObject(row.audit);
  });

  it("creates the same organization from the console's form and from POST /organizations", async () => {
    const request = new Request(`${h.baseUrl}/admin/acme/organizations`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "Café Zürich", slug: "" }),
    });
    const created = await createOrganizationFromConsole(access, request);
    expect(created instanceof Response ? created.status : JSON.stringify(created)).toBe(302);
    const viaApi = await h.api(key, "POST", "/organizations", { name: "Café Zürich", slug: "cafe-zurich-api" });
    expect(viaApi.status).toBe(201);
    const listed = (await h.api(key, "GET", "/organizations?limit=100")).body.data as { name: string; slug: string }[];
    expect(
      listed
        .filter((org) => org.name === "Café Zürich")
        .map((org) => org.slug)
        .sort(),
    ).toEqual(["cafe-zurich", "cafe-zurich-api"]);

    // A slug taken is refused on the slug field by both.
    const again = await createOrganizationFromConsole(
      access,
      new Request(`${h.baseUrl}/admin/acme/organizations`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "Other", slug: "cafe-zurich" }),
      }),
    );
    expect(again instanceof Response ? again.status : again.init?.status).toBe(409);
    if (!(again instanceof Response))
      expect(again.data.errors).toEqual({ slug: "Another organization already uses this slug." });
    const apiAgain = await h.api(key, "POST", "/organizations", { name: "Other", slug: "cafe-zurich" });
    expect(apiAgain.status).toBe(409);
    expect(apiAgain.body.error.details).toEqual([
      { field: "slug", message: "Another organization already uses this slug." },
    ]);
  });

  it("invites, refuses a second invitation, resends and revokes alike, with the email in the tenant's outbox", async () => {
    expect((await h.api(key, "PATCH", "/config", { authMethods: { organizations: { enabled: true } } })).status).toBe(
      200,
    );
    const org = await newOrg();
    const invitePath = `/organizations/${org.id}/invitations`;
    const consoleForm = async (fields: Record<string, string>) => {
      const request = new Request(`${h.baseUrl}/admin/acme/organizations/${org.id}/invitations`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      });
      const result = await organizationInvitationsAction(access, request, org.id);
      return result instanceof Response
        ? { status: result.status, errors: undefined }
        : { status: result.init?.status, errors: result.data.errors };
    };
    expect((await consoleForm({ intent: "invite", email: "Viv@Example.com", role: "admin" })).status).toBe(302);
    expect((await h.api(key, "POST", invitePath, { email: "wes@example.com", role: "admin" })).status).toBe(201);

    const listed = await h.api(key, "GET", invitePath);
    expect(listed.body.data.map((i: { email: string; role: string }) => `${i.email}:${i.role}`).sort()).toEqual([
      "viv@example.com:admin",
      "wes@example.com:admin",
    ]);
    const { getPortico } = await import("~/context.server");
    const outbox = await (
      await getPortico().storage.control()
    ).emailMessage.findMany({
      where: { tenantId: acme.id, to: { in: ["viv@example.com", "wes@example.com"] } },
      select: { to: true, subject: true },
    });
    expect(outbox.map((mail) => mail.to).sort()).toEqual(["viv@example.com", "wes@example.com"]);
    expect(outbox.every((mail) => mail.subject.includes("Parity"))).toBe(true);

    // The same address twice: refused on the email field by both.
    const again = await consoleForm({ intent: "invite", email: "wes@example.com", role: "member" });
    expect(again).toEqual({
      status: 409,
      errors: { email: "This person has a pending invitation: resend it instead." },
    });
    const apiAgain = await h.api(key, "POST", invitePath, { email: "viv@example.com" });
    expect(apiAgain.status).toBe(409);
    expect(apiAgain.body.error).toMatchObject({ code: "already_invited" });

    const [viv, wes] = ["viv@example.com", "wes@example.com"].map(
      (email) => listed.body.data.find((i: { email: string }) => i.email === email).id as string,
    );
    expect((await consoleForm({ intent: "resend", invitationId: viv! })).status).toBe(302);
    expect((await h.api(key, "POST", `${invitePath}/${wes}/resend`)).status).toBe(200);
    expect((await consoleForm({ intent: "revoke", invitationId: viv! })).status).toBe(302);
    expect((await h.api(key, "DELETE", `${invitePath}/${wes}`)).status).toBe(204);
    expect((await h.api(key, "GET", invitePath)).body.data).toEqual([]);
    expect((await h.api(key, "DELETE", `${invitePath}/${wes}`)).status).toBe(404);

    const types = (await getPortico().audit.list({ tenantId: acme.id, type: "admin.organization.", limit: 50 }))
      .filter((event) => event.targetId === org.id && event.type.includes("invitation"))
      .map((event) => event.type)
      .sort();
    expect(types).toEqual([
      "admin.organization.invitation_resent",
      "admin.organization.invitation_resent",
      "admin.organization.invitation_revoked",
      "admin.organization.invitation_revoked",
      "admin.organization.invitation_sent",
      "admin.organization.invitation_sent",
    ]);
  });

  it("creates, fills, renames, empties and deletes a team alike", async () => {
    const on = await h.api(key, "PATCH", "/config", {
      authMethods: { organizations: { enabled: true }, teams: { enabled: true, maximumMembersPerTeam: 1 } },
    });
    expect(on.status).toBe(200);
    const [viaConsole, viaApi] = [await newOrg(), await newOrg()];
    const post = async (org: Org, fields: Record<string, string>) => {
      const request = new Request(`${h.baseUrl}/admin/acme/organizations/${org.id}/teams`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      });
      const result = await organizationTeamsAction(access, request, org.id);
      return result instanceof Response ? result.status : [result.init?.status, result.data.errors];
    };
    const userIds = async (org: Org) => {
      const members = (await h.api(key, "GET", `/organizations/${org.id}/members`)).body.data as {
        userId: string;
        role: string;
      }[];
      const of = (role: string) => members.find((m) => m.role === role)!.userId;
      return { member: of("member"), owner: of("owner") };
    };
    const teamsOf = async (org: Org) =>
      (await h.api(key, "GET", `/organizations/${org.id}/teams`)).body.data.map(
        (team: { name: string; memberUserIds: string[] }) => ({ name: team.name, members: team.memberUserIds.length }),
      );

    expect(await post(viaConsole, { intent: "create", name: "Rocketry" })).toBe(302);
    const created = await h.api(key, "POST", `/organizations/${viaApi.id}/teams`, { name: "Rocketry" });
    expect(created.status).toBe(201);
    const consoleTeam = (await h.api(key, "GET", `/organizations/${viaConsole.id}/teams`)).body.data[0].id as string;
    const { member: consoleMember, owner: consoleOwner } = await userIds(viaConsole);
    const { member: apiMember, owner: apiOwner } = await userIds(viaApi);
    const teamPath = `/organizations/${viaApi.id}/teams/${created.body.id}`;

    expect(await post(viaConsole, { intent: "add-member", teamId: consoleTeam, userId: consoleMember })).toBe(302);
    expect((await h.api(key, "PUT", `${teamPath}/members/${apiMember}`)).status).toBe(204);
    // One member per team: the plugin's limit refuses the second on both.
    expect(await post(viaConsole, { intent: "add-member", teamId: consoleTeam, userId: consoleOwner })).toEqual([
      403,
      { form: "This team is full: the tenant allows 1 per team (Members per team)." },
    ]);
    const full = await h.api(key, "PUT", `${teamPath}/members/${apiOwner}`);
    expect([full.status, full.body.error.code]).toEqual([403, "team_limit_reached"]);
    // Someone outside the organization is refused.
    expect((await h.api(key, "PUT", `${teamPath}/members/${viaConsole.outsider.id}`)).status).toBe(422);
    expect(await teamsOf(viaConsole)).toEqual([{ name: "Rocketry", members: 1 }]);
    expect(await teamsOf(viaApi)).toEqual(await teamsOf(viaConsole));

    expect(await post(viaConsole, { intent: "rename", teamId: consoleTeam, name: "Propulsion" })).toBe(302);
    expect((await h.api(key, "PATCH", teamPath, { name: "Propulsion" })).status).toBe(204);
    expect(await post(viaConsole, { intent: "remove-member", teamId: consoleTeam, userId: consoleMember })).toBe(302);
    expect((await h.api(key, "DELETE", `${teamPath}/members/${apiMember}`)).status).toBe(204);
    expect(await teamsOf(viaConsole)).toEqual([{ name: "Propulsion", members: 0 }]);
    expect(await teamsOf(viaApi)).toEqual(await teamsOf(viaConsole));
    expect(await post(viaConsole, { intent: "delete", teamId: consoleTeam })).toBe(302);
    expect((await h.api(key, "DELETE", teamPath)).status).toBe(204);
    expect(await teamsOf(viaConsole)).toEqual([]);
    expect(await teamsOf(viaApi)).toEqual([]);

    const { getPortico } = await import("~/context.server");
    const typesOf = async (org: Org) =>
      (await getPortico().audit.list({ tenantId: acme.id, type: "admin.organization.", limit: 50 }))
        .filter((event) => event.targetId === org.id && event.type.includes(".team_"))
        .map((event) => event.type)
        .sort();
    expect(await typesOf(viaConsole)).toEqual(await typesOf(viaApi));
    expect(await typesOf(viaApi)).toHaveLength(5);

    const off = await h.api(key, "PATCH", "/config", { authMethods: { teams: { enabled: false } } });
    expect(off.status).toBe(200);
    const refused = await h.api(key, "POST", `/organizations/${viaApi.id}/teams`, { name: "Late" });
    expect([refused.status, refused.body.error.code]).toEqual([409, "teams_off"]);
  });
});
