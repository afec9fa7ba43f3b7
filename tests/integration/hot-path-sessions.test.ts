/**
 * Issue 17, item 1: get-session is answered from in-process caches of session lookups and of
 * whole answers (app/sessions), and a signed-out, revoked or banned session is still refused on
 * the very next request; the rate limit still counts every request. Real tenants on SQLite and
 * PostgreSQL, through their HTTP auth API and the function the auth API route and server.ts's
 * fast path answer get-session with.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { answerGetSession } from "~/sessions/get-session-answers.server";
import { cachedSessionCount, invalidateSessions, SESSION_CACHE_TTL_MS } from "~/sessions/session-cache.server";
import { liveTenantHarness, PUBLIC_URL } from "../support/live-tenant";
import { testProviders } from "../support/storage";

const PASSWORD = "correct horse battery staple";

describe.each(testProviders())("get-session with the session cache (%s)", (provider) => {
  const harness = liveTenantHarness(provider);
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());
  beforeEach(async () => {
    await harness.reset();
    await harness.createTenant();
  });

  async function signUp(email: string) {
    const answer = await harness.call("/sign-up/email", { body: { email, password: PASSWORD, name: "Ada" } });
    expect(answer.status).toBe(200);
    return answer.cookie;
  }

  async function signIn(email: string) {
    const answer = await harness.call("/sign-in/email", { body: { email, password: PASSWORD } });
    expect(answer.status).toBe(200);
    return answer.cookie;
  }

  /** get-session as the auth API answers it (cache first); `handled` counts better-auth's answers. */
  let handled = 0;
  async function getSession(cookie: string, ip = "10.1.2.3"): Promise<Response> {
    const live = { ...(await harness.live()), hostMode: false, basePath: "/t/acme" };
    const request = new Request(`${PUBLIC_URL}/t/acme/api/auth/get-session`, {
      headers: { cookie, [CLIENT_IP_HEADER]: ip },
    });
    return answerGetSession(live, request, () => {
      handled += 1;
      return live.auth.handler(request);
    });
  }

  /** The signed-in user's email, or null when the session is refused. */
  async function whoIs(cookie: string): Promise<string | null> {
    const answer = await getSession(cookie);
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { user?: { email: string } } | null)?.user?.email ?? null;
  }

  it("answers repeated get-sessions from the cache, without a JWT signed on each", async () => {
    const cookie = await signUp("ada@example.com");
    const before = cachedSessionCount();
    const first = await harness.call("/get-session", { cookie });
    expect(cachedSessionCount()).toBe(before + 1);
    handled = 0;
    expect(await whoIs(cookie)).toBe("ada@example.com");
    expect(await whoIs(cookie)).toBe("ada@example.com");
    expect(await whoIs(cookie)).toBe("ada@example.com");
    expect(handled).toBe(1);
    // JWTs come from GET /token when a client wants one (the widgets do), not with every answer.
    expect(first.response.headers.get("set-auth-jwt")).toBeNull();
    const token = await harness.call("/token", { cookie });
    expect((token.json as { token: string }).token.split(".")).toHaveLength(3);
  });

  it("refuses a signed-out session on the very next request", async () => {
    const cookie = await signUp("ada@example.com");
    expect(await whoIs(cookie)).toBe("ada@example.com");
    expect((await harness.call("/sign-out", { cookie, body: {} })).status).toBe(200);
    expect(await whoIs(cookie)).toBeNull();
  });

  it("refuses a session revoked from another device on the very next request", async () => {
    const laptop = await signUp("ada@example.com");
    const phone = await signIn("ada@example.com");
    expect(await whoIs(phone)).toBe("ada@example.com");
    const sessions = (await harness.call("/list-sessions", { cookie: laptop })).json as unknown as { token: string }[];
    const phoneToken = sessions.map((session) => session.token).find((token) => phone.includes(token));
    expect(phoneToken).toMatch(/^[A-Za-z0-9]{32}$/);
    expect((await harness.call("/revoke-session", { cookie: laptop, body: { token: phoneToken } })).status).toBe(200);
    expect(await whoIs(phone)).toBeNull();
    expect(await whoIs(laptop)).toBe("ada@example.com");
  });

  it("refuses a banned user's session on the very next request", async () => {
    const cookie = await signUp("ada@example.com");
    expect(await whoIs(cookie)).toBe("ada@example.com");
    const live = await harness.live();
    const user = await live.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    // What the console and the management API do to ban (app/management-api/users.server.ts).
    const { internalAdapter } = await live.auth.$context;
    await internalAdapter.updateUser(user.id, { banned: true, banReason: "Chargeback" });
    await internalAdapter.deleteUserSessions(user.id);
    expect(await whoIs(cookie)).toBeNull();
  });

  it("shows a profile change on the very next request", async () => {
    const cookie = await signUp("ada@example.com");
    const name = async () => ((await (await getSession(cookie)).json()) as { user: { name: string } }).user.name;
    expect(await name()).toBe("Ada");
    expect(await name()).toBe("Ada");
    expect((await harness.call("/update-user", { cookie, body: { name: "Ada Lovelace" } })).status).toBe(200);
    expect(await name()).toBe("Ada Lovelace");
  });

  it("counts cached answers against the tenant's rate limit: over it, better-auth's 429", async () => {
    await harness.reset();
    await harness.createTenant({ config: { rateLimit: { max: 3, window: 60 } } });
    const cookie = await signUp("ada@example.com");
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await getSession(cookie, "10.7.7.7")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another client address has its own count.
    expect((await getSession(cookie, "10.7.7.8")).status).toBe(200);
  });

  it("sees a session deleted behind better-auth's back at once when told, and within the TTL otherwise", async () => {
    const live = await harness.live();
    const told = await signUp("ada@example.com");
    const untold = await signUp("grace@example.com");
    expect(await whoIs(told)).toBe("ada@example.com");
    expect(await whoIs(untold)).toBe("grace@example.com");

    const ada = await live.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    await live.db.session.deleteMany({ where: { userId: ada.id } });
    invalidateSessions({ tenantId: live.tenant.id, userId: ada.id });
    expect(await whoIs(told)).toBeNull();

    // Another instance revoking it: this one may answer from its cache for at most the TTL.
    const grace = await live.db.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    await live.db.session.deleteMany({ where: { userId: grace.id } });
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_TTL_MS + 50));
    expect(await whoIs(untold)).toBeNull();
  });
});
